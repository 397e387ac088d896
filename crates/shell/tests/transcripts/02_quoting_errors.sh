# each line alone
echo "unterminated
echo $?
echo 'single
echo $(echo unclosed
echo `echo unclosed
echo ${UNCLOSED
echo ${bad name}
&& echo leading
echo trailing &&
echo a ;; echo b
echo > 
echo | | cat
