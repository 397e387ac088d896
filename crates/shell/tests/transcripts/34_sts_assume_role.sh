echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/admin"},"Action":"sts:AssumeRole"}]}' > admin-trust.json
aws iam create-role --role-name auditor --assume-role-policy-document file://admin-trust.json > /dev/null
aws iam attach-role-policy --role-name auditor --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws sts assume-role --role-arn arn:aws:iam::123456789012:role/auditor --role-session-name audit-1 --query AssumedRoleUser
CREDS=$(aws sts assume-role --role-arn arn:aws:iam::123456789012:role/auditor --role-session-name audit-2 --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
echo $CREDS | wc -w
echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > ec2-trust.json
aws iam create-role --role-name ec2-only --assume-role-policy-document file://ec2-trust.json > /dev/null
aws sts assume-role --role-arn arn:aws:iam::123456789012:role/ec2-only --role-session-name me
aws sts assume-role --role-arn arn:aws:iam::123456789012:role/auditor --role-session-name x
aws sts assume-role --role-arn arn:aws:iam::123456789012:role/auditor --role-session-name ok --duration-seconds 60
