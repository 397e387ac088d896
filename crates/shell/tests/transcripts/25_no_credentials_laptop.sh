# The laptop without keys: the chain ends empty (there is no metadata service).
mv ~/.aws/credentials /tmp/saved
aws s3 ls
echo $?
aws s3 mb s3://new-bucket
aws configure list
AWS_EC2_METADATA_DISABLED=true aws sts get-caller-identity
aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws sts get-caller-identity
