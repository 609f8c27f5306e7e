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

/** The id of the phone enrolled last for `officer` and not revoked: the one a spec has just
 * enrolled. The specs share one database, so an earlier spec's phones for the same officer are
 * there too. Read from `scpo-server devices` (id,officer,label,enrolled_at,revoked_at,
 * last_seen_at), counting the times from the end so a label with a comma cannot shift them. */
export function newestDevice(officer: string): string {
  const phones = cli('devices')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((f) => f[1] === officer && f.at(-2) === '')
    .sort((a, b) => Number(a.at(-3)) - Number(b.at(-3)));
  const newest = phones.at(-1);
  if (!newest) throw new Error(`no phone enrolled for ${officer}`);
  return newest[0];
}
