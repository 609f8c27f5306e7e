// Playwright end-to-end tests: the release build (dist/) served on 127.0.0.1 by scripts/serve.mjs,
// driven in Debian's Chromium on a phone-sized screen, on a free port (or $E2E_PORT). Run with
// `make test-e2e` (builds first) or, with dist/ built: npx playwright test -c tests/e2e/playwright.config.ts
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** A TCP port free on 127.0.0.1 right now. */
function freePort(): number {
  const probe =
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim());
}

// Other servers may hold any fixed port on a shared machine. The port is chosen once, when the
// runner loads this file; its workers inherit E2E_PORT and so agree on it.
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: '.',
  // The sync and supervisor tests need the team server: playwright.sync.config.ts runs them.
  testIgnore: ['sync/**', 'supervise/**'],
  outputDir: `${repo}test-results`,
  forbidOnly: ci,
  retries: 0,
  // Two cores: one browser at a time is faster and steadier than two.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: ci
    ? [['list']]
    : [['list'], ['html', { outputFolder: `${repo}playwright-report`, open: 'never' }]],
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: launchOptions(),
  },
  projects: [{ name: 'phone' }],
  webServer: {
    command: `node scripts/serve.mjs --dir dist --host 127.0.0.1 --port ${port}`,
    cwd: repo,
    url: `${baseURL}/`,
    // Never test whatever else happens to listen on the port.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
