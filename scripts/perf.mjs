#!/usr/bin/env node
// Measures the app as a learner meets it, in headless Chromium on 127.0.0.1:
//   1. first render: from navigation start until #app has content (10 cold loads);
//   2. first load: the brotli-compressed size of every file each page loads (the app
//      ships one bundle per part, so the world, playground and lesson pages differ);
//   3. re-render: from an input event in the playground, and from a click on the world
//      page's "+5 min", to the DOM updated, and to the next frame.
// Needs a release build in dist/ (`trunk build --release --skip-version-check`).
// Usage: node scripts/perf.mjs [--runs N] [--strict]   (--strict: exit 1 when a target is missed)
import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../tests/e2e/helpers.mjs';
import { serve } from '../tests/e2e/server.mjs';

const DIST = resolve(import.meta.dirname, '../dist');
const TARGETS = { firstRenderMs: 400, firstLoadKb: 350, actionMs: 16 };
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 10;
const STRICT = args.includes('--strict');

if (!existsSync(`${DIST}/index.html`)) {
  console.error('dist/ is missing: run `trunk build --release --skip-version-check` first');
  process.exit(2);
}

// Records when #app first has content, and the frame after it.
const FIRST_RENDER_PROBE = () => {
  const done = (node) => {
    window.__firstRender = performance.now();
    requestAnimationFrame(() => {
      window.__firstFrame = performance.now();
    });
    return node;
  };
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app');
    if (app && app.childElementCount > 0) {
      observer.disconnect();
      done(app);
    }
  }).observe(document, { childList: true, subtree: true });
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), max: s[s.length - 1], min: s[0] };
};
const fmt = (x) => x.toFixed(1);

async function firstRenders(browser, url, hash) {
  const times = [];
  const frames = [];
  let files = new Set();
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(FIRST_RENDER_PROBE);
    const loaded = new Set();
    page.on('response', (r) => loaded.add(r.url()));
    await page.goto(`${url}${hash}`);
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 10000 });
    times.push(await page.evaluate(() => window.__firstRender));
    frames.push(await page.evaluate(() => window.__firstFrame));
    await page.waitForLoadState('networkidle');
    files = loaded;
    await context.close();
  }
  return { times, frames, files };
}

function brotliSize(urls, base) {
  let total = 0;
  const rows = [];
  for (const url of urls) {
    if (!url.startsWith(base)) continue;
    const rel = new URL(url).pathname.slice(new URL(base).pathname.length) || 'index.html';
    const path = resolve(DIST, rel);
    if (!existsSync(path)) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows.push({ file: rel, raw: raw.length, brotli: br });
    total += br;
  }
  return { total, rows };
}

// Types into a field the way a keystroke does (set value, fire input) at a
// random moment within a frame, as real keystrokes arrive, and measures
//   work:  until the DOM is updated and laid out (after a task boundary, so a
//          render scheduled by Yew is included; `check` proves it happened);
//   frame: until the next animation frame starts (what the learner waits for).
async function actionTimes(browser, url, selector, values, check) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}#/playground`);
  await page.getByTestId('decision').waitFor();
  const result = await page.evaluate(
    async ({ selector, values, check, runs }) => {
      const el = document.querySelector(selector);
      const task = () =>
        new Promise((r) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
      const work = [];
      const frame = [];
      let rendered = 0;
      for (let i = 0; i < runs; i += 1) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, Math.random() * 14)));
        const value = values[i % values.length];
        const nextFrame = new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        const t0 = performance.now();
        el.value = value.text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await task();
        void document.body.offsetHeight;
        work.push(performance.now() - t0);
        if (document.querySelector(check)?.textContent.includes(value.expect)) rendered += 1;
        frame.push((await nextFrame) - t0);
      }
      return { work, frame, rendered };
    },
    { selector, values, check, runs: 40 },
  );
  await context.close();
  if (result.rendered !== 40) {
    throw new Error(`the page did not re-render after every input (${result.rendered}/40)`);
  }
  return result;
}

