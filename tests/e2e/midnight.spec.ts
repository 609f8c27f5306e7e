// "Today" follows the phone's clock while the app stays open: at midnight, a contact due today
// becomes overdue on the cohort list and on the nominal's page, without a reload.
//
// The browser's clock is faked from before the first page load (the Web Crypto key derivation
// still takes real time). The demo cohort's dates are set from the day it is loaded:
// HEDGECOMBE, Marisol (demo N-0010) was last seen 14 days before it, on a 14-day plan, so her
// contact is due that day and overdue by 1 day the next. The jumps stay under the app's five
// minutes of idle time before it locks itself.
import { expect, test, type Page } from '@playwright/test';
import { openNominal, setUpWithDemo } from './support';

/** Four minutes before midnight in London (the tests' time zone), on a day far from a clock change. */
const BEFORE_MIDNIGHT = new Date('2026-06-10T23:56:00+01:00');

/** A nominal's line on the cohort list. */
function cohortRow(page: Page, name: string) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
}

/** A row of a summary list, by its key. */
function summaryRow(page: Page, key: string) {
  return page.locator('.summary-list__row').filter({ has: page.getByText(key, { exact: true }) });
}

test('the cohort list turns a contact due today into overdue at midnight', async ({ page }) => {
  await page.clock.install({ time: BEFORE_MIDNIGHT });
  await setUpWithDemo(page);
  const row = cohortRow(page, 'HEDGECOMBE, Marisol');
  await expect(row).toContainText('Contact due today');
  expect(await page.evaluate(() => new Date().getDate())).toBe(10);

  // Half a minute on, still the same day: the app looked at the clock; nothing changes.
  await page.clock.runFor('00:30');
  await expect(row).toContainText('Contact due today');

  // Past midnight, with the app left open on the list.
  await page.clock.fastForward('04:00');
  expect(await page.evaluate(() => new Date().getDate())).toBe(11);
  await expect(row).toContainText('Contact overdue by 1 day');
  await expect(row).not.toContainText('Contact due today');
});

test("the nominal's next contact due moves on at midnight", async ({ page }) => {
  await page.clock.install({ time: BEFORE_MIDNIGHT });
  await setUpWithDemo(page);
  await openNominal(page, 'HEDGECOMBE, Marisol');
  const nextDue = summaryRow(page, 'Next contact due');
  await expect(nextDue.getByText('Due today', { exact: true })).toBeVisible();
  await expect(nextDue).not.toContainText('overdue');

  await page.clock.fastForward('04:30');
  await expect(nextDue).toContainText(': overdue by 1 day');
  await expect(nextDue.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(nextDue.getByText('Due today', { exact: true })).toHaveCount(0);
});
