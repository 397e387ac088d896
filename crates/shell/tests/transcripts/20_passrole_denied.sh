# A user who may launch instances but not pass the role.
aws iam create-user --user-name dev --query User.Arn --output text
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:RunInstances","ec2:Describe*","ec2:AssociateIamInstanceProfile"],"Resource":"*"}]}' > dev-policy.json
aws iam put-user-policy --user-name dev --policy-name launch --policy-document file://dev-policy.json
aws iam create-access-key --user-name dev --query 'AccessKey.[AccessKeyId,Status]' --output text
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name app --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name app > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name app --role-name app
aws iam create-access-key --user-name dev > key.json
aws configure set aws_access_key_id $(jq -r .AccessKey.AccessKeyId key.json) --profile dev
aws configure set aws_secret_access_key $(jq -r .AccessKey.SecretAccessKey key.json) --profile dev
aws configure set region us-east-1 --profile dev
aws sts get-caller-identity --profile dev --query Arn --output text
aws ec2 run-instances --profile dev --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].State.Name' --output text
aws ec2 run-instances --profile dev --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app
echo $?
AWS_PROFILE=dev aws iam list-roles
aws ec2 run-instances --profile nosuch --image-id ami-0abcdef1234567890
echo $?
