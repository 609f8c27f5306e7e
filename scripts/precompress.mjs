#!/usr/bin/env node
// Brotli and gzip copies of every text and wasm file of the build (name.br, name.gz beside
// name), for the team server to send when the browser accepts them (it never compresses on the
// fly). Runs last in the Trunk post_build hook, after sw.js has its final precache list.
// Usage: node scripts/precompress.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: give a directory, or run as a Trunk post_build hook');
  process.exit(1);
}
const worth = /\.(wasm|js|mjs|css|html|json|webmanifest|svg|txt)$/;

async function* files(d) {
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (worth.test(e.name)) yield p;
  }
}

let raw = 0;
let br = 0;
let gz = 0;
for await (const f of files(dir)) {
  const body = await readFile(f);
  if ((await stat(f)).size < 256) continue;
  const b = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const g = gzipSync(body, { level: 9 });
  await writeFile(`${f}.br`, b);
  await writeFile(`${f}.gz`, g);
  raw += body.length;
  br += b.length;
  gz += g.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`precompress: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
