// The desk's tables at a desk's and a tablet's width: a table wider than the page scrolls
// sideways in its own region (kit::table), never the page, and its first column stays in view
// while it does; the region takes the keyboard's focus, visibly. The audit log is given a line
// with long unbroken ids (a CSV download filtered by a 64-character nominal ID).
import { expect, test, type Page } from '@playwright/test';
import { signedInSupervisor } from './support';

/** A nominal ID as long as the filter takes, with nothing to break it. */
const LONG_NOMINAL = `N${'0123456789'.repeat(6)}XYZ`;

/** The page's width and the window's: the page must not scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** Scroll the table's region to its far right: each row's header (and the first column's
 *  heading) is still where the region starts, and it is what shows there, not covered. Returns
 *  how far the region scrolled. */
async function expectFirstColumnKept(page: Page, name: string | RegExp) {
  const region = page.getByRole('region', { name });
  await expect(region).toBeVisible();
  const seen = await region.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    el.scrollLeft = el.scrollWidth;
    const start = el.getBoundingClientRect().left;
    const cells = [...el.querySelectorAll('thead th:first-child, tbody th[scope="row"]')].filter((c) => {
      const b = c.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= window.innerHeight;
    });
    return {
      scrolled: el.scrollLeft,
      cells: cells.map((c) => {
        const b = c.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + Math.min(8, b.width / 2), b.top + b.height / 2);
        return { text: c.textContent, offset: Math.round(b.left - start), shown: c.contains(hit) };
      }),
    };
  });
  expect(seen.cells.length).toBeGreaterThan(1);
  for (const cell of seen.cells) {
    expect(cell, `${cell.text} after scrolling ${seen.scrolled} px`).toMatchObject({ offset: 0, shown: true });
  }
  return seen.scrolled;
}

test('the desk\'s tables fit or scroll in their own region, the first column kept, never the page', async ({ page }) => {
  await signedInSupervisor(page);

  // The dashboard, at a desk and on a tablet.
  for (const [width, height] of [
    [1280, 800],
    [768, 1024],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('/supervise');
    await expect(page.getByRole('table', { name: 'What needs doing, by officer' })).toBeVisible();
    await expectNoSidewaysScroll(page, `the dashboard at ${width} px`);
    await expectFirstColumnKept(page, 'What needs doing, by officer');
  }

  // The audit log at a desk, with a line of long unbroken ids: the log downloaded with a
  // filter naming a long nominal ID (nothing matches it, but the disclosure is logged).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/supervise/lists/briefings-due');
  await page.goto('/supervise/audit');
  const csv = `/supervise/audit.csv?person=DS-DEMO-01&nominal=${LONG_NOMINAL}&from=2026-01-01&to=2026-12-31`;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    }, csv),
  ]);
  await download.path();
  await page.goto('/supervise/audit');
  const lines = page.getByRole('table', { name: /Audit lines/ });
  await expect(lines).toContainText(LONG_NOMINAL);
  await expectNoSidewaysScroll(page, 'the audit log at 1280 px');
  await expectFirstColumnKept(page, /Audit lines/);

  // The outcomes on a tablet: ten columns do not fit, so the region scrolls, not the page.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/supervise/outcomes');
  await expect(page.getByRole('table', { name: 'Outcomes by quarter' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the outcomes at 768 px');
  expect(await expectFirstColumnKept(page, 'Outcomes by quarter')).toBeGreaterThan(0);

  // A keyboard reaches the region (after the header's sign-out, the next stop) and sees where it is.
  await page.getByRole('button', { name: 'Sign out', exact: true }).focus();
  await page.keyboard.press('Tab');
  const region = page.getByRole('region', { name: 'Outcomes by quarter' });
  await expect(region).toBeFocused();
  const outline = await region.evaluate((el) => {
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(outline).toBe('solid 3px');
  // The cohort (a table with a column of tags) and a nominal's page (the order's wording and the
  // timeline) on a phone's width: only a table's region scrolls, never the page.
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ['/supervise/cohort', '/supervise/nominals/N-0002', '/supervise/nominals/N-0007']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, `${path} at 320 px`);
  }
});
