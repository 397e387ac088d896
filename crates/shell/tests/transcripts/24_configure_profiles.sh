aws configure list
aws configure get region
aws configure get aws_access_key_id
aws configure set region eu-west-1 --profile work
aws configure set output text --profile work
aws configure get region --profile work
aws configure get nosuch; echo $?
cat ~/.aws/config
aws configure list-profiles
aws configure list --profile work
aws sts get-caller-identity --profile work
export AWS_ACCESS_KEY_ID=AKIAEXAMPLEEXAMPLE00 AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIEXAMPLEKEYEXAMPLEEXAMPLE00
aws configure list
aws sts get-caller-identity
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
AWS_DEFAULT_OUTPUT=text aws sts get-caller-identity
aws configure
aws configure bogus
