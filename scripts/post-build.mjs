#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Two steps, in this order:
//
// 1. Content Security Policy: Trunk writes a small inline <script type="module"> into index.html
//    that loads the wasm. The app's policy allows no inline script, so the script is moved into
//    its own file, named by a hash of its content (start-<hash>.js), and index.html points at it.
// 2. The service worker's precache list (scripts/precache.mjs), which must see the final files.
// 3. Brotli and gzip copies of the files for the team server (scripts/precompress.mjs); they are
//    not in the precache list (the browser caches what it decoded).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (this script runs as a Trunk post_build hook)');
  process.exit(1);
}

const indexPath = path.join(stagingDir, 'index.html');
const html = await readFile(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const scripts = [...html.matchAll(inline)];
if (scripts.length !== 1) {
  console.error(`post-build: expected Trunk's one inline module script in index.html, found ${scripts.length}`);
  process.exit(1);
}
const body = scripts[0][1].trim() + '\n';
const name = `start-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
await writeFile(path.join(stagingDir, name), body);
await writeFile(indexPath, html.replace(scripts[0][0], `<script type="module" src="/${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(await readFile(indexPath, 'utf8'))) {
  console.error('post-build: index.html still has an inline script, which the CSP would block');
  process.exit(1);
}
console.log(`post-build: Trunk's loader moved to ${name}`);

await import('./precache.mjs');
await import('./precompress.mjs');
