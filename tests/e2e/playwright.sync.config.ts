// End-to-end tests of sync with the team server: the release app (dist/) served with the API by
// target/release/scpo-server (--demo, a fresh SQLite data directory, a free port), instead of
// scripts/serve.mjs. Run with `make test-e2e`, or, with dist/ and the server built:
//   npx playwright test -c tests/e2e/playwright.sync.config.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): number {
  const probe =
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim());
}

// Chosen once by the runner; its workers inherit them (and the spec reads the data directory to
// run the server's command line against the same database).
process.env.SYNC_E2E_PORT ??= String(freePort());
process.env.SYNC_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'scpo-sync-e2e-'));
const port = Number(process.env.SYNC_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...base,
  testDir: '.',
  testIgnore: [],
  timeout: 120_000,
  use: { ...base.use, baseURL },
  projects: [
    // Two phones and the server.
    { name: 'phone', testMatch: 'sync/**/*.spec.ts' },
    // The supervisor at a desk. Passkeys are bound to a host name, never an IP address, so these
    // pages are opened on localhost (the server listens on 127.0.0.1; localhost resolves to it).
    {
      name: 'desk',
      testMatch: 'supervise/**/*.spec.ts',
      use: {
        baseURL: `http://localhost:${port}`,
        viewport: { width: 1280, height: 900 },
        deviceScaleFactor: 1,
        isMobile: false,
        hasTouch: false,
      },
    },
  ],
  webServer: {
    command: `target/release/scpo-server --data-dir ${process.env.SYNC_DATA_DIR} serve --demo --dist dist --listen 127.0.0.1:${port}`,
    cwd: repo,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
