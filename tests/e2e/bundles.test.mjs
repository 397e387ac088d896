// The app ships one bundle per part (world, playground, lessons): each page loads only
// its own wasm, moving between parts keeps the world, and "Evaluate this" carries a
// policy from the world page into the playground without losing the learner's own.
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

const wasmFiles = (requests) =>
  requests.filter((u) => u.endsWith('_bg.wasm')).map((u) => u.slice(u.lastIndexOf('/') + 1));

test('each page loads its own bundle and nothing else', async () => {
  for (const [hash, bundle, ready] of [
    ['#/', 'iamsim-app', 'world-page'],
    ['#/ec2', 'iamsim-app', 'world-page'],
    ['#/nowhere', 'iamsim-app', 'not-found'],
    ['#/playground', 'iamsim-playground', 'decision'],
    ['#/lessons', 'iamsim-lessons', 'lessons'],
    ['#/quiz', 'iamsim-lessons', 'quiz'],
    ['#/scenario/s3-upload-experiment/step/2?embed=1', 'iamsim-lessons', 'app-ready'],
  ]) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.server.url}${hash}`);
    await page.getByTestId(ready).first().waitFor();
    assert.deepEqual(wasmFiles(requests), [`${bundle}_bg.wasm`], hash);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.bundle), bundle, hash);
    if (hash.includes('embed=1')) {
      // Embedded (an iframe in the docs): no site header at all.
      assert.equal(await page.getByTestId('nav-home').count(), 0, hash);
    }
    assertOnlyOwnRequests(env, requests);
    await context.close();
  }
});

test('moving between the parts keeps the world', async () => {
  const { context, page, requests, errors } = await openWorld(env, '#/terminal');
  await run(page, 'aws s3 mb s3://keep-me');
  await page.getByTestId('nav-lessons').click();
  await page.getByTestId('lessons').waitFor();
  await page.getByTestId('nav-playground').click();
  await page.getByTestId('decision').waitFor();
  await page.getByTestId('nav-home').click();
  await page.getByTestId('world-page').waitFor();
  await page.getByTestId('node-bucket:keep-me').waitFor();
  assert.deepEqual(wasmFiles(requests), [
    'iamsim-app_bg.wasm',
    'iamsim-lessons_bg.wasm',
    'iamsim-playground_bg.wasm',
    'iamsim-app_bg.wasm',
  ]);
  // Back and forward across parts work too.
  await page.goBack();
  await page.getByTestId('decision').waitFor();
  await page.goForward();
  await page.getByTestId('node-bucket:keep-me').waitFor();
  assert.deepEqual(errors, []);
  assertOnlyOwnRequests(env, requests);
  await context.close();
});

test('"Evaluate this" opens a role\'s policies in the playground and keeps the learner\'s own', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${env.server.url}#/playground`);
  await page.getByTestId('decision').waitFor();
  // The learner's own playground first.
  await page.getByTestId('request-action').fill('ec2:RunInstances');
  await page.getByTestId('nav-home').click();
  await page.getByTestId('world-page').waitFor();
  await page.goto(`${env.server.url}#/terminal`);
  await page.getByTestId('terminal-input').waitFor();
  await run(page, `echo '${TRUST_EC2}' > trust.json`);
  await run(page, 'aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json');
  await run(page, 'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await run(page, 'aws s3 mb s3://madhu-testing');

  await page.getByTestId('node-role:app-role').click();
  await page.getByTestId('evaluate-permissions').click();
  await page.getByTestId('restore-playground').waitFor();
  const notice = await page.getByTestId('storage-notice').textContent();
  assert.match(notice, /Loaded the permission policies of role app-role from the instance story/);
  assert.equal(await page.getByTestId('request-action').inputValue(), 's3:PutObject');
  assert.match(await page.getByTestId('request-resource').inputValue(), /^arn:aws:s3:::madhu-testing\/f\.txt$/);
  assert.match(await page.locator('[data-testid=identity-policy] textarea').first().inputValue(), /"s3:Get\*"/);
  assert.match(await page.getByTestId('decision').textContent(), /ImplicitDeny/);
  // The learner's own playground comes back.
  await page.getByTestId('restore-playground').click();
  assert.equal(await page.getByTestId('request-action').inputValue(), 'ec2:RunInstances');

  // The trust policy: EC2 may assume the role.
  await page.getByTestId('nav-home').click();
  await page.getByTestId('node-role:app-role').click();
  await page.getByTestId('evaluate-trust').click();
  await page.getByTestId('restore-playground').waitFor();
  assert.equal(await page.getByTestId('request-action').inputValue(), 'sts:AssumeRole');
  assert.equal(await page.getByTestId('resource-is-trust').isChecked(), true);
  assert.match(await page.getByTestId('decision').textContent(), /Allow/);
  // Reloading keeps the loaded policy (it is saved), without the notice.
  await page.reload();
  await page.getByTestId('decision').waitFor();
  assert.equal(await page.getByTestId('request-action').inputValue(), 'sts:AssumeRole');
  assert.equal(await page.getByTestId('storage-notice').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
