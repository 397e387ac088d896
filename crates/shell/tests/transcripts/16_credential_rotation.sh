# Instance credentials rotate; the CLI keeps working across hours of sleep.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name rotating --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name rotating > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name rotating --role-name rotating
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=rotating --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
C=http://169.254.169.254/latest/meta-data/iam/security-credentials/rotating
curl -s $C | jq -r .AccessKeyId
curl -s $C | jq -r .Expiration
aws sts get-caller-identity --query Arn --output text
aws configure list | grep access_key
sleep 2h
curl -s $C | jq -r .Expiration
aws configure list | grep access_key
sleep 5h
curl -s $C | jq -r .Expiration
aws configure list | grep access_key
aws sts get-caller-identity --query Arn --output text
exit
