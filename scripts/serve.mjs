#!/usr/bin/env node
// A tiny static file server for the built app (dist/), with no dependencies. Used by `make serve`
// and by the Playwright tests (tests/e2e/playwright.config.ts).
//
// - Serves files under --dir; a path without a file extension that matches no file (an app route
//   such as /nominal/N-001) gets index.html, so deep links and reloads work.
// - A missing path with an extension (/missing.js) is a 404, so broken asset links show up.
// - Correct MIME types, application/wasm included (WebAssembly.instantiateStreaming needs it).
// - Cache-Control: no-cache for index.html, sw.js and the manifest, so a new build is seen at once.
// - The app's Content-Security-Policy (as in index.html, plus frame-ancestors, which only a header
//   can set) and the other headers production should send (README, "Deployment").
//
// Usage: node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
//        (--port 0 takes a free port; the first line printed says which)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
  },
});

const root = path.resolve(options.dir);
const port = Number(options.port);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const NO_CACHE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest']);

/** The regular file `urlPath` names under root, or null. Never escapes root. */
async function findFile(urlPath) {
  const file = path.join(root, path.normalize(urlPath));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(file);
    if (info.isFile()) return { file, size: info.size };
    if (info.isDirectory()) return findFile(path.posix.join(urlPath, 'index.html'));
  } catch {
    // missing: fall through
  }
  return null;
}

function send(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad Request');
  }

  let servedPath = urlPath;
  let found = await findFile(urlPath);
  if (!found && path.posix.extname(urlPath) === '') {
    servedPath = '/index.html';
    found = await findFile(servedPath);
  }
  if (!found) return send(res, 404, 'Not Found');

  const type = MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Content-Length': found.size,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self)',
  };
  if (NO_CACHE.has(servedPath) || path.basename(found.file) === 'index.html') {
    headers['Cache-Control'] = 'no-cache';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (error) => {
  console.error(`serve: ${error.message}`);
  process.exit(1);
});

const stats = await stat(path.join(root, 'index.html')).catch(() => null);
if (!stats) {
  console.error(`serve: ${path.join(root, 'index.html')} not found; build first (make build)`);
  process.exit(1);
}

server.listen(port, options.host, () => {
  const url = `http://${options.host}:${server.address().port}/`;
  console.log(`Serving ${root} on ${url} (Ctrl-C to stop)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
