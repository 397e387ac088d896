# Words, quotes and expansions as bash does them.
echo hello "double  quoted" 'single $HOME' back\ slash
NAME=world; echo "hello $NAME" ${NAME}s '$NAME'
echo "$(echo nested $(echo deeper))" `echo backticks`
echo "tab\tnot expanded" ; echo -e "tab\there" ; echo -n no-newline
GREETING="a   b"; echo $GREETING; echo "$GREETING"
echo one && echo two || echo never
false || echo "after false: $?"
false && echo never; echo "status was $?"
true; echo $? ; ! true; echo $?
echo ~ ~/x "~"
echo "#not a comment" # a comment
X=$(cd /tmp; INNER=1; pwd); echo "$X $PWD [$INNER]"
