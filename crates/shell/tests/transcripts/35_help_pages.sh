aws help | head -n 12
aws sts help
aws iam add-role-to-instance-profile help
aws ec2 associate-iam-instance-profile help
aws s3 help
