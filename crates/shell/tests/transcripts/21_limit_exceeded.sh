# An instance profile holds one role, and that cannot be raised.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name first --assume-role-policy-document file://trust.json > /dev/null
aws iam create-role --role-name second --assume-role-policy-document file://trust.json > /dev/null
aws iam create-instance-profile --instance-profile-name shared > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name shared --role-name first
aws iam add-role-to-instance-profile --instance-profile-name shared --role-name second
echo $?
aws iam create-instance-profile --instance-profile-name other --query InstanceProfile.InstanceProfileName --output text
aws iam add-role-to-instance-profile --instance-profile-name other --role-name first
aws iam list-instance-profiles-for-role --role-name first --query 'InstanceProfiles[].InstanceProfileName' --output text
aws iam get-instance-profile --instance-profile-name shared --query 'InstanceProfile.Roles[].RoleName'
aws iam create-role --role-name FIRST --assume-role-policy-document file://trust.json
aws iam create-instance-profile --instance-profile-name shared
