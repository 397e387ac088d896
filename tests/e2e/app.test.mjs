// The app shell: header, routes, embed mode, CSP, and screenshots to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openApp, setUp } from './helpers.mjs';

const SHOTS = resolve(import.meta.dirname, '../../screenshots/tmp');

let env;
before(async () => {
  env = await setUp();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await env.close();
});

test('the home page has the header and leads to the playground', async () => {
  const { context, page, errors, requests } = await openApp(env, '');
  assert.equal(
    (await page.locator('.site-header .brand').textContent()).replace(/\s+/g, ' ').trim(),
    'iamsim — how an EC2 instance gets its permissions',
  );
  await page.getByTestId('world-page').waitFor();
  assert.equal(await page.getByTestId('nav-home').getAttribute('aria-current'), 'page');
  await page.getByTestId('nav-playground').click();
  await page.getByTestId('playground').waitFor();
  assert.match(page.url(), /#\/playground$/);
  assert.equal(await page.getByTestId('nav-playground').getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.getByTestId('world-page').waitFor();
  await page.waitForLoadState('networkidle');
  for (const url of requests) {
    assert.ok(url.startsWith(env.server.url) || url.startsWith('data:'), `request to ${url}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown address says so', async () => {
  const { context, page } = await openApp(env, '#/nowhere');
  assert.equal(await page.getByTestId('not-found').locator('p').first().textContent(),
    'There is no page at #/nowhere.');
  await context.close();
});

test('?embed=1 shows the page without the site header', async () => {
  const { context, page, errors } = await openApp(env, '#/playground', { query: '?embed=1' });
  await page.getByTestId('playground').waitFor();
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.equal(await page.getByTestId('decision').textContent(), 'Allow');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page allows only its own scripts (no inline script) and serves wasm as application/wasm', async () => {
  // Read through the browser: the release build minifies index.html (attribute quotes go).
  const { context, page } = await openApp(env, '#/');
  const { csp, scripts } = await page.evaluate(() => ({
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    scripts: [...document.scripts].map((s) => ({ src: s.getAttribute('src'), text: s.textContent.trim() })),
  }));
  await context.close();
  assert.equal(
    csp,
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
  );
  assert.ok(scripts.length > 0);
  for (const script of scripts) {
    assert.ok(script.src && script.text === '', `inline script: ${JSON.stringify(script)}`);
  }
  const response = await fetch(`${env.server.url}iamsim-app_bg.wasm`);
  assert.equal(response.headers.get('content-type'), 'application/wasm');
});

test('screenshots at 1280x720 and 768 wide', async () => {
  for (const [name, hash, viewport] of [
    ['home-1280', '#/', { width: 1280, height: 720 }],
    ['playground-1280', '#/playground', { width: 1280, height: 720 }],
    ['playground-768', '#/playground', { width: 768, height: 1024 }],
  ]) {
    const { context, page, errors } = await openApp(env, hash, { viewport });
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    if (name === 'playground-1280') {
      await page.getByTestId('template-deny-outside-ip').click();
      await page.getByTestId('request-context').fill('{"aws:SourceIp": "198.51.100.7"}');
      await page.getByTestId('decision-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/playground-deny-1280.png`, fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SHOTS}/playground-dark-1280.png` });
    }
    // No horizontal scrolling at this width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a panic shows a readable error with a Reload button, not a dead page', async () => {
  const { context, page, errors } = await openApp(env, '#/playground');
  await page.evaluate(() => {
    window.location.hash = '#/__panic';
  });
  const fatal = page.getByTestId('fatal-error');
  await fatal.waitFor();
  assert.equal(await fatal.locator('h1').textContent(), 'iamsim stopped');
  assert.match(await fatal.locator('pre').textContent(), /deliberate panic at #\/__panic/);
  assert.ok(errors.some((e) => e.includes('iamsim stopped: panicked at')), errors.join('\n'));
  // Reload (back on the playground) brings the app back.
  await page.evaluate(() => history.replaceState(null, '', '#/playground'));
  await page.getByTestId('reload').click();
  await page.getByTestId('playground').waitFor();
  assert.equal(await page.getByTestId('decision').textContent(), 'Allow');
  await context.close();
});
