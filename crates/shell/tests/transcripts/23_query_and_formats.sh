# --query (JMESPath) and --output text/table.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name alpha --assume-role-policy-document file://trust.json --description "first role" > /dev/null
aws iam create-role --role-name beta --path /team/ --assume-role-policy-document file://trust.json > /dev/null
aws iam list-roles --query 'Roles[].RoleName'
aws iam list-roles --query 'Roles[].RoleName' --output text
aws iam list-roles --query 'Roles[?Path==`/team/`].Arn' --output text
aws iam list-roles --query "Roles[?RoleName=='alpha'].{Name: RoleName, Id: RoleId}" --output table
aws iam list-roles --query 'length(Roles)'
aws iam list-roles --query 'sort(Roles[].RoleName)[-1]'
aws iam list-roles --query 'Roles[0] | keys(@)'
aws iam list-roles --query 'Roles[].[RoleName, Path]' --output table
aws iam list-roles --output text
aws iam list-policies --scope AWS --query "Policies[?PolicyName=='AmazonS3FullAccess'].Arn" --output text
aws iam get-role --role-name alpha --output text
aws iam get-role --role-name alpha --output table
aws iam list-roles --query 'Roles[].RoleName[' 
aws ec2 describe-instances
aws ec2 describe-instances --output text
aws ec2 describe-instances --output table
