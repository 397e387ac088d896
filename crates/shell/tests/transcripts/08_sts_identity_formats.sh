aws sts get-caller-identity
aws sts get-caller-identity --output text
aws sts get-caller-identity --output table
aws sts get-caller-identity --query Arn --output text
aws sts get-caller-identity --query '{Who: Arn, Acct: Account}'
aws sts get-caller-identity --no-cli-pager --region us-east-1 --debug --query Account
