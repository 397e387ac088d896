#!/usr/bin/env node
// Decisions per second of the wasm build of the evaluator, for comparison
// with the native `iamsim eval --repeat` figure. Builds nothing: run
// scripts/bench.sh, which builds crates/wasm-bench for wasm32, runs
// wasm-bindgen into target/wasm-bench/{node,web} and then this script.
// The module's `run(lines, repeat)` does exactly the work of
// `iamsim eval --repeat` (parse each line's JSON, evaluate it); the time is
// taken here with performance.now() around that one call, after a warm-up
// call, and also as this process's CPU time (process.cpuUsage()).
//   node scripts/bench-wasm.mjs [--repeat N] [--runs R] [--native DPS] [--browser | --browser-only] [--machine]
//     --repeat   repetitions of each line (default 20000, as scripts/bench.sh)
//     --runs     timed runs; the best is reported (default 3)
//     --native   the native decisions per second, to print the ratio native/wasm
//     --native-cpu  the native decisions per CPU second, likewise
//     --browser  also measure in headless Chromium (playwright-core; CPU time is the
//                page main thread's, from the DevTools protocol)
//     --browser-only  only that
//     --machine  print only "WALL CPU" (best rates) for scripts/bench.sh
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'target/wasm-bench');
const DATA = resolve(ROOT, 'crates/cli/tests/data/bench.jsonl');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
};
const REPEAT = option('--repeat', 20000);
const RUNS = option('--runs', 3);
const NATIVE = option('--native', 0);
const NATIVE_CPU = option('--native-cpu', 0);
const MACHINE = args.includes('--machine');
const BROWSER_ONLY = args.includes('--browser-only');
const BROWSER = BROWSER_ONLY || args.includes('--browser');

if (!existsSync(`${OUT}/node/iamsim_wasm_bench.js`) || !existsSync(`${OUT}/web/iamsim_wasm_bench.js`)) {
  console.error('target/wasm-bench/ is missing: run scripts/bench.sh (it builds the module)');
  process.exit(2);
}
const lines = readFileSync(DATA, 'utf8');
const expected = lines.split('\n').filter((l) => l.trim() !== '').length * REPEAT;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const work = { lines, repeat: REPEAT, warmup: Math.max(1, Math.floor(REPEAT / 10)), runs: RUNS, expected };

// One warm-up call, then `runs` timed calls; returns each call's rates
// [per second, per CPU second of this process].
const measure = ({ lines, repeat, warmup, runs, expected }, run) => {
  run(lines, warmup);
  const rates = [];
  for (let i = 0; i < runs; i += 1) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const decisions = Number(run(lines, repeat));
    const t1 = performance.now();
    const c1 = cpuMs();
    if (decisions !== expected) throw new Error(`made ${decisions} decisions, expected ${expected}`);
    rates.push([decisions / ((t1 - t0) / 1000), decisions / ((c1 - c0) / 1000)]);
  }
  return rates;
};
const best = (rates, i) => Math.max(...rates.map((r) => r[i]));
const report = (label, rates) => {
  const wall = best(rates, 0);
  console.error(`${label} runs: ${rates.map((r) => r[0].toFixed(0)).join(', ')}`);
  console.log(`${label} decisions_per_second: ${wall.toFixed(0)} (per CPU second: ${best(rates, 1).toFixed(0)})`);
  const cpu = best(rates, 1);
  if (NATIVE > 0) {
    const perCpu = NATIVE_CPU > 0 ? ` (per CPU second: ${(NATIVE_CPU / cpu).toFixed(2)})` : '';
    console.log(`${label} ratio native/wasm: ${(NATIVE / wall).toFixed(2)}${perCpu}`);
  }
};

if (!BROWSER_ONLY) {
  const wasm = createRequire(import.meta.url)(`${OUT}/node/iamsim_wasm_bench.js`);
  const rates = measure(work, wasm.run);
  if (MACHINE) console.log(`${best(rates, 0).toFixed(0)} ${best(rates, 1).toFixed(0)}`);
  else report('wasm', rates);
}

if (BROWSER) {
  const { launch } = await import('../tests/e2e/helpers.mjs');
  const { serve } = await import('../tests/e2e/server.mjs');
  const server = await serve(`${OUT}/web`, '/bench/');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.evaluate(async ({ glue, lines, warmup }) => {
      window.bench = await import(glue);
      await window.bench.default();
      window.bench.run(lines, warmup);
    }, { glue: `${server.url}iamsim_wasm_bench.js`, lines, warmup: work.warmup });
    // CPU time of the page's main thread, where the module runs (DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    };
    const rates = [];
    for (let i = 0; i < RUNS; i += 1) {
      const c0 = await threadTime();
      const [decisions, ms] = await page.evaluate(({ lines, repeat }) => {
        const t0 = performance.now();
        const decisions = Number(window.bench.run(lines, repeat));
        return [decisions, performance.now() - t0];
      }, { lines, repeat: REPEAT });
      const c1 = await threadTime();
      if (decisions !== expected) throw new Error(`made ${decisions} decisions, expected ${expected}`);
      rates.push([decisions / (ms / 1000), decisions / ((c1 - c0) / 1000)]);
    }
    if (errors.length) throw new Error(errors.join('\n'));
    report('wasm (chromium)', rates);
  } finally {
    await browser.close();
    await server.close();
  }
}
