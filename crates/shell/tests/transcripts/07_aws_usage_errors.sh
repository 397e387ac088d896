aws
echo $?
aws --version
aws stss get-caller-identity
aws sts
aws sts get-caller-identiti
aws iam create-role
echo $?
aws iam create-role --role-name x --bogus value
aws iam get-role --role-name
aws sts get-caller-identity --output yaml
