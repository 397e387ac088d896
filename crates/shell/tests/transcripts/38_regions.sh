# Only us-east-1 is simulated; IAM and S3 do not need a region.
aws configure get region
aws ec2 describe-instances --region eu-west-1
echo $?
AWS_REGION=ap-south-1 aws logs describe-log-groups
aws iam list-users --region eu-west-1 --query 'Users[].UserName' --output text
aws configure set region ""
aws ec2 describe-instances
echo $?
aws sts get-caller-identity --query Account --output text
aws ec2 describe-instances --region us-east-1
export AWS_DEFAULT_REGION=us-east-1
aws ec2 describe-instances --query 'length(Reservations)'
aws configure list | tail -n 1
