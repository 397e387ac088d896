// A tiny static server for dist/, on 127.0.0.1 and a random port, under a
// sub-path (to prove the app works when it is not hosted at the root).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export const SUB_PATH = '/some/sub/path/';

/** Serves `root` under `subPath`; resolves to { url, close, requests }. */
export async function serve(root = resolve(import.meta.dirname, '../../dist'), subPath = SUB_PATH) {
  const served = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    served.push(url.pathname);
    if (!url.pathname.startsWith(subPath)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not under the sub-path');
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403);
      res.end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${subPath}`,
    served,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