// Clicks a button on the world page (a real click event, dispatched at a random moment
// within a frame) and measures until the DOM shows the change and until the next frame:
// the world page's own re-render (engine + diagram + panels), with a fleet of `runs` steps.
async function clickTimes(browser, url, hash, button, changed, setup = []) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}${hash}`);
  await page.getByTestId('world-page').waitFor();
  // A world worth drawing: the lines are typed in the terminal first.
  for (const line of setup) {
    const before = await page.getByTestId('step-count').textContent();
    await page.getByTestId('terminal-input').fill(line);
    await page.getByTestId('terminal-input').press('Enter');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="step-count"]')?.textContent !== b,
      before,
    );
  }
  const result = await page.evaluate(
    async ({ button, changed, runs }) => {
      const el = document.querySelector(button);
      const work = [];
      const frame = [];
      let rendered = 0;
      for (let i = 0; i < runs; i += 1) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, Math.random() * 14)));
        const before = document.querySelector(changed)?.textContent;
        const nextFrame = new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        const t0 = performance.now();
        el.click();
        await new Promise((r) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
        void document.body.offsetHeight;
        work.push(performance.now() - t0);
        if (document.querySelector(changed)?.textContent !== before) rendered += 1;
        frame.push((await nextFrame) - t0);
      }
      return { work, frame, rendered };
    },
    { button, changed, runs: 40 },
  );
  await context.close();
  if (result.rendered !== 40) {
    throw new Error(`the world page did not re-render after every click (${result.rendered}/40)`);
  }
  return result;
}

const server = await serve(DIST);
const browser = await launch();
try {
  const report = {};
  const hashes = {};
  for (const [name, hash] of [
    ['home', '#/'],
    ['playground', '#/playground'],
    ['lesson', '#/scenario/s3-upload-experiment'],
  ]) {
    hashes[name] = hash;
    const { times, frames, files } = await firstRenders(browser, server.url, hash);
    report[name] = { render: stats(times), frame: stats(frames), size: brotliSize(files, server.url) };
  }
  const action = await actionTimes(
    browser,
    server.url,
    '[data-testid=request-action]',
    [
      { text: 's3:GetObject', expect: 'Allow' },
      { text: 'ec2:RunInstances', expect: 'ImplicitDeny' },
    ],
    '[data-testid=decision]',
  );
  const policy = await actionTimes(
    browser,
    server.url,
    '[data-testid=identity-policy] textarea',
    ['Alpha', 'Beta'].map((sid) => ({
      text: `{"Version":"2012-10-17","Statement":[{"Sid":"${sid}","Effect":"Allow","Action":"s3:*","Resource":"*"}]}`,
      expect: `"${sid}"`,
    })),
    '[data-testid=explanation]',
  );
  const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  const clock = await clickTimes(browser, server.url, '#/terminal', '[data-testid=advance-5m]', '[data-testid=clock]', [
    `echo '${trust}' > trust.json`,
    'aws iam create-role --role-name app --assume-role-policy-document file://trust.json',
    'aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess',
    'aws iam create-instance-profile --instance-profile-name app',
    'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
    'aws s3 mb s3://perf-bucket',
    'aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 3 --iam-instance-profile Name=app',
  ]);
  let missed = 0;
  const check = (ok) => {
    if (!ok) missed += 1;
    return ok ? 'ok' : 'MISSED';
  };
  console.log(`iamsim performance (headless Chromium, 127.0.0.1, ${RUNS} cold loads each)`);
  for (const [name, r] of Object.entries(report)) {
    console.log(
      `first render ${name.padEnd(10)} median ${fmt(r.render.median)} ms, p90 ${fmt(r.render.p90)} ms, ` +
        `max ${fmt(r.render.max)} ms (next frame: median ${fmt(r.frame.median)} ms)  ` +
        `target <= ${TARGETS.firstRenderMs} ms: ${check(r.render.p90 <= TARGETS.firstRenderMs)}`,
    );
  }
  // The app ships one bundle per part (world, playground, lessons): each page's first
  // load is the files that page fetched.
  for (const [name, r] of Object.entries(report)) {
    const size = r.size;
    console.log(`first load, ${name} (${hashes[name]}):`);
    for (const row of size.rows) {
      console.log(`  ${row.file.padEnd(26)} ${String(row.raw).padStart(8)} B raw ${String(row.brotli).padStart(8)} B brotli`);
    }
    console.log(
      `  total (brotli, all files) ${fmt(size.total / 1024)} KB  target <= ${TARGETS.firstLoadKb} KB: ` +
        check(size.total / 1024 <= TARGETS.firstLoadKb),
    );
  }
  for (const [name, r] of [
    ['typing in the action field', action],
    ['typing in a policy', policy],
    ['world page (role, profile, 3 instances), +5 min', clock],
  ]) {
    const work = stats(r.work);
    const frame = stats(r.frame);
    console.log(
      `re-render, ${name}: input->DOM median ${fmt(work.median)} ms, p90 ${fmt(work.p90)} ms; ` +
        `input->next frame median ${fmt(frame.median)} ms, p90 ${fmt(frame.p90)} ms  ` +
        `target <= ${TARGETS.actionMs} ms: ${check(frame.median <= TARGETS.actionMs)}`,
    );
  }
  if (STRICT && missed > 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
