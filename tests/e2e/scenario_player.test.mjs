// The scenario player: every scenario played to the end with the → key only, deep
// links in embed mode, ← rewinds by replaying, try it yourself, presenter mode, and
// screenshots of the player at 1280×720 for people to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './helpers.mjs';

const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');

let env;
before(async () => {
  const root = process.env.IAMSIM_DIST
    ? resolve(process.env.IAMSIM_DIST)
    : resolve(import.meta.dirname, '../../dist');
  const server = await serve(root);
  const browser = await launch();
  env = { server, browser };
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await env.browser.close();
  await env.server.close();
});

async function open(hash, { viewport = { width: 1280, height: 720 } } = {}) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}${hash}`);
  await page.getByTestId('scenario-player').waitFor();
  return { context, page, errors, requests };
}

async function atStep(page, n) {
  await page.locator(`[data-testid="scenario-player"][data-step="${n}"]`).waitFor({ timeout: 20000 });
}

// What the last step of each scenario must show: in the diagram (a node's text) and in
// the step's transcript.
const FINALE = {
  's3-upload-experiment': { steps: 8, diagram: 'madhu-testing-only', terminal: 'upload: ./notes.txt to s3://madhu-testing/notes-2.txt' },
  'role-is-not-a-profile': { steps: 5, diagram: 'efs-S3', terminal: 'arn:aws:iam::123456789012:role/efs-S3' },
  'ssm-managed-instance': { steps: 5, diagram: 'plain-profile', terminal: 'Online' },
  'credentials-inside': { steps: 7, diagram: 'app-role', terminal: 'assumed-role/app-role/i-' },
  'wrong-trust-principal': { steps: 5, diagram: 'trusts ec2.amazonaws.com', terminal: 'assumed-role/lambda-only/i-' },
  'keys-vs-profile': { steps: 6, diagram: 'legacy-app-role', terminal: 'InvalidClientTokenId' },
  'imds-ssrf': { steps: 6, diagram: 'web-role', terminal: 'assumed-role/web-role/i-' },
  'one-role-per-profile': { steps: 5, diagram: 'second', terminal: 'delete-role --role-name first' },
  'pass-role': { steps: 5, diagram: 'dev-app', terminal: 'arn:aws:iam::123456789012:instance-profile/app' },
};

for (const [id, want] of Object.entries(FINALE)) {
  test(`${id}: → plays it to the end, every check met`, async () => {
    const { context, page, errors, requests } = await open(`#/scenario/${id}`);
    await atStep(page, 1);
    for (let n = 1; n <= want.steps; n += 1) {
      await atStep(page, n);
      assert.equal(await page.getByTestId('check').getAttribute('data-met'), 'true', `${id} step ${n}`);
      if (n < want.steps) await page.keyboard.press('ArrowRight');
    }
    assert.equal(await page.getByTestId('step-indicator').textContent(),
      `Step ${want.steps} of ${want.steps}: ${await page.locator('.sp-step').textContent().then((t) => t.split(': ').slice(1).join(': '))}`);
    assert.match(page.url(), new RegExp(`#/scenario/${id}/step/${want.steps}$`));
    const diagram = await page.getByTestId('scenario-diagram').textContent();
    assert.ok(diagram.includes(want.diagram), `${id} diagram: ${diagram}`);
    const terminal = await page.getByTestId('step-transcript').textContent();
    assert.ok(terminal.includes(want.terminal), `${id} terminal: ${terminal}`);
    // → at the end stays at the end.
    await page.keyboard.press('ArrowRight');
    await atStep(page, want.steps);
    assert.deepEqual(errors, []);
    assert.ok(requests.every((u) => u.startsWith(env.server.origin)), 'no request left the test server');
    await context.close();
  });
}

