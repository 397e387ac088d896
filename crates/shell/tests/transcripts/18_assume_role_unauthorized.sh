# A trust policy that does not trust EC2: IMDS answers 200 with an error body,
# and the CLI only says it cannot find credentials.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > lambda-trust.json
aws iam create-role --role-name lambda-only --assume-role-policy-document file://lambda-trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name lambda-only > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name lambda-only --role-name lambda-only
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=lambda-only --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
curl -s http://169.254.169.254/latest/meta-data/iam/info
curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/
curl -s -w '\n%{http_code}\n' http://169.254.169.254/latest/meta-data/iam/security-credentials/lambda-only
aws s3 ls
echo $?
exit
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' > both.json
aws iam update-assume-role-policy --role-name lambda-only --policy-document file://both.json
sleep 1h
ssh $ID
aws sts get-caller-identity --query Arn --output text
exit
