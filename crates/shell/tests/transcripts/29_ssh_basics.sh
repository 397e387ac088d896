ssh
ssh i-00000000000000000
ID=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)
sleep 1m
IP=$(aws ec2 describe-instances --query 'Reservations[0].Instances[0].PrivateIpAddress' --output text)
ssh ec2-user@$IP hostname
ssh $ID whoami
ssh -i key.pem ec2-user@$ID
whoami; hostname; pwd; id
ls -a
grep PRETTY /etc/os-release
echo "on the instance" > note.txt
cat ~/.aws/credentials
aws configure list
exit
ls note.txt
ssh $ID cat note.txt
exit
logout
whoami
ssh $ID ec2-metadata -i -t -z
ec2-metadata -i