test('a deep link in embed mode opens a middle step with the world as it is there', async () => {
  const { context, page, errors } = await open('#/scenario/s3-upload-experiment/step/5?embed=1');
  await atStep(page, 5);
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.match(await page.getByTestId('step-indicator').textContent(), /^Step 5 of 8: Attach it to the instance$/);
  assert.equal(await page.getByTestId('check').getAttribute('data-met'), 'true');
  // The world there: the role exists and the profile is on the instance; nothing uploaded yet.
  const diagram = await page.getByTestId('scenario-diagram').textContent();
  assert.ok(diagram.includes('madhu-test-role'), diagram);
  assert.ok(!diagram.includes('notes.txt'), diagram);
  assert.match(await page.getByTestId('step-transcript').textContent(), /associate-iam-instance-profile --instance-id i-[0-9a-f]{17}/);
  // Links keep embed mode.
  assert.match(await page.getByTestId('btn-next').getAttribute('href'), /step\/6\?embed=1$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'scenario_embed_768.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('← goes back by replaying: the world is as it was at that step', async () => {
  const { context, page } = await open('#/scenario/role-is-not-a-profile/step/3');
  await atStep(page, 3);
  assert.ok((await page.getByTestId('scenario-diagram').textContent()).includes('Yuta20220815'));
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 2);
  assert.match(await page.getByTestId('step-transcript').textContent(),
    /Value \(Yuta20220815\) for parameter iamInstanceProfile\.name is invalid\. Invalid IAM Instance Profile name/);
  await page.getByTestId('btn-restart').click();
  await atStep(page, 1);
  await context.close();
});

test('space plays and pauses', async () => {
  const { context, page } = await open('#/scenario/pass-role');
  await atStep(page, 1);
  await page.keyboard.press(' ');
  assert.equal(await page.getByTestId('btn-play').getAttribute('aria-pressed'), 'true');
  await atStep(page, 2);
  await page.keyboard.press(' ');
  assert.equal(await page.getByTestId('btn-play').getAttribute('aria-pressed'), 'false');
  await context.close();
});

test('try it yourself: the check turns green when the goal is met, hints on request', async () => {
  const { context, page, errors } = await open('#/scenario/role-is-not-a-profile/step/3');
  await atStep(page, 3);
  await page.getByTestId('btn-try').click();
  await page.getByTestId('try-panel').waitFor();
  assert.equal(await page.getByTestId('try-check').getAttribute('data-met'), 'false');
  await page.getByTestId('btn-hint').click();
  assert.match(await page.getByTestId('hint').first().textContent(), /create-instance-profile/);
  const input = page.getByTestId('try-input');
  await input.fill('aws iam create-instance-profile --instance-profile-name Yuta20220815 --output text');
  await input.press('Enter');
  await page.getByTestId('try-terminal').getByText('instance-profile/Yuta20220815').first().waitFor();
  assert.equal(await page.getByTestId('try-check').getAttribute('data-met'), 'false');
  await input.fill('aws iam add-role-to-instance-profile --role-name Yuta20220815 --instance-profile-name Yuta20220815');
  await input.press('Enter');
  await page.locator('[data-testid="try-check"][data-met="true"]').waitFor();
  // Typing → in the terminal does not change the step.
  await input.press('ArrowRight');
  await atStep(page, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenter mode: large type, narration beside the diagram, nothing else', async () => {
  const { context, page } = await open('#/scenario/s3-upload-experiment/step/8');
  await atStep(page, 8);
  await page.screenshot({ path: join(SCREENSHOTS, 'scenario_player_1280.png') });
  await page.getByTestId('btn-presenter').click();
  await page.locator('.scenario-player.presenter').waitFor();
  assert.equal(await page.getByTestId('step-transcript').isVisible(), false);
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.getByTestId('narration').isVisible(), true);
  assert.equal(await page.getByTestId('scenario-diagram').isVisible(), true);
  const size = await page.getByTestId('narration').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 20, `narration font ${size}px`);
  await page.screenshot({ path: join(SCREENSHOTS, 'scenario_presenter_1280.png') });
  // The keyboard still drives it.
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 7);
  await context.close();
});
