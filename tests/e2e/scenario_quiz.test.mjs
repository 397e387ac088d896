// The lessons list and the quiz: an answer is explained and "show me" opens the step
// that proves it, with its check met.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './helpers.mjs';

let env;
before(async () => {
  const root = process.env.IAMSIM_DIST
    ? resolve(process.env.IAMSIM_DIST)
    : resolve(import.meta.dirname, '../../dist');
  env = { server: await serve(root), browser: await launch() };
});
after(async () => {
  await env.browser.close();
  await env.server.close();
});

async function open(hash) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${env.server.url}${hash}`);
  await page.getByTestId('app-ready').waitFor();
  return { context, page, errors };
}

test('the lessons page lists the nine scenarios and opens the first step', async () => {
  const { context, page, errors } = await open('#/lessons');
  await page.getByTestId('lessons').waitFor();
  assert.equal(await page.locator('.sp-lesson').count(), 9);
  await page.getByTestId('lesson-imds-ssrf').getByRole('link').click();
  await page.locator('[data-testid="scenario-player"][data-step="1"]').waitFor();
  assert.match(await page.getByTestId('scenario-title').textContent(), /IMDSv1, SSRF and the IMDSv2 defence/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a quiz answer is explained, and "show me" proves it in the simulator', async () => {
  const { context, page, errors } = await open('#/quiz');
  await page.getByTestId('quiz').waitFor();
  assert.ok((await page.locator('.sp-question').count()) >= 12);
  // Question 2: launching with a role's name.
  await page.getByTestId('choice-1-0').check();
  assert.match(await page.getByTestId('answer-1').textContent(), /^✗ Not quite\./);
  await page.getByTestId('choice-1-2').check();
  assert.match(await page.getByTestId('answer-1').textContent(), /^✓ Right\. EC2 looks for an instance profile/);
  assert.match(await page.getByTestId('quiz-score').textContent(), /^1 right out of 1 answered/);
  await page.getByTestId('show-me-1').click();
  await page.locator('[data-testid="scenario-player"][data-step="2"]').waitFor();
  assert.match(page.url(), /#\/scenario\/role-is-not-a-profile\/step\/2$/);
  assert.equal(await page.getByTestId('check').getAttribute('data-met'), 'true');
  assert.match(await page.getByTestId('step-transcript').textContent(), /InvalidParameterValue/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown scenario says so', async () => {
  const { context, page } = await open('#/scenario/nope/step/2');
  await page.getByTestId('scenario').waitFor();
  assert.match(await page.getByTestId('scenario').textContent(), /There is no scenario called "nope"/);
  await context.close();
});
