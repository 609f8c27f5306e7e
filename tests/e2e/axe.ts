// Accessibility scans with axe-core, injected into the page under test (no network, no CDN).
// Every scan runs twice, in the light and the dark colour scheme (`prefers-color-scheme`), so
// each screen a test scans is checked in both; the test's own scheme is put back afterwards.
//
//   const violations = await axeViolations(page);
//   expect(violations).toEqual([]);
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  /** The colour scheme the page was in. */
  scheme: 'light' | 'dark';
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now, in the light and then the dark colour scheme, and returns
 * the violations of both (empty when it finds none). */
export async function axeViolations(page: Page, tags: string[] = WCAG_AA): Promise<Violation[]> {
  const wasDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const violations: Violation[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      violations.push(...(await scan(page, tags)).map((v) => ({ scheme, ...v })));
    }
  } finally {
    await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' });
  }
  return violations;
}

async function scan(page: Page, tags: string[]): Promise<Omit<Violation, 'scheme'>[]> {
  // Evaluated through the devtools protocol, so a page CSP without 'unsafe-eval' doesn't block it.
  await page.evaluate(axeSource);
  return page.evaluate(async (runOnly) => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly } });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n: any) => n.target.join(' ')),
    }));
  }, tags);
}
