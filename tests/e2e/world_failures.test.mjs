// What goes wrong, and how the page explains it: no instance profile, a role's
// name where a profile is needed, a read-only policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRUST_EC2, advance, assertOnlyOwnRequests, firstInstanceId, openWorld, run, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('no instance profile: the CLI on the instance finds no credentials', async () => {
  const { context, page, requests, errors } = await openWorld(env, '#/terminal');
  await run(page, 'aws s3 mb s3://demo-bucket');
  const id = (await run(page, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query "Instances[0].InstanceId" --output text')).trim();
  await advance(page, '5m');
  await run(page, `ssh ${id}`);
  await run(page, 'echo x > f.txt');
  const out = await run(page, 'aws s3 cp f.txt s3://demo-bucket/f.txt');
  assert.equal(out, 'upload failed: ./f.txt to s3://demo-bucket/f.txt Unable to locate credentials\n');
  const who = await run(page, 'aws sts get-caller-identity');
  assert.equal(who, '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
  const edge = page.getByTestId(`edge-instance:${id}-bucket:demo-bucket`);
  assert.match(await edge.textContent(), /✗ no credentials/);
  assert.match(await page.getByTestId(`node-instance:${id}`).textContent(), /no instance profile/);
  assert.deepEqual(errors, []);
  assertOnlyOwnRequests(env, requests);
  await context.close();
});

test('a role name where an instance profile is needed: InvalidParameterValue', async () => {
  const { context, page, errors } = await openWorld(env, '#/iam');
  // The CLI way: a role, no profile.
  await page.getByTestId('role-name').fill('only-a-role');
  await page.getByTestId('way-cli').check();
  await page.getByTestId('create-role').click();
  await page.getByTestId('console-ok').waitFor();
  await page.getByTestId('tab-ec2').click();
  await page.getByTestId('launch-profile').fill('only-a-role');
  await page.getByTestId('launch').click();
  const error = page.getByTestId('console-error');
  await error.waitFor();
  assert.match(
    await error.textContent(),
    /InvalidParameterValue: Value \(only-a-role\) for parameter iamInstanceProfile\.name is invalid\. Invalid IAM Instance Profile name/,
  );
  // The same from the terminal.
  await page.getByTestId('tab-terminal').click();
  const out = await run(page, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=only-a-role');
  assert.match(out, /An error occurred \(InvalidParameterValue\) when calling the RunInstances operation: Value \(only-a-role\) for parameter iamInstanceProfile\.name is invalid\. Invalid IAM Instance Profile name/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a read-only policy: AccessDenied, explained in the event log', async () => {
  const { context, page, errors } = await openWorld(env, '#/terminal');
  await run(page, `echo '${TRUST_EC2}' > trust.json`);
  await run(page, 'aws iam create-role --role-name reader --assume-role-policy-document file://trust.json');
  await run(page, 'aws iam attach-role-policy --role-name reader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await run(page, 'aws iam create-instance-profile --instance-profile-name reader');
  await run(page, 'aws iam add-role-to-instance-profile --instance-profile-name reader --role-name reader');
  await run(page, 'aws s3 mb s3://demo-bucket');
  await run(page, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=reader');
  await advance(page, '5m');
  const id = await firstInstanceId(page);
  await run(page, `ssh ${id}`);
  await run(page, 'echo x > f.txt');
  const out = await run(page, 'aws s3 cp f.txt s3://demo-bucket/f.txt');
  assert.equal(
    out,
    `upload failed: ./f.txt to s3://demo-bucket/f.txt An error occurred (AccessDenied) when calling the PutObject operation: ` +
      `User: arn:aws:sts::123456789012:assumed-role/reader/${id} is not authorized to perform: s3:PutObject on resource: ` +
      `"arn:aws:s3:::demo-bucket/f.txt" because no identity-based policy allows the s3:PutObject action\n`,
  );
  assert.match(await page.getByTestId(`edge-instance:${id}-bucket:demo-bucket`).textContent(), /✗ AccessDenied/);

  // The event log: errors only, then the explanation.
  await page.getByTestId('tab-events').click();
  await page.getByTestId('filter-errors').check();
  const rows = page.getByTestId('event-row');
  // Two calls failed: the upload, and the SSM agent's registration
  // (AmazonS3ReadOnlyAccess has no ssm:UpdateInstanceInformation), as
  // CloudTrail would show on a real account.
  const failed = await rows.allTextContents();
  assert.equal(failed.filter((t) => /PutObject/.test(t)).length, 1);
  for (const text of failed) assert.match(text, /PutObject|UpdateInstanceInformation/);
  const upload = rows.filter({ hasText: 'PutObject' });
  await upload.click();
  const detail = page.getByTestId('event-detail');
  assert.match(await detail.getByTestId('event-error').textContent(), /^AccessDenied: User: arn:aws:sts::123456789012:assumed-role\/reader\//);
  assert.equal(
    await detail.getByTestId('event-reason').textContent(),
    's3:PutObject denied because no identity-based policy allows the s3:PutObject action',
  );
  assert.match(await detail.getByTestId('event-explanation').textContent(), /AmazonS3ReadOnlyAccess/);
  // Filter by service and caller.
  await page.getByTestId('filter-errors').uncheck();
  await page.getByTestId('filter-service').selectOption('iam');
  assert.ok((await rows.count()) >= 4);
  for (const text of await rows.allTextContents()) assert.match(text, /^\S+iam/);
  await page.getByTestId('filter-service').selectOption('');
  await page.getByTestId('filter-caller').fill('assumed-role/reader');
  for (const text of await rows.allTextContents()) assert.match(text, /reader/);
  // Metadata-service requests are listed apart.
  await page.getByTestId('toggle-imds').click();
  assert.match(await page.getByTestId('imds-log').textContent(), /PUT \/latest\/api\/token/);
  assert.deepEqual(errors, []);
  await context.close();
});
