pwd
mkdir -p projects/demo && cd projects/demo && pwd
touch a.txt b.txt
echo "first line" > notes.txt
echo "second line" >> notes.txt
cat notes.txt
ls
ls -l
cat missing.txt
cd nowhere
cd notes.txt
mkdir projects
cd ~/projects
mkdir demo
ls -a demo
rm demo
rm -r demo
rm missing.txt
rm -f missing.txt; echo $?
cd -
cd
ls /tmp /dev
cat < /home/admin/.aws/config
echo hidden > /dev/null; cat /dev/null
echo oops > /nonexistent/dir/file
mkdir g && cd g && touch a.txt b.txt c.log
ls *.txt
echo *.log "*.txt" '?.log' nomatch*
rm *.txt; ls
cd
