# Source document 002: a role is not an instance profile.
aws iam create-role --role-name Yuta20220815 --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' --query Role.RoleName
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=Yuta20220815
echo $?
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Arn=arn:aws:iam::123456789012:role/Yuta20220815
aws iam create-instance-profile --instance-profile-name Yuta20220815 > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name Yuta20220815 --role-name Yuta20220815
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=Yuta20220815 --query 'Instances[0].IamInstanceProfile'
aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"
