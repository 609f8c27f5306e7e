// How this project starts Chromium: Debian's /usr/bin/chromium (Playwright's own browser downloads
// are not reachable here), with flags for a closed network and for running as root.
// Used by tests/e2e/playwright.config.ts and scripts/icons.mjs.
import { execFileSync } from 'node:child_process';

/** Path of the Chromium binary: $CHROMIUM_PATH, else `chromium` on PATH. */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: run `make test` (installs it) or set CHROMIUM_PATH.');
  }
}

// Playwright adds --headless itself and gives every launch a fresh, empty --user-data-dir.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options for Playwright's chromium.launch() / use.launchOptions. */
export function launchOptions() {
  return { executablePath: chromiumPath(), args: chromiumArgs };
}
