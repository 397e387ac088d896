# IMDSv2 with curl, step by step, from inside an instance.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name app-profile > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=app-profile --metadata-options HttpTokens=required,HttpPutResponseHopLimit=2 --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
curl http://169.254.169.254/latest/meta-data/
curl -s -o /dev/null -w '%{http_code}\n' http://169.254.169.254/latest/meta-data/
TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
echo ${#TOKEN}
curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id
curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/info
curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/
curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role
curl -i -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/
curl -s -H "X-aws-ec2-metadata-token: bogus" -w '\n%{http_code}\n' http://169.254.169.254/latest/meta-data/iam/info
curl -s -X PUT http://169.254.169.254/latest/api/token -w '%{http_code}\n'
curl -sf http://169.254.169.254/latest/meta-data/nope; echo "exit $?"
curl -v -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/ami-id
curl -s -H "X-aws-ec2-metadata-token: $TOKEN" -o creds.json http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role
jq -r .Code creds.json
exit
