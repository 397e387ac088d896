// The main flow with the keyboard alone: Tab to reach, Enter or Space to act,
// typing in fields and in the terminal. No mouse event is sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorld, setUpWorld, tabTo } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('keyboard only: create the role, launch, connect, upload, open a node', async () => {
  const { context, page, errors } = await openWorld(env, '#/');
  const k = page.keyboard;
  // IAM tab, then the console way (the default) with the default name.
  await tabTo(page, 'tab-iam');
  await k.press('Enter');
  await tabTo(page, 'create-role');
  await k.press('Enter');
  await page.getByTestId('node-role:app-role').waitFor();
  // S3: a bucket.
  await tabTo(page, 'tab-s3');
  await k.press('Enter');
  await tabTo(page, 'bucket-name');
  await k.press('Control+A');
  await k.type('key-bucket');
  await k.press('Enter');
  await page.getByTestId('node-bucket:key-bucket').waitFor();
  // EC2: pick the profile, launch.
  await tabTo(page, 'tab-ec2');
  await k.press('Enter');
  await tabTo(page, 'pick-profile-app-role');
  await k.press('Enter');
  await tabTo(page, 'launch');
  await k.press('Enter');
  await page.locator('[data-testid^="node-instance:i-"]').waitFor();
  await tabTo(page, 'advance-5m');
  await k.press('Enter');
  const node = page.locator('[data-testid^="node-instance:i-"]');
  const id = (await node.getAttribute('data-testid')).replace('node-instance:', '');
  await page.waitForFunction(
    (sel) => /running/.test(document.querySelector(sel)?.textContent ?? ''),
    `[data-testid="node-instance:${id}"]`,
  );
  // Connect from the EC2 panel, then type in the terminal.
  await tabTo(page, `connect-${id}`);
  await k.press('Enter');
  await page.getByTestId(`term-tab-${id}`).waitFor();
  await tabTo(page, 'terminal-input');
  await k.type('echo hi > f.txt');
  await k.press('Enter');
  await k.type('aws s3 cp f.txt s3://key-bucket/f.txt');
  await k.press('Enter');
  await page.waitForFunction(() => /upload: \.\/f\.txt to s3:\/\/key-bucket\/f\.txt/.test(
    document.querySelector('[data-testid="terminal-output"]')?.textContent ?? ''));
  // A diagram node opens with Enter.
  await tabTo(page, `node-bucket:key-bucket`);
  await k.press('Enter');
  assert.match(await page.getByTestId('node-details').textContent(), /f\.txt/);
  assert.deepEqual(errors, []);
  await context.close();
});
