# A container is one network hop further from the metadata service.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name web-role --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name web-role > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name web-role --role-name web-role
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=web-role --metadata-options HttpTokens=required --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
aws sts get-caller-identity --query Arn --output text
docker run --rm -it amazon/aws-cli sts get-caller-identity
echo $?
container curl -s -m 2 -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"
echo $?
container curl -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600" --connect-timeout 1
exit
aws ec2 modify-instance-metadata-options --instance-id $ID --http-put-response-hop-limit 2 --http-tokens required --query 'InstanceMetadataOptions.[HttpTokens,HttpPutResponseHopLimit]' --output text
sleep 10
ssh $ID
docker run --rm -it amazon/aws-cli sts get-caller-identity --query Arn --output text
exit
aws ec2 modify-instance-metadata-options --instance-id $ID --http-put-response-hop-limit 1 --http-tokens optional > /dev/null
sleep 10
ssh $ID
docker run --rm amazon/aws-cli sts get-caller-identity --query Arn --output text
docker run --rm -e AWS_EC2_METADATA_DISABLED=true amazon/aws-cli sts get-caller-identity
exit
docker run --rm -it amazon/aws-cli sts get-caller-identity --query Arn --output text
docker run --rm -it -v ~/.aws:/root/.aws amazon/aws-cli sts get-caller-identity --query Arn --output text
docker run --rm -e AWS_ACCESS_KEY_ID=AKIAEXAMPLE00000000 -e AWS_SECRET_ACCESS_KEY=x amazon/aws-cli sts get-caller-identity
docker ps
docker run --rm busybox
