// Playwright end-to-end tests: the release build (dist/) served on 127.0.0.1 by scripts/serve.mjs,
// driven in Debian's Chromium on a phone-sized screen. Run with `make test-e2e` (builds first) or,
// with dist/ already built: npx playwright test -c tests/e2e/playwright.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 8081);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: '.',
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
