foo
echo $?
kubectl get pods
terraform apply
/usr/bin/whoami
type echo aws nosuch
which aws curl nosuch
