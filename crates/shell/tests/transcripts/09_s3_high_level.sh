aws s3 ls
aws s3 mb s3://madhu-testing
aws s3 mb s3://madhu-testing
aws s3 ls
echo "hello from the laptop" > f.txt
aws s3 cp f.txt s3://madhu-testing/f.txt
aws s3 cp f.txt s3://madhu-testing/docs/
mkdir down
aws s3 cp s3://madhu-testing/f.txt new/dir/
aws s3 cp s3://madhu-testing/f.txt down/
cat down/f.txt
aws s3 ls s3://madhu-testing
aws s3 ls s3://madhu-testing/docs/
aws s3 ls s3://madhu-testing --recursive --summarize
aws s3 cp missing.txt s3://madhu-testing/
aws s3 cp f.txt s3://no-such-bucket-here/f.txt
echo $?
aws s3 ls s3://no-such-bucket-here
aws s3 rb s3://madhu-testing
aws s3 rm s3://madhu-testing/f.txt
aws s3 rb s3://madhu-testing --force
aws s3 ls
aws s3 mb s3://site-bucket
mkdir -p site/css && echo "<h1>hi</h1>" > site/index.html && echo "h1{}" > site/css/main.css
aws s3 cp site s3://site-bucket/www --recursive
aws s3 ls s3://site-bucket --recursive
aws s3 cp s3://site-bucket/www copy --recursive
cat copy/css/main.css
aws s3 rm s3://site-bucket/www --recursive
aws s3 cp s3://site-bucket/missing.txt .
aws s3 cp s3://no-such-bucket-here/f.txt .
echo $?
