#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): writes the service worker's precache manifest.
//
// Lists every file Trunk staged for this build (index.html, the hashed .js/.wasm/.css, manifest,
// icons; everything but sw.js itself) and derives the cache name from a SHA-256 of their paths and
// contents, so every build that changes any file gets a new cache and a byte-different sw.js
// (which is what makes browsers install the new worker). The result replaces the line marked
// `// @precache-manifest` in the staged sw.js.
//
// Usage: TRUNK_STAGING_DIR=dist/.stage node scripts/precache.mjs   (Trunk sets the variable)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SW_FILE = 'sw.js';
const MARKER = '// @precache-manifest';
const CACHE_PREFIX = 'scpo-field-';

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) {
  console.error('precache: TRUNK_STAGING_DIR is not set (this script runs as a Trunk post_build hook)');
  process.exit(1);
}

/** Every regular file under `dir`, as sorted '/'-separated paths relative to `dir`. */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const files = (await listFiles(stagingDir)).filter(
  (file) => file !== SW_FILE && !file.split('/').some((part) => part.startsWith('.')),
);
if (!files.includes('index.html')) {
  console.error(`precache: no index.html in ${stagingDir}; is this hook running before Trunk wrote it?`);
  process.exit(1);
}

const hash = createHash('sha256');
for (const file of files) {
  hash.update(file).update('\0');
  hash.update(await readFile(path.join(stagingDir, file))).update('\0');
}
const cacheName = CACHE_PREFIX + hash.digest('hex').slice(0, 16);

const swPath = path.join(stagingDir, SW_FILE);
const lines = (await readFile(swPath, 'utf8')).split('\n');
const at = lines.findIndex((line) => line.includes(MARKER));
if (at < 0) {
  console.error(`precache: no line marked "${MARKER}" in ${swPath}`);
  process.exit(1);
}
lines[at] = `const PRECACHE = ${JSON.stringify({ cacheName, files })}; ${MARKER} (generated)`;
await writeFile(swPath, lines.join('\n'));

console.log(`precache: ${files.length} files in cache ${cacheName}`);
