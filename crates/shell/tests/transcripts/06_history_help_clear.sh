echo one
echo two
history
history 2
help
clear
history -c
history
