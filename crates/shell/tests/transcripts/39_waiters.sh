ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)
aws ec2 wait instance-running --instance-ids $ID && echo running
date
aws ec2 stop-instances --instance-ids $ID > /dev/null
aws ec2 wait instance-running --instance-ids $ID
echo $?
aws ec2 wait instance-stopped --instance-ids $ID; date
aws iam wait role-exists --role-name nobody
aws ec2 wait instance-flying --instance-ids $ID
aws sts wait x
