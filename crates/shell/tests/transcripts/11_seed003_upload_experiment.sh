# Source document 003: an upload from an instance fails without a role, then
# works once a role (in an instance profile) is attached.
aws s3 mb s3://madhu-testing
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web}]' --query 'Instances[0].[InstanceId,State.Name]' --output text
ID=$(aws ec2 describe-instances --filters Name=tag:Name,Values=web --query 'Reservations[0].Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
echo "test file" > f.txt
aws s3 cp f.txt s3://madhu-testing/f.txt
echo $?
aws sts get-caller-identity
echo $?
aws s3 cp s3://madhu-testing/f.txt copy.txt
exit
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name madhu-test-role --assume-role-policy-document file://trust.json --query Role.Arn --output text
aws iam attach-role-policy --role-name madhu-test-role --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess
aws iam create-instance-profile --instance-profile-name madhu-test-role --query InstanceProfile.Arn --output text
aws iam add-role-to-instance-profile --instance-profile-name madhu-test-role --role-name madhu-test-role
aws ec2 associate-iam-instance-profile --instance-id $ID --iam-instance-profile Name=madhu-test-role
sleep 10
aws ec2 describe-iam-instance-profile-associations --query 'IamInstanceProfileAssociations[].[InstanceId,State]' --output text
ssh $ID
aws s3 cp f.txt s3://madhu-testing/f.txt
aws s3 ls s3://madhu-testing
exit
