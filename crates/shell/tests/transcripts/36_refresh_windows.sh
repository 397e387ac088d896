# botocore refreshes instance credentials 15 minutes (advisory) and 10 minutes
# (mandatory) before they expire; in between, a failed refresh keeps the old ones.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name short --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name short > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name short --role-name short
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=short --query 'Instances[0].InstanceId' --output text)
sleep 1m
ssh $ID
aws sts get-caller-identity --query Arn --output text
curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/short | jq -r .Expiration
exit
ASSOC=$(aws ec2 describe-iam-instance-profile-associations --query 'IamInstanceProfileAssociations[0].AssociationId' --output text)
aws ec2 disassociate-iam-instance-profile --association-id $ASSOC --query IamInstanceProfileAssociation.State --output text
sleep 5h 48m
date
ssh $ID
curl -s -o /dev/null -w '%{http_code}\n' http://169.254.169.254/latest/meta-data/iam/security-credentials/
aws sts get-caller-identity --query Arn --output text
sleep 4m
aws sts get-caller-identity --query Arn --output text
exit
