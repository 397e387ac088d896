// The world survives a reload; unreadable storage is reported and kept aside;
// export then import gives the same world; undo and redo replay the action log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertOnlyOwnRequests, openWorld, run, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('reload keeps the world, the terminal and the step count', async () => {
  const { context, page, errors } = await openWorld(env, '#/terminal');
  await run(page, 'aws s3 mb s3://kept-bucket');
  await page.getByTestId('advance-1h').click();
  await page.reload();
  await page.getByTestId('world-page').waitFor();
  await page.getByTestId('node-bucket:kept-bucket').waitFor();
  assert.equal(await page.getByTestId('clock').textContent(), '2026-01-01 01:00 UTC');
  assert.equal(await page.getByTestId('step-count').textContent(), '2 steps');
  assert.match(await page.getByTestId('terminal-output').textContent(), /make_bucket: kept-bucket/);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('iamsim.world.v1')));
  assert.equal(saved.format, 'iamsim.world');
  assert.equal(saved.version, 1);
  assert.equal(saved.steps.length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable storage is reported, kept under another key, and a fresh world starts', async () => {
  const { context, page } = await openWorld(env, '#/');
  await page.evaluate(() => localStorage.setItem('iamsim.world.v1', '{"format": "iamsim.world", "version": 1, "seed": 1, "steps": [tr'));
  await page.reload();
  const banner = page.getByTestId('world-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Your saved world could not be read/);
  assert.match(await banner.textContent(), /iamsim\.world\.v1\.corrupt-1/);
  const kept = await page.evaluate(() => localStorage.getItem('iamsim.world.v1.corrupt-1'));
  assert.equal(kept, '{"format": "iamsim.world", "version": 1, "seed": 1, "steps": [tr');
  assert.equal(await page.getByTestId('step-count').textContent(), '0 steps');
  // The fresh world was saved over the unreadable one.
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('iamsim.world.v1')));
  assert.deepEqual(saved.steps, []);
  await context.close();
});

test('export then import gives the same world', async () => {
  const { context, page, requests, errors } = await openWorld(env, '#/terminal');
  await run(page, 'aws s3 mb s3://exported-bucket');
  await run(page, 'aws iam create-instance-profile --instance-profile-name exported-profile');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  assert.equal(download.suggestedFilename(), 'iamsim-world.json');
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'iamsim.world');
  assert.equal(file.steps.length, 2);
  // The file records what the steps give (event count, simulated time), not a world copy.
  assert.equal(file.world, undefined);
  assert.ok(file.events >= 2);
  assert.equal(file.clock, await page.getByTestId('clock').getAttribute('datetime'));
  const diagramBefore = await page.getByTestId('flow-diagram').innerHTML();

  await page.getByTestId('reset').click();
  assert.match(await page.getByTestId('flow-diagram').textContent(), /No bucket/);
  await page.getByTestId('import').setInputFiles({ name: 'iamsim-world.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('node-bucket:exported-bucket').waitFor();
  assert.match(await page.getByTestId('world-banner').textContent(), /Imported iamsim-world\.json: 2 steps/);
  assert.equal(await page.getByTestId('flow-diagram').innerHTML(), diagramBefore);

  // A broken file is refused with a clear error, and the world stays.
  await page.getByTestId('import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.waitForFunction(() => /Could not import bad\.json/.test(document.querySelector('[data-testid="world-banner"]')?.textContent ?? ''));
  assert.match(await page.getByTestId('world-banner').textContent(), /This file is not an iamsim world/);
  await page.getByTestId('node-bucket:exported-bucket').waitFor();

  // So is a file whose steps no longer give the recorded events and clock.
  const edited = JSON.stringify({ ...file, steps: file.steps.slice(0, 1) });
  await page.getByTestId('import').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) });
  await page.waitForFunction(() => /Could not import edited\.json/.test(document.querySelector('[data-testid="world-banner"]')?.textContent ?? ''));
  assert.match(await page.getByTestId('world-banner').textContent(), new RegExp(`the file says ${file.events} events at ${file.clock}`));
  assert.equal(await page.getByTestId('clock').getAttribute('datetime'), file.clock);
  assert.deepEqual(errors, []);
  assertOnlyOwnRequests(env, requests);
  await context.close();
});

test('undo and redo walk the action log', async () => {
  const { context, page, errors } = await openWorld(env, '#/terminal');
  await run(page, 'aws s3 mb s3://first-bucket');
  await run(page, 'aws s3 mb s3://second-bucket');
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('node-bucket:second-bucket').count(), 0);
  await page.getByTestId('node-bucket:first-bucket').waitFor();
  assert.equal(await page.getByTestId('step-count').textContent(), '1 step');
  assert.doesNotMatch(await page.getByTestId('terminal-output').textContent(), /second-bucket/);
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('node-bucket:first-bucket').count(), 0);
  assert.equal(await page.getByTestId('undo').isDisabled(), true);
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await page.getByTestId('node-bucket:second-bucket').waitFor();
  assert.equal(await page.getByTestId('redo').isDisabled(), true);
  assert.match(await page.getByTestId('terminal-output').textContent(), /make_bucket: second-bucket/);
  assert.deepEqual(errors, []);
  await context.close();
});
