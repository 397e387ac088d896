// The whole story from the console panels: create a role the console way (its
// instance profile comes with it), launch an instance with that profile, make a
// bucket, then upload from the instance's terminal. The diagram shows each step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, assertOnlyOwnRequests, firstInstanceId, openWorld, run, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('console way: role + profile, launch with it, upload from the instance', async () => {
  const { context, page, requests, errors } = await openWorld(env, '#/iam');
  const diagram = page.getByTestId('flow-diagram');
  // A fresh world: placeholders say what is missing.
  assert.match(await diagram.textContent(), /No role yet/);
  assert.match(await diagram.textContent(), /No instance profile/);

  // IAM: the console way creates the role and a same-name instance profile.
  await page.getByTestId('role-name').fill('app-role');
  await page.getByTestId('trust-ec2').check();
  await page.getByTestId('role-policy').selectOption('AmazonS3FullAccess');
  await page.getByTestId('way-console').check();
  await page.getByTestId('create-role').click();
  await page.getByTestId('console-ok').waitFor();
  const role = page.getByTestId('node-role:app-role');
  assert.match(await role.textContent(), /trusts ec2\.amazonaws\.com/);
  assert.match(await role.textContent(), /AmazonS3FullAccess/);
  assert.match(await page.getByTestId('node-profile:app-role').textContent(), /holds role app-role/);
  // The role → profile edge lit up.
  const roleEdge = page.getByTestId('edge-role:app-role-profile:app-role');
  assert.match(await roleEdge.getAttribute('class'), /lit/);

  // S3: a bucket.
  await page.getByTestId('tab-s3').click();
  await page.getByTestId('bucket-name').fill('demo-bucket');
  await page.getByTestId('create-bucket').click();
  await page.getByTestId('node-bucket:demo-bucket').waitFor();

  // EC2: the "IAM role" list is a list of instance profiles.
  await page.getByTestId('tab-ec2').click();
  assert.match(await page.getByTestId('launch-form').textContent(), /lists — and what an instance holds — are instance profiles/);
  await page.getByTestId('pick-profile-app-role').click();
  await page.getByTestId('launch').click();
  await page.getByTestId('console-ok').waitFor();
  const id = await firstInstanceId(page);
  assert.match(id, /^i-[0-9a-f]{17}$/);
  const profileEdge = page.getByTestId(`edge-profile:app-role-instance:${id}`);
  assert.match(await profileEdge.getAttribute('class'), /lit/);

  // Boot it, then the metadata service holds the role's credentials.
  await advance(page, '5m');
  const instance = page.getByTestId(`node-instance:${id}`);
  assert.match(await instance.textContent(), /running/);
  assert.match(await instance.textContent(), /credentials valid until 06:05/);

  // Connect and upload.
  await page.getByTestId('tab-ec2').click();
  await page.getByTestId(`connect-${id}`).click();
  await page.getByTestId(`term-tab-${id}`).waitFor();
  await run(page, 'echo "hello from the instance" > f.txt');
  const out = await run(page, 'aws s3 cp f.txt s3://demo-bucket/f.txt');
  assert.equal(out, 'upload: ./f.txt to s3://demo-bucket/f.txt\n');
  const s3Edge = page.getByTestId(`edge-instance:${id}-bucket:demo-bucket`);
  assert.match(await s3Edge.textContent(), /✓ upload/);
  assert.match(await s3Edge.getAttribute('class'), /lit/);
  assert.match(await page.getByTestId('node-bucket:demo-bucket').textContent(), /1 object/);
  // Who made the call: the role's session, named after the instance.
  const who = await run(page, 'aws sts get-caller-identity --query Arn --output text');
  assert.equal(who, `arn:aws:sts::123456789012:assumed-role/app-role/${id}\n`);

  // Metadata options of a running instance.
  await page.getByTestId('tab-ec2').click();
  await page.getByTestId(`instance-${id}`).getByLabel('HttpTokens').selectOption('optional');
  await page.getByTestId(`instance-${id}`).getByRole('button', { name: 'Apply' }).click();
  assert.match(await page.getByTestId('console-ok').textContent(), new RegExp(`Modify the metadata options of ${id}`));
  await page.getByTestId('tab-terminal').click();
  await run(page, 'exit');
  const tokens = await run(page, 'aws ec2 describe-instances --query "Reservations[].Instances[].MetadataOptions.HttpTokens" --output text');
  assert.equal(tokens, 'optional\n');

  assert.deepEqual(errors, []);
  assertOnlyOwnRequests(env, requests);
  await context.close();
});

test('a node opens its details with a click', async () => {
  const { context, page, errors } = await openWorld(env, '#/iam');
  await page.getByTestId('create-role').click();
  await page.getByTestId('node-profile:app-role').click();
  const details = page.getByTestId('node-details');
  assert.match(await details.textContent(), /arn:aws:iam::123456789012:instance-profile\/app-role/);
  assert.match(await details.textContent(), /InstanceProfileIdAIPA/);
  assert.deepEqual(errors, []);
  await context.close();
});
