# The laptop has no metadata service; the simulated network has no internet.
curl http://169.254.169.254/latest/meta-data/
echo $?
curl -s http://169.254.169.254/latest/meta-data/; echo "silent: $?"
curl -sS http://169.254.169.254/latest/meta-data/
curl https://example.com
echo $?
curl -w '%{http_code}\n' -s http://10.0.0.99:8080/health
curl http://instance-data/latest/meta-data/
curl
curl --bogus http://x
curl ftp://example.com/file
