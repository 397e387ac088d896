# Credentials copied out of the metadata service stop working when they expire.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name copied --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name copied --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam create-instance-profile --instance-profile-name copied > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name copied --role-name copied
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=copied --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/copied > creds.json
export AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId creds.json)
export AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey creds.json)
export AWS_SESSION_TOKEN=$(jq -r .Token creds.json)
aws sts get-caller-identity --query Arn --output text
aws configure list
aws s3 ls
sleep 7h
aws sts get-caller-identity
echo $?
aws s3 ls
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
aws sts get-caller-identity --query Arn --output text
