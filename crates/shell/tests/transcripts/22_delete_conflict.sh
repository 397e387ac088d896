# Deleting in the wrong order.
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name doomed --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name doomed --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam put-role-policy --role-name doomed --policy-name inline --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}'
aws iam create-instance-profile --instance-profile-name doomed > /dev/null
aws iam add-role-to-instance-profile --instance-profile-name doomed --role-name doomed
aws iam delete-role --role-name doomed
aws iam delete-instance-profile --instance-profile-name doomed
aws iam remove-role-from-instance-profile --instance-profile-name doomed --role-name doomed
aws iam delete-role --role-name doomed
aws iam detach-role-policy --role-name doomed --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam delete-role --role-name doomed
aws iam delete-role-policy --role-name doomed --policy-name inline
aws iam delete-role --role-name doomed
aws iam delete-instance-profile --instance-profile-name doomed
aws iam get-role --role-name doomed
aws iam delete-instance-profile --instance-profile-name doomed
