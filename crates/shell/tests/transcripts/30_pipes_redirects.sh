aws iam list-users --query 'Users[].UserName' --output text | wc -l
aws sts get-caller-identity | grep Arn
aws sts get-caller-identity > me.json; cat me.json | head -n 2
aws iam get-role --role-name nobody 2> err.txt; echo "status $?"; cat err.txt
aws iam get-role --role-name nobody > out.txt 2>&1; cat out.txt
aws iam get-role --role-name nobody 2>&1 >/dev/null | tail -n 1
aws iam get-role --role-name nobody &> both.txt; wc -l both.txt
echo first > log.txt; echo second >> log.txt; tail -n 1 log.txt
cat < log.txt | grep -v first
cat < nofile.txt
echo $(cat log.txt)
echo "x" >> /dev/null && echo ok
