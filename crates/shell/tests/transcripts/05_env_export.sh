whoami; hostname; id
LOCAL=1
env | grep LOCAL
export LOCAL
env | grep LOCAL
export REGION=eu-west-1 EMPTY=
env | grep -c REGION
FOO=bar env | grep FOO
env | grep FOO
unset LOCAL; echo "LOCAL=[$LOCAL]"
export 1BAD=x
export -p | grep REGION
date
sleep 90s
date
sleep 5m 2h
date +%F-%T
sleep
sleep forever
uname
export SPACED=$(echo a   b) OTHER=1; echo "[$SPACED] [$OTHER]"
CONF=~/.aws/config; echo $CONF
