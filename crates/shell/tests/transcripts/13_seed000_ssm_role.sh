# Source document 000: the Terraform example, done with the CLI.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name ec2-ssm-role --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name ec2-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam create-instance-profile --instance-profile-name ssm-instance-profile > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name ssm-instance-profile --role-name ec2-ssm-role
aws iam list-instance-profiles-for-role --role-name ec2-ssm-role --query 'InstanceProfiles[].InstanceProfileName'
aws ec2 run-instances --image-id ami-xyz --instance-type t3.micro --iam-instance-profile Name=ssm-instance-profile
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=ssm-instance-profile --query 'Instances[0].InstanceId' --output text
aws ssm describe-instance-information --query 'InstanceInformationList[].[InstanceId,PingStatus]' --output text
sleep 5m
aws ssm describe-instance-information --query 'InstanceInformationList[].[InstanceId,PingStatus]' --output text
