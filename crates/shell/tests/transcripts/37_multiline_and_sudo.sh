# A quoted argument may span lines (bash asks for more with "> ").
aws iam create-role --role-name multi --assume-role-policy-document '{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
}' --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal'
echo one &&
echo two
sudo whoami
sudo -u root echo hi
sudo su
sudo
