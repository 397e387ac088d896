ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)
ssh $ID
aws ec2 describe-instances --instance-ids $ID --query 'Reservations[].Instances[].State.Name' --output text
sleep 30
aws ec2 describe-instances --instance-ids $ID --query 'Reservations[].Instances[].[InstanceId,State.Name,PrivateIpAddress]' --output text
aws ec2 stop-instances --instance-ids $ID --query 'StoppingInstances[].CurrentState.Name' --output text
sleep 1m
ssh $ID
aws ec2 start-instances --instance-ids $ID --output text
sleep 1m
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name r1 --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name p1 > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name p1 --role-name r1
aws iam create-role --role-name r2 --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name p2 > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name p2 --role-name r2
aws ec2 associate-iam-instance-profile --instance-id $ID --iam-instance-profile Name=p1 --query IamInstanceProfileAssociation.State --output text
aws ec2 associate-iam-instance-profile --instance-id $ID --iam-instance-profile Name=p2
ASSOC=$(aws ec2 describe-iam-instance-profile-associations --query 'IamInstanceProfileAssociations[0].AssociationId' --output text)
aws ec2 replace-iam-instance-profile-association --association-id $ASSOC --iam-instance-profile Name=p2 --query 'IamInstanceProfileAssociation.[IamInstanceProfile.Arn,State]' --output text
sleep 10
aws ec2 describe-iam-instance-profile-associations --output table
NEW=$(aws ec2 describe-iam-instance-profile-associations --query 'IamInstanceProfileAssociations[0].AssociationId' --output text)
aws ec2 disassociate-iam-instance-profile --association-id $NEW --query IamInstanceProfileAssociation.State --output text
aws ec2 terminate-instances --instance-ids $ID --query 'TerminatingInstances[0].[PreviousState.Name,CurrentState.Name]' --output text
sleep 1m
aws ec2 describe-instances --query 'Reservations[].Instances[].State.Name' --output text
ssh $ID
aws ec2 terminate-instances --instance-ids i-0123456789abcdef0
