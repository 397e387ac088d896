# CloudWatch Logs from an instance with CloudWatchAgentServerPolicy.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name logger --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name logger --policy-arn arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy
aws iam create-instance-profile --instance-profile-name logger > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name logger --role-name logger
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=logger --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
aws logs create-log-group --log-group-name /app/web
aws logs create-log-stream --log-group-name /app/web --log-stream-name $(hostname)
aws logs put-log-events --log-group-name /app/web --log-stream-name $(hostname) --log-events timestamp=1767225660000,message="hello from the instance"
aws logs describe-log-groups --query 'logGroups[].logGroupName'
aws logs create-log-group --log-group-name /app/web
aws s3 ls
exit
