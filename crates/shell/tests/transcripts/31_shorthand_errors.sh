aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name
aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Role=admin
aws ec2 run-instances --image-id ami-0abcdef1234567890 --metadata-options HttpPutResponseHopLimit=two
aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile '{"Name": "x"'
aws iam create-role --role-name r --assume-role-policy-document file://missing.json
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --count two
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --count 2 --query 'length(Instances)'
aws ec2 describe-instances --instance-ids --query x
aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --metadata-options '{"HttpTokens":"required","HttpPutResponseHopLimit":3}' --query 'Instances[0].MetadataOptions.[HttpTokens,HttpPutResponseHopLimit]' --output text
