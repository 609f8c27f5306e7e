// The phone's screens at 320 px (issue 19, item 25): headings wrap between words, never inside
// one; the header is one line; the nominal page opens on what matters at the door (who, risk,
// what is due, the last three entries of the history), with the order and conditions and the
// full history each one tap away, offline like the rest.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { breachToRecommendation, INTELLIGENCE, Taps } from './breach-support';
import { openNominal, setUpWithDemo } from './support';

const WIDTH = 320;

/** Every word of the page's headings (and the header's title) that the browser split over two
 * lines: a word's text range then has boxes on more than one line. */
async function wordsSplitInHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const headings = document.querySelectorAll('h1, h2, h3, legend, .header__service, .panel__title');
    for (const h of headings) {
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(m[0]);
        }
      }
    }
    return split;
  });
}

/** The header's height, and whether its title, links and Lock button sit on one line. */
async function header(page: Page) {
  return page.evaluate(() => {
    const h = document.querySelector('header.header')!;
    const parts = [...h.querySelectorAll('.header__service, .header__nav a, .header__lock')];
    const middles = parts.map((p) => {
      const r = p.getBoundingClientRect();
      return Math.round(r.top + r.height / 2);
    });
    return {
      height: Math.round(h.getBoundingClientRect().height),
      parts: parts.length,
      oneLine: Math.max(...middles) - Math.min(...middles) <= 2,
    };
  });
}

function pageHeight(page: Page) {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Nothing wider than the screen (a phone's browser widens the page to what overflows, so the
 * width is compared with the screen's, not with `innerWidth`). */
function fits(page: Page) {
  return page.evaluate((w) => document.documentElement.scrollWidth <= w, WIDTH);
}

test('at 320 px the header is one line and headings break between words', async ({ page }) => {
  await page.setViewportSize({ width: WIDTH, height: 640 });
  await setUpWithDemo(page);
  const h = await header(page);
  console.log(`Header at ${WIDTH} px: ${h.height} px high`);
  expect(h.parts).toBe(4);
  expect(h.oneLine).toBe(true);
  expect(h.height).toBeLessThanOrEqual(60);
  expect(await fits(page)).toBe(true);
  expect(await wordsSplitInHeadings(page)).toEqual([]);

  // The breach report's recommendation page, whose heading broke as "Recommendati/on".
  await openNominal(page, 'MARROWBY');
  expect(await wordsSplitInHeadings(page)).toEqual([]);
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none);
  expect(await wordsSplitInHeadings(page)).toEqual([]);
  const style = await page.getByRole('heading', { level: 1 }).evaluate((e) => {
    const s = getComputedStyle(e);
    return { wordBreak: s.wordBreak, overflowWrap: s.overflowWrap };
  });
  expect(style.wordBreak).not.toBe('break-all');
  expect(style.overflowWrap).not.toBe('anywhere');
  expect(await fits(page)).toBe(true);
  expect((await header(page)).oneLine).toBe(true);
});

test('the nominal page opens on who, risk, what is due and the latest history; the rest one tap away', async ({
  page,
}) => {
  await page.setViewportSize({ width: WIDTH, height: 640 });
  await setUpWithDemo(page);
  // Every nominal's page, as the officer opens it at the door.
  const links = await page
    .locator('.cohort-list a[href^="/nominal/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
  const door: string[] = [];
  for (const href of links) {
    await page.evaluate((p) => {
      history.pushState(null, '', p);
      dispatchEvent(new PopStateEvent('popstate'));
    }, href);
    await expect(page.getByRole('link', { name: 'Full history' })).toBeVisible();
    const h = await pageHeight(page);
    door.push(`${href.replace('/nominal/', '')} ${h}`);
    // Under five screens of a 320 × 640 phone (before: 4,300 to 5,900 px).
    expect(h, href).toBeLessThanOrEqual(3_000);
  }
  console.log(`Nominal pages at ${WIDTH} px: ${door.join(', ')}`);
  await page.getByRole('link', { name: 'Cohort', exact: true }).tap();

  // MARROWBY has the richest history of the demo cohort (three entries): a fourth, logged now.
  await openNominal(page, 'MARROWBY, Delphine');
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();
  const main = page.getByRole('main');
  await expect(main).toContainText('The last 3 of 4 entries, newest first.');
  const heights = [await pageHeight(page)];
  await expect(main.locator('.summary-list__row').filter({ hasText: 'Risk' })).toContainText('Very high risk');
  await expect(main.locator('.summary-list__row').filter({ hasText: 'Next contact due' })).toBeVisible();
  // The last three entries of the history, newest first, and no more.
  const recent = main.locator('.timeline__item');
  await expect(recent).toHaveCount(3);
  const when = await recent.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect([...when].sort().reverse()).toEqual(when);
  // The conditions are on their own page.
  await expect(main.locator('.condition-list')).toHaveCount(0);
  expect(await fits(page)).toBe(true);
  expect(await wordsSplitInHeadings(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);

  // One tap: the full history, the three above at its top.
  await main.getByRole('link', { name: /^Full history/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  await expect(page).toHaveTitle(/^History – N-0002 – SCPO Field$/);
  const all = page.getByRole('main').locator('.timeline__item');
  await expect(all).toHaveCount(4);
  const allWhen = await all.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect(allWhen.slice(0, 3)).toEqual(when);
  expect([...allWhen].sort().reverse()).toEqual(allWhen);
  await expect(all.filter({ hasText: 'Undeclared second mobile phone found in the kitchen drawer.' })).toHaveCount(1);
  heights.push(await pageHeight(page));
  expect(await fits(page)).toBe(true);
  expect(await wordsSplitInHeadings(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();

  // One tap: the order and its conditions by family, wording as granted one more tap away.
  await page.getByRole('main').getByRole('link', { name: /^Order and conditions/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Order and conditions');
  await expect(page.locator('.summary-list__row').filter({ hasText: 'Court' })).toContainText('Crown Court at Testford');
  const family = page.getByRole('region', { name: 'Associations and communications' });
  const phone = family.getByRole('listitem').filter({ hasText: 'One phone only' });
  await expect(phone.getByText('Mirrored in licence')).toBeVisible();
  await phone.getByText('Wording as granted').tap();
  await expect(phone.getByText(/^The defendant shall not possess or use more than one mobile telephone/)).toBeVisible();
  heights.push(await pageHeight(page));
  expect(await fits(page)).toBe(true);
  expect(await wordsSplitInHeadings(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MARROWBY, Delphine');

  console.log(`MARROWBY at ${WIDTH} px: nominal page ${heights[0]} px, history ${heights[1]} px, order and conditions ${heights[2]} px`);
  // Before: 4,300 to 5,900 px for the demo's nominals at 320 px, the history at the bottom.
  expect(heights[0]).toBeLessThanOrEqual(3_000);
});
