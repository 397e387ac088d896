# Replacing the role: the instance sees it when its credentials refresh.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name reader --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name reader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam create-instance-profile --instance-profile-name reader > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name reader --role-name reader
aws iam create-role --role-name writer --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name writer --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess
aws iam create-instance-profile --instance-profile-name writer > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name writer --role-name writer
aws s3 mb s3://shared-bucket
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=reader --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
echo data > d.txt
aws s3 cp d.txt s3://shared-bucket/d.txt
exit
ASSOC=$(aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=$ID --query 'IamInstanceProfileAssociations[0].AssociationId' --output text)
aws ec2 replace-iam-instance-profile-association --association-id $ASSOC --iam-instance-profile Name=writer --query IamInstanceProfileAssociation.State --output text
sleep 10
ssh $ID
curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/
aws sts get-caller-identity --query Arn --output text
sleep 6h
aws sts get-caller-identity --query Arn --output text
aws s3 cp d.txt s3://shared-bucket/d.txt
exit
