// The policy playground, as a learner uses it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setUp } from './helpers.mjs';

const PRINCIPAL = 'arn:aws:sts::123456789012:assumed-role/madhu-test-role/i-0a1b2c3d4e5f60718';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env.close();
});

async function decision(page) {
  return (await page.getByTestId('decision').textContent()).trim();
}

test('the example request is allowed by AmazonS3FullAccess', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  assert.equal(await decision(page), 'Allow');
  assert.equal(await page.getByTestId('decided-by').textContent(), 'identity-based policy');
  assert.equal(
    await page.getByTestId('deciding-statement').textContent(),
    'Statement #1 in identity-based policy "AmazonS3FullAccess"',
  );
  assert.equal(await page.getByTestId('reason').count(), 0);
  const statement = page.getByTestId('explain-statement').first();
  assert.equal(await statement.getAttribute('data-applies'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Deny from outside the IP range makes it an ExplicitDeny naming the statement', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  await page.getByTestId('template-deny-outside-ip').click();
  // 203.0.113.10 is inside the allowed range: still allowed.
  assert.equal(await decision(page), 'Allow');
  await page.getByTestId('request-context').fill('{"aws:SourceIp": "198.51.100.7"}');
  assert.equal(await decision(page), 'ExplicitDeny');
  assert.equal(
    await page.getByTestId('deciding-statement').textContent(),
    'Statement "DenyOutsideCorporateNetwork" in identity-based policy "deny-outside-corporate-network"',
  );
  assert.equal(
    await page.getByTestId('reason').textContent(),
    `User: ${PRINCIPAL} is not authorized to perform: s3:PutObject on resource: ` +
      '"arn:aws:s3:::madhu-testing/f.txt" with an explicit deny in an identity-based policy',
  );
  const deny = page.getByTestId('explain-statement').filter({ hasText: 'DenyOutsideCorporateNetwork' });
  assert.equal(await deny.getAttribute('data-applies'), 'true');
  const condition = deny.locator('.check').filter({ hasText: 'NotIpAddress aws:SourceIp' });
  assert.match(await condition.textContent(), /matches/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without an identity policy the request is implicitly denied', async () => {
  const { context, page } = await openApp(env, '#/playground');
  await page.getByTestId('remove-policy').click();
  assert.equal(await decision(page), 'ImplicitDeny');
  assert.equal(
    await page.getByTestId('reason').textContent(),
    `User: ${PRINCIPAL} is not authorized to perform: s3:PutObject on resource: ` +
      '"arn:aws:s3:::madhu-testing/f.txt" because no identity-based policy allows the s3:PutObject action',
  );
  await context.close();
});

test('invalid JSON shows an error with line and column and keeps the text', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  const broken = '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {"Effect": "Allow",,}\n    ]\n}';
  const text = page.getByTestId('identity-policy').first().getByTestId('policy-text');
  await text.fill(broken);
  const error = page.getByTestId('policy-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^Line 4, column \d+: /);
  assert.equal(await text.inputValue(), broken);
  assert.equal(await decision(page), 'Not evaluated');
  // Fixing it brings the decision back.
  await text.fill(broken.replace(',,', ', "Action": "s3:*", "Resource": "*"'));
  assert.equal(await decision(page), 'Allow');
  assert.equal(await error.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reloading keeps what was typed', async () => {
  const { context, page } = await openApp(env, '#/playground');
  await page.getByTestId('request-action').fill('s3:GetObject');
  await page.getByTestId('slot-boundary').getByTestId('slot-toggle').check();
  await page.reload();
  await page.getByTestId('app-ready').waitFor();
  assert.equal(await page.getByTestId('request-action').inputValue(), 's3:GetObject');
  assert.equal(await page.getByTestId('slot-boundary').getByTestId('slot-toggle').isChecked(), true);
  // The boundary (madhu-testing only) allows GetObject on the bucket's objects.
  assert.equal(await decision(page), 'Allow');
  await context.close();
});

test('unreadable saved state is reported and kept aside', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  await page.evaluate(() => localStorage.setItem('iamsim.playground.v1', '{"version": 1, "doc": tru'));
  await page.reload();
  await page.getByTestId('app-ready').waitFor();
  const notice = page.getByTestId('storage-notice');
  assert.match(await notice.textContent(), /could not be read/);
  assert.match(await notice.textContent(), /"iamsim\.playground\.v1\.unreadable"/);
  const kept = await page.evaluate(() => localStorage.getItem('iamsim.playground.v1.unreadable'));
  assert.equal(kept, '{"version": 1, "doc": tru');
  assert.equal(await decision(page), 'Allow');
  await page.getByTestId('dismiss-notice').click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no request leaves the page for another host, under a sub-path', async () => {
  const { context, page, requests, errors } = await openApp(env, '#/playground');
  await page.getByTestId('template-bucket-scoped').click();
  await page.getByTestId('request-action').fill('s3:ListBucket');
  await page.waitForLoadState('networkidle');
  assert.ok(requests.length >= 4, `expected the app's files, got ${requests}`);
  for (const url of requests) {
    assert.ok(url.startsWith(env.server.url) || url.startsWith('data:'), `request to ${url}`);
  }
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded');
  for (const path of env.server.served) {
    assert.ok(path.startsWith('/some/sub/path/'), `served ${path}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a condition key added with one click reaches the evaluation', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  const text = page.getByTestId('identity-policy').first().getByTestId('policy-text');
  await text.fill(JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Sid: 'OwnFolder',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::madhu-testing/${aws:username}/*',
    }],
  }));
  await page.getByTestId('request-resource').fill('arn:aws:s3:::madhu-testing/madhu/f.txt');
  assert.equal(await decision(page), 'ImplicitDeny');
  await page.getByTestId('add-key-aws:username').click();
  assert.equal(
    await page.getByTestId('request-context').inputValue(),
    '{\n    "aws:SourceIp": "203.0.113.10",\n    "aws:username": "madhu"\n}',
  );
  assert.equal(await decision(page), 'Allow');
  assert.equal(
    await page.getByTestId('deciding-statement').textContent(),
    'Statement "OwnFolder" in identity-based policy "AmazonS3FullAccess"',
  );
  assert.deepEqual(errors, []);
  await context.close();
});
