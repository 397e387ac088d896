#!/usr/bin/env node
// Trunk's post-build step (Trunk.toml hook), on the staging directory:
//   1. shortens the names each wasm imports from its JS bindings, in both files;
//   2. drops the comment lines of init.js (the documented source stays in static/).
//
// 1.
// wasm-bindgen names every import `__wbg_<function>_<16 hex digits>` under a module called
// `./<bundle>_bg.js`: about 120 names per bundle whose hashes brotli cannot compress. This
// renames them to `a`, `b`, … `ba`, … and the module to `w`, consistently in
// `<bundle>_bg.wasm` (the import section is rewritten, every other byte is kept) and in
// `<bundle>.js` (the object the bindings hand to `WebAssembly.instantiate`). Saves ~2 KB
// brotli per bundle. The same idea as Binaryen's `--minify-imports-and-exports`, which
// cannot update wasm-bindgen's JS.
//
// Trunk runs it after every build (Trunk.toml, post_build hook) on the staging directory:
//   node scripts/post-build.mjs [DIR]     (DIR defaults to $TRUNK_STAGING_DIR)
// A bundle whose files do not look as expected is left as it is, with a warning.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: no directory (pass one, or run as a Trunk hook)');
  process.exit(2);
}

function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = buf[pos];
    pos += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

function u32(value) {
  const out = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

// Short, distinct JS identifiers: a … z, ba … zz, … (never a keyword: all start a-z
// and the two-letter ones begin with b or later, skipping `do`, `if`, `in`).
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const reserved = new Set(['do', 'if', 'in']);
  for (const c of letters) yield c;
  for (const a of letters.slice(1)) {
    for (const b of letters) {
      if (!reserved.has(a + b)) yield a + b;
    }
  }
  for (let i = 0; ; i += 1) yield `z${i}`;
}

// Rewrites the import section: returns [new wasm, Map(old -> new)], or null.
function rewriteWasm(buf, moduleName, newModule) {
  if (buf.readUInt32LE(0) !== 0x6d736100) return null;
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, start] = readU32(buf, pos + 1);
    const end = start + size;
    if (id === 2) {
      const renames = new Map();
      const gen = shortNames();
      let p = start;
      const [count, afterCount] = readU32(buf, p);
      p = afterCount;
      const parts = [u32(count)];
      for (let i = 0; i < count; i += 1) {
        const [mlen, m0] = readU32(buf, p);
        const module = buf.toString('utf8', m0, m0 + mlen);
        p = m0 + mlen;
        const [nlen, n0] = readU32(buf, p);
        const field = buf.toString('utf8', n0, n0 + nlen);
        p = n0 + nlen;
        const descStart = p;
        const kind = buf[p];
        p += 1;
        if (kind === 0x00) {
          [, p] = readU32(buf, p);
        } else if (kind === 0x01 || kind === 0x02) {
          if (kind === 0x01) p += 1; // reftype
          const flags = buf[p];
          p += 1;
          [, p] = readU32(buf, p);
          if (flags & 1) [, p] = readU32(buf, p);
        } else if (kind === 0x03) {
          p += 2;
        } else {
          return null;
        }
        const desc = buf.subarray(descStart, p);
        if (module === moduleName) {
          let short = renames.get(field);
          if (!short) {
            short = gen.next().value;
            renames.set(field, short);
          }
          parts.push(name(newModule), name(short), desc);
        } else {
          parts.push(name(module), name(field), desc);
        }
      }
      if (p !== end) return null;
      const body = Buffer.concat(parts);
      const out = Buffer.concat([buf.subarray(0, pos), Buffer.from([2]), u32(body.length), body, buf.subarray(end)]);
      return [out, renames];
    }
    pos = end;
  }
  return null;
}

let changed = 0;
for (const file of readdirSync(dir)) {
  if (!file.endsWith('_bg.wasm')) continue;
  const bundle = file.slice(0, -'_bg.wasm'.length);
  const wasmPath = join(dir, file);
  const jsPath = join(dir, `${bundle}.js`);
  const moduleName = `./${bundle}_bg.js`;
  let js;
  try {
    js = readFileSync(jsPath, 'utf8');
  } catch {
    console.warn(`minify-imports: ${bundle}.js is missing; ${file} left as it is`);
    continue;
  }
  const result = rewriteWasm(readFileSync(wasmPath), moduleName, 'w');
  if (!result || result[1].size === 0) {
    console.warn(`minify-imports: ${file} has no imports from ${moduleName}; left as it is`);
    continue;
  }
  const [wasm, renames] = result;
  const moduleKey = `"${moduleName}": `;
  if (!js.includes(moduleKey)) {
    console.warn(`minify-imports: ${bundle}.js does not name ${moduleName}; left as it is`);
    continue;
  }
  let out = js.replace(moduleKey, '"w": ');
  for (const [long, short] of renames) {
    const key = new RegExp(`(^|[^A-Za-z0-9_$])${long.replace(/\$/g, '\\$')}: `, 'gm');
    const count = (out.match(key) ?? []).length;
    if (count !== 1) {
      console.warn(`minify-imports: ${bundle}.js defines ${long} ${count} times; left as it is`);
      out = null;
      break;
    }
    out = out.replace(key, `$1${short}: `);
  }
  if (out === null) continue;
  writeFileSync(wasmPath, wasm);
  writeFileSync(jsPath, out);
  changed += 1;
  console.log(`minify-imports: ${bundle}: ${renames.size} imports renamed`);
}
if (changed === 0) console.warn('minify-imports: nothing renamed');

// 2. init.js without its whole-line comments (what a learner's browser downloads first).
try {
  const initPath = join(dir, 'init.js');
  const source = readFileSync(initPath, 'utf8');
  const stripped = source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  writeFileSync(initPath, stripped);
  console.log(`post-build: init.js ${source.length} -> ${stripped.length} bytes`);
} catch (error) {
  console.warn(`post-build: init.js left as it is (${error.message})`);
}
