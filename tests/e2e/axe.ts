// Accessibility scans with axe-core, injected into the page under test (no network, no CDN).
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
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now and returns its violations (empty when it finds none). */
export async function axeViolations(page: Page, tags: string[] = WCAG_AA): Promise<Violation[]> {
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
