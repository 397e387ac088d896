// Shared steps for the world page's browser tests: open the page, type in the
// terminal, walk with the keyboard, check that no request left the test server.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './helpers.mjs';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');

/** The static server (dist/, or $IAMSIM_DIST) and Chromium. */
export async function setUpWorld() {
  const root = process.env.IAMSIM_DIST
    ? resolve(process.env.IAMSIM_DIST)
    : resolve(import.meta.dirname, '../../dist');
  const server = await serve(root);
  const browser = await launch();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh context (empty storage) on the world page at `hash`. */
export async function openWorld(env, hash = '#/', { viewport = { width: 1280, height: 720 }, query = '' } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}${query}${hash}`);
  await page.getByTestId('world-page').waitFor();
  return { context, page, requests, errors };
}

/** Every request went to the test server (or stayed inside the page: blob:, data:). */
export function assertOnlyOwnRequests(env, requests) {
  const foreign = requests.filter(
    (u) => !u.startsWith(env.server.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'),
  );
  assert.deepEqual(foreign, []);
}

/** Types `line` in the terminal and presses Enter; returns what that line printed. */
export async function run(page, line) {
  const out = page.getByTestId('terminal-output');
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  const before = await page.getByTestId('step-count').textContent();
  await input.press('Enter');
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="step-count"]')?.textContent !== b,
    before,
  );
  const texts = await out.locator('.term-text').allTextContents();
  return texts.at(-1) ?? '';
}

/** Presses Tab until the focused element has this data-testid (keyboard only). */
export async function tabTo(page, testid, max = 250) {
  for (let i = 0; i < max; i += 1) {
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (id === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${testid} with Tab`);
}

/** Moves the simulated clock with the toolbar button. */
export async function advance(page, which = '5m') {
  await page.getByTestId(`advance-${which}`).click();
}

/** The id of the only (or first) instance, read from the diagram. */
export async function firstInstanceId(page) {
  const node = page.locator('[data-testid^="node-instance:"]').first();
  const id = await node.getAttribute('data-testid');
  return id.replace('node-instance:', '');
}

export const TRUST_EC2 =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
