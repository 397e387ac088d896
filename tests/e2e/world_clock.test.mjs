// Moving the clock: the instance's credentials rotate, and the timeline shows
// each set from issue to expiry and the moment its profile changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstInstanceId, openWorld, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
});
after(async () => {
  await env.close();
});

test('advancing the clock rotates the credentials on the timeline', async () => {
  const { context, page, errors } = await openWorld(env, '#/iam');
  await page.getByTestId('create-role').click();
  await page.getByTestId('tab-ec2').click();
  await page.getByTestId('pick-profile-app-role').click();
  await page.getByTestId('launch').click();
  await page.getByTestId('advance-5m').click();
  const id = await firstInstanceId(page);
  const timeline = page.getByTestId('credentials-timeline');
  const lane = timeline.getByTestId(`tl-lane-${id}`);
  assert.equal(await lane.getByTestId('tl-bar').count(), 1);
  assert.match(await page.getByTestId(`node-instance:${id}`).textContent(), /credentials valid until 06:05/);
  const firstKey = await lane.locator('.tl-bar.current title').textContent();

  await page.getByTestId('advance-1h').click();
  await page.getByTestId('advance-1h').click();
  const bars = await lane.getByTestId('tl-bar').count();
  assert.ok(bars >= 2, `expected a refresh, got ${bars} bar(s)`);
  assert.equal(await lane.locator('.tl-bar.current').count(), 1);
  const nowKey = await lane.locator('.tl-bar.current title').textContent();
  assert.notEqual(nowKey, firstKey);
  assert.equal(await page.getByTestId('clock').textContent(), '2026-01-01 02:05 UTC');

  // A role change is marked on the timeline.
  await page.getByTestId('tab-ec2').click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  assert.match(await lane.textContent(), /profile removed/);
  assert.deepEqual(errors, []);
  await context.close();
});
