// How big the build is, for the benchmark (scripts/bench.mjs) and the size check in `make test`
// (scripts/size-check.mjs), so both count the same files the same way.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Every file under `dir` (relative paths, sorted), hidden ones left out. */
export function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .filter((f) => !f.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

/** Bytes raw, gzip -9 and brotli quality 11 (pass `{ brotli: false }` to skip the slow one). */
export function compressed(buf, { brotli = true } = {}) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotli
      ? brotliCompressSync(buf, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length },
        }).length
      : undefined,
  };
}

/**
 * The app's code in a build: its wasm, JS (the service worker included) and CSS, without the
 * .br/.gz copies made for the team server to send instead (a phone downloads one encoding).
 */
export function appCode(dir) {
  return filesUnder(dir).filter((f) => /\.(wasm|js|css)$/.test(f));
}
