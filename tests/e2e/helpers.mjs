// Shared set-up for the browser tests: the static server, headless Chromium,
// and a page that records every request and every console error.
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Starts the server and the browser; call `close()` in `after`. */
export async function setUp() {
  const server = await serve();
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

/**
 * Opens a fresh page (own context, so own storage) at `hash`, records every
 * request URL and console error, and waits for the app to render.
 */
export async function openApp(env, hash = '#/', { viewport = { width: 1280, height: 720 }, query = '' } = {}) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}${query}${hash}`);
  await page.getByTestId('app-ready').waitFor();
  return { context, page, requests, errors };
}

/** Replaces the text of a textarea or input the way typing would (fires input). */
export async function setText(locator, text) {
  await locator.fill(text);
}
