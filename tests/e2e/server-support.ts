// For the tests that run against the team server (playwright.sync.config.ts): its command line,
// against the running server's own database.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Run `scpo-server --data-dir $SYNC_DATA_DIR ...args` and return what it printed. */
export function cli(...args: string[]): string {
  return execFileSync(`${repo}target/release/scpo-server`, ['--data-dir', process.env.SYNC_DATA_DIR ?? '', ...args], {
    encoding: 'utf8',
  }).trim();
}
