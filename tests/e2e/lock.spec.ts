// The way out from the unlock screen when the app cannot show the cohort: "Export records and
// start again" unlocks without opening the cohort, saves the outbox to a file, and only then
// deletes everything. A failed export deletes nothing; a wrong passcode counts like any other.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { openNominal, PASSCODE, setUpWithDemo, unlock } from './support';

function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** A routine contact with GREAVE, Tamsin (demo N-0004): one record in the outbox. */
async function logContact(page: Page) {
  await openNominal(page, 'GREAVE, Tamsin');
  await page.getByRole('link', { name: 'Log a contact' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(heading(page)).toHaveText('Contact saved');
}

/** Lock from the header and open "Export records and start again" from the unlock screen. */
async function lockAndStartAgain(page: Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(heading(page)).toHaveText('Enter your passcode');
  const link = page.getByRole('link', { name: 'Export records and start again' });
  expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await link.click();
  await expect(heading(page)).toHaveText('Export records and start again');
  await expect(page).toHaveURL(/\/start-again$/);
}

/**
 * Remember, in the page, whether the app ever opens from now on: the menu shown while unlocked,
 * the cohort list or a nominal's name.
 */
async function watchForTheAppOpening(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { appOpened: boolean };
    w.appOpened = false;
    const look = () => {
      const text = document.body.textContent ?? '';
      if (
        /GREAVE|MARROWBY|HEDGECOMBE/.test(text) ||
        document.querySelector('.cohort-list, nav[aria-label="Menu"]')
      ) {
        w.appOpened = true;
      }
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

function appOpened(page: Page) {
  return page.evaluate(() => (window as unknown as { appOpened: boolean }).appOpened);
}

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export records and delete everything' });
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

test('export records and start again: the record reaches a file, then everything is deleted', async ({ page }) => {
  await setUpWithDemo(page);
  await logContact(page);
  await lockAndStartAgain(page);
  await expect(page.getByRole('main')).toContainText('1 record made on this phone has not been exported yet.');
  await expect(page.getByRole('main')).toContainText('everything on this phone is deleted');
  for (const target of [page.getByRole('link', { name: 'Back' }), exportButton(page), page.getByLabel('Passcode')]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await axeViolations(page)).toEqual([]);
  await watchForTheAppOpening(page);

  // A wrong passcode exports nothing and deletes nothing.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByLabel('Passcode').fill('not-the-passcode');
  await exportButton(page).click();
  await expect(errorSummary(page)).toContainText('That passcode is wrong. 9 tries left');
  await expect(page.getByRole('main')).toContainText('1 record made on this phone has not been exported yet.');
  expect(await axeViolations(page)).toEqual([]);
  expect(downloads).toBe(0);

  await page.getByLabel('Passcode').fill(PASSCODE);
  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    exportButton(page).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^scpo-field-records-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.format).toBe('scpo-field-outbox');
  expect(file.entries).toHaveLength(1);
  expect(file.entries[0].kind).toBe('contact');
  expect(file.entries[0].record.nominal_id).toBe('N-0004');
  expect(file.entries[0].record.kind).toBe('home_visit');

  // Back at the start, told what was exported; the cohort was never on screen.
  await expect(heading(page)).toHaveText('Set a passcode for this phone');
  await expect(page.getByRole('status').filter({ hasText: 'exported' })).toContainText(
    `1 record was exported to the file ${download.suggestedFilename()}.`,
  );
  await expect(page).toHaveURL(/\/$/);
  expect(await appOpened(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);

  // Nothing is left: no cohort, and no record waiting in the outbox.
  await page.getByLabel('Passcode', { exact: true }).fill('a-new-passcode');
  await page.getByLabel('Confirm passcode').fill('a-new-passcode');
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await expect(heading(page)).toHaveText('No cohort on this phone yet');
  await page.getByRole('button', { name: 'Use the demo cohort' }).click();
  await page.getByRole('link', { name: 'Device', exact: true }).click();
  await expect(page.getByText('No records are waiting.')).toBeVisible();
});

test('if the export fails nothing is deleted, and a wrong passcode counts as on the unlock screen', async ({ page }) => {
  await setUpWithDemo(page);
  await logContact(page);
  await lockAndStartAgain(page);

  // A wrong passcode here is a wrong try like any other: the unlock screen counts on from it.
  await page.getByLabel('Passcode').fill('not-the-passcode');
  await exportButton(page).click();
  await expect(errorSummary(page)).toContainText('9 tries left');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(heading(page)).toHaveText('Enter your passcode');
  await page.getByLabel('Passcode').fill('still-not-the-passcode');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(errorSummary(page)).toContainText('8 tries left');
  await page.getByRole('link', { name: 'Export records and start again' }).click();

  // The browser refuses to make the file.
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('refused for the test');
    };
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByLabel('Passcode').fill(PASSCODE);
  await exportButton(page).click();
  await expect(errorSummary(page)).toContainText('The records could not be exported, so nothing was deleted.');
  await expect(heading(page)).toHaveText('Export records and start again');
  // Still counted as waiting: a failed file is not an export.
  await expect(page.getByRole('main')).toContainText('1 record made on this phone has not been exported yet.');
  expect(downloads).toBe(0);

  // Everything is still there.
  await page.getByRole('link', { name: 'Back' }).click();
  await unlock(page);
  await expect(heading(page)).toHaveText('Cohort');
  await page.getByRole('link', { name: 'Device', exact: true }).click();
  await expect(page.getByText('1 record is waiting to be sent.')).toBeVisible();
});
