aws s3api create-bucket --bucket api-bucket
aws s3api head-bucket --bucket api-bucket
aws s3api head-bucket --bucket nope-bucket
echo "body text" > body.txt
aws s3api put-object --bucket api-bucket --key dir/body.txt --body body.txt
aws s3api list-objects-v2 --bucket api-bucket
aws s3api list-objects-v2 --bucket api-bucket --query 'Contents[].Key' --output text
aws s3api get-object --bucket api-bucket --key dir/body.txt out.txt
cat out.txt
aws s3api get-object --bucket api-bucket --key dir/body.txt
aws s3api get-object --bucket api-bucket --key missing.txt out2.txt
echo '{"Version":"2012-10-17","Statement":[{"Sid":"DenyDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::api-bucket/*"}]}' > policy.json
aws s3api put-bucket-policy --bucket api-bucket --policy file://policy.json
aws s3api get-bucket-policy --bucket api-bucket
aws s3api get-bucket-policy --bucket api-bucket --query Policy --output text
aws s3 rm s3://api-bucket/dir/body.txt
