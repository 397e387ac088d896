// The same story from the terminal alone, the CLI way: the role, then the
// instance profile (the CLI never creates one for you), launch, upload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRUST_EC2, assertOnlyOwnRequests, openWorld, run, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('CLI way from the laptop terminal, then upload from the instance', async () => {
  const { context, page, requests, errors } = await openWorld(env, '#/terminal');
  await run(page, `echo '${TRUST_EC2}' > trust.json`);
  const created = await run(page, 'aws iam create-role --role-name cli-role --assume-role-policy-document file://trust.json --query Role.Arn --output text');
  assert.equal(created, 'arn:aws:iam::123456789012:role/cli-role\n');
  // The diagram has the role but still no profile.
  assert.match(await page.getByTestId('flow-diagram').textContent(), /No instance profile/);
  await run(page, 'aws iam attach-role-policy --role-name cli-role --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess');
  await run(page, 'aws iam create-instance-profile --instance-profile-name cli-profile');
  await run(page, 'aws iam add-role-to-instance-profile --instance-profile-name cli-profile --role-name cli-role');
  assert.match(await page.getByTestId('edge-role:cli-role-profile:cli-profile').getAttribute('class'), /lit/);
  assert.equal(await run(page, 'aws s3 mb s3://cli-bucket'), 'make_bucket: cli-bucket\n');
  const id = (await run(page, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=cli-profile --query "Instances[0].InstanceId" --output text')).trim();
  assert.match(id, /^i-[0-9a-f]{17}$/);
  const arns = await run(page, 'aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"');
  assert.equal(arns, '[\n    "arn:aws:iam::123456789012:instance-profile/cli-profile"\n]\n');

  // History: ↑ brings back the last line.
  const input = page.getByTestId('terminal-input');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"');
  await input.press('ArrowDown');
  assert.equal(await input.inputValue(), '');
  // Tab completes.
  await input.fill('aws iam create-instance-pr');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'aws iam create-instance-profile ');
  // Several candidates: they are listed under the line.
  await input.fill('aws s3 m');
  await input.press('Tab');
  assert.match(await page.getByTestId('completion').textContent(), /mb {2}mv/);
  await input.fill('');

  await page.getByTestId('advance-5m').click();
  await run(page, `ssh ${id}`);
  await page.getByTestId(`term-tab-${id}`).waitFor();
  assert.match(await page.locator('.term-input-row .term-prompt').textContent(), /ec2-user@ip-/);
  const token = await run(page, 'curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"');
  assert.ok(token.length > 20);
  const roleName = await run(page, `curl -s -H "X-aws-ec2-metadata-token: ${token.trim()}" http://169.254.169.254/latest/meta-data/iam/security-credentials/`);
  assert.equal(roleName.trim(), 'cli-role');
  await run(page, 'echo data > f.txt');
  assert.equal(await run(page, 'aws s3 cp f.txt s3://cli-bucket/f.txt'), 'upload: ./f.txt to s3://cli-bucket/f.txt\n');
  assert.match(await page.getByTestId(`edge-instance:${id}-bucket:cli-bucket`).textContent(), /✓ upload/);
  // exit closes the instance's tab and returns to the laptop.
  await run(page, 'exit');
  assert.equal(await page.getByTestId(`term-tab-${id}`).count(), 0);
  assert.match(await page.locator('.term-input-row .term-prompt').textContent(), /admin@laptop/);

  assert.deepEqual(errors, []);
  assertOnlyOwnRequests(env, requests);
  await context.close();
});
