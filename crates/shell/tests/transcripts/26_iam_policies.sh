echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::madhu-testing/*"}]}' > bucket-policy.json
aws iam create-policy --policy-name madhu-bucket-rw --policy-document file://bucket-policy.json
aws iam get-policy --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw --query 'Policy.[PolicyName,DefaultVersionId,AttachmentCount]' --output text
aws iam get-policy-version --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw --version-id v1
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > trust.json
aws iam create-role --role-name writer --assume-role-policy-document file://trust.json > /dev/null
aws iam attach-role-policy --role-name writer --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw
aws iam attach-role-policy --role-name writer --policy-arn arn:aws:iam::aws:policy/NoSuchPolicy
aws iam list-attached-role-policies --role-name writer
aws iam put-role-policy --role-name writer --policy-name logs --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}'
aws iam list-role-policies --role-name writer
aws iam get-role-policy --role-name writer --policy-name logs
aws iam create-policy --policy-name madhu-bucket-rw --policy-document file://bucket-policy.json
aws iam list-policies --scope Local --query 'Policies[].Arn' --output text
aws iam delete-policy --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw
aws iam detach-role-policy --role-name writer --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw
aws iam delete-policy --policy-arn arn:aws:iam::123456789012:policy/madhu-bucket-rw
aws iam get-user
aws iam list-users --query 'Users[].UserName' --output text
aws iam list-attached-user-policies --user-name admin --output table
