// The contact log: a routine contact in a couple of taps from the nominal page, the next contact
// due moving at once, detail when it is needed, and the form kept as a draft while it is filled in.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { openNominal, setUpWithDemo, unlock } from './support';

/** Counts the officer's taps on the way through a flow. */
class Taps {
  count = 0;
  async tap(target: Locator) {
    this.count += 1;
    await target.tap();
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The day `days` from today on the phone's clock, as its parts. */
async function dayFromToday(page: Page, days: number) {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return { day: d.getDate(), month: d.getMonth() + 1, year: d.getFullYear() };
  }, days);
}

/** The way the app writes a day: "8 Dec 2026". */
async function enGB(page: Page, days: number) {
  const d = await dayFromToday(page, days);
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** A row of a summary list, by its key. */
function summaryRow(page: Page, key: string) {
  return page.locator('.summary-list__row').filter({ has: page.getByText(key, { exact: true }) });
}

/** The nominal's line on the cohort list. */
function cohortRow(page: Page, name: string) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
}

test('a routine contact takes two taps and the next contact due moves at once', async ({ page }) => {
  await setUpWithDemo(page);
  // GREAVE, Tamsin (demo N-0004) is overdue: seen 20 days ago on a 14-day plan.
  await expect(cohortRow(page, 'GREAVE, Tamsin')).toContainText(/Contact overdue by \d+ days?/);
  await openNominal(page, 'GREAVE, Tamsin');
  const nextDue = summaryRow(page, 'Next contact due');
  await expect(nextDue).toContainText('overdue by');
  await expect(nextDue.getByText('Overdue', { exact: true })).toBeVisible();

  const taps = new Taps();
  await taps.tap(page.getByRole('link', { name: 'Log a contact' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a contact');
  // The routine answers are already chosen.
  await expect(page.getByLabel('Home visit', { exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Was Tamsin seen?' }).getByLabel('Yes')).toBeChecked();
  await expect(page.getByLabel('No concerns')).toBeChecked();
  await expect(page.getByLabel('Just now')).toBeChecked();
  await taps.tap(page.getByRole('button', { name: 'Save contact' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  expect(taps.count).toBeLessThanOrEqual(3);
  test.info().annotations.push({ type: 'taps', description: `routine contact: ${taps.count} taps from the nominal page` });
  console.log(`Routine contact logged in ${taps.count} taps from the nominal page`);

  const due = await enGB(page, 14);
  await expect(page.locator('.panel--confirmation')).toContainText(`${due} (in 14 days)`);
  await expect(page.getByText(/^Home visit, seen, no concerns: /)).toBeVisible();

  await page.getByRole('link', { name: 'Back to GREAVE, Tamsin' }).tap();
  await expect(nextDue).toContainText(`${due} (in 14 days)`);
  await expect(nextDue).not.toContainText('Overdue');
  await expect(summaryRow(page, 'Last seen')).toContainText(`${await enGB(page, 0)}, `);
  const newest = page.locator('.timeline__item').first();
  await expect(newest).toContainText('Home visit');
  await expect(newest).toContainText('Seen, no concerns');
  await expect(newest).toContainText(await enGB(page, 0));

  await page.getByRole('link', { name: 'Back to cohort' }).tap();
  const row = cohortRow(page, 'GREAVE, Tamsin');
  await expect(row).toContainText(`Next contact due: ${due}`);
  await expect(row).not.toContainText('Contact overdue');
});

test('a contact with detail: not seen, earlier, with notes; problems never lose what was typed', async ({ page }) => {
  await setUpWithDemo(page);
  // HEDGECOMBE, Marisol (demo N-0010) is due today.
  await openNominal(page, 'HEDGECOMBE, Marisol');
  await page.getByRole('link', { name: 'Log a contact' }).tap();

  await page.getByLabel('Phone call').check();
  await page.getByRole('group', { name: 'Was Marisol seen?' }).getByLabel('No').check();
  await expect(page.getByRole('group', { name: 'Outcome' })).toHaveCount(0);
  await expect(page.getByText('Say what was tried')).toBeVisible();
  const notes = page.getByLabel('Notes (optional)');
  await notes.fill('No answer; voicemail left.');

  await page.getByLabel('Earlier').check();
  const today = await dayFromToday(page, 0);
  await expect(page.getByLabel('Day')).toHaveValue(String(today.day));
  await expect(page.getByLabel('Month')).toHaveValue(String(today.month));
  await expect(page.getByLabel('Year')).toHaveValue(String(today.year));
  await page.getByLabel('Hour').fill('');
  await page.getByRole('button', { name: 'Save contact' }).tap();

  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link', { name: 'Time of the contact must include an hour' })).toBeVisible();
  await expect(page.locator('#contact-time-error')).toContainText('Time of the contact must include an hour');
  // Nothing typed or chosen was lost.
  await expect(notes).toHaveValue('No answer; voicemail left.');
  await expect(page.getByLabel('Phone call')).toBeChecked();

  const yesterday = await dayFromToday(page, -1);
  await page.getByLabel('Day').fill(String(yesterday.day));
  await page.getByLabel('Month').fill(String(yesterday.month));
  await page.getByLabel('Year').fill(String(yesterday.year));
  await page.getByLabel('Hour').fill('9');
  await page.getByLabel('Minute').fill('05');
  await page.getByRole('button', { name: 'Save contact' }).tap();

  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  await expect(page.getByText(`Phone call, not seen: ${await enGB(page, -1)}, 09:05.`)).toBeVisible();
  // Not seen does not count: still due today.
  await expect(page.locator('.panel--confirmation')).toContainText('Today');

  await page.getByRole('link', { name: 'Back to HEDGECOMBE, Marisol' }).tap();
  const call = page.locator('.timeline__item').filter({ hasText: 'Phone call' });
  await expect(call).toContainText('Not seen');
  await expect(call).toContainText('No answer; voicemail left.');
  await expect(call).toContainText(`${await enGB(page, -1)}, 09:05`);
});

test('the contact form is kept as a draft through a reload and a lock', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'COLBECK, Wystan');
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await page.getByLabel('Concerns recorded').check();
  await page.getByLabel('Notes', { exact: true }).fill('Second handset on the kitchen table.');
  await expect(page.getByText(/^Draft saved on this phone at \d\d:\d\d/)).toBeVisible();

  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a contact');
  await expect(page.getByText('We kept what you entered last time')).toBeVisible();
  await expect(page.getByLabel('Concerns recorded')).toBeChecked();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Second handset on the kitchen table.');

  await page.getByLabel('Unannounced home visit').check();
  await expect(page.getByText(/^Draft saved on this phone at \d\d:\d\d/)).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).tap();
  await unlock(page);
  await expect(page.getByLabel('Unannounced home visit')).toBeChecked();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Second handset on the kitchen table.');

  // Saving the contact deletes the draft: the next contact starts from the routine answers.
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  await expect(page.getByText(/^Unannounced home visit, seen, concerns recorded: /)).toBeVisible();
  await page.getByRole('link', { name: 'Back to COLBECK, Wystan' }).tap();
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  // The kind offered first is that of the last contact in which they were seen.
  await expect(page.getByLabel('Unannounced home visit')).toBeChecked();
  await expect(page.getByLabel('No concerns')).toBeChecked();
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('');
  await expect(page.getByText('We kept what you entered last time')).toHaveCount(0);
  await page.reload();
  await unlock(page);
  await expect(page.getByLabel('Notes (optional)')).toHaveValue('');
});

test('"Start again" puts back the routine answers and forgets the draft', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'SAXBY, Petronel');
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await page.getByLabel('Video call').check();
  await expect(page.getByText(/^Draft saved on this phone at/)).toBeVisible();
  await page.reload();
  await unlock(page);
  await page.getByRole('button', { name: 'Start again' }).tap();
  await expect(page.getByLabel('Video call')).not.toBeChecked();
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a contact');
  await expect(page.getByText('We kept what you entered last time')).toHaveCount(0);
  await expect(page.getByLabel('Video call')).not.toBeChecked();
});

test('the contact pages have no WCAG 2.2 AA violations, in light and dark mode', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE, Tamsin');
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await expect(page.getByRole('button', { name: 'Save contact' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Earlier').check();
  await page.getByLabel('Concerns recorded').check();
  await page.getByLabel('Hour').fill('');
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Just now').check();
  await page.getByLabel('Notes', { exact: true }).fill('Unknown car outside the address.');
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page)).toEqual([]);
});
