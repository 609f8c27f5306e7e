// The screens no other spec scans, each scanned with axe (in light and dark: see axe.ts), and
// the document's title, which names every screen (with "Error: " in front while it shows an
// error), as GOV.UK pages do.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { PASSCODE, unlock } from './support';

function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

test('every screen outside the record forms passes an accessibility scan, and its title names it', async ({
  page,
}) => {
  await page.goto('/');
  await expect(heading(page)).toHaveText('Set a passcode for this phone');
  await expect(page).toHaveTitle('Set a passcode – SCPO Field');

  // A passcode that does not match: the title says there is an error.
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill('something-else-1');
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle('Error: Set a passcode – SCPO Field');
  await expect(page.getByLabel('Confirm passcode')).toHaveAttribute('aria-describedby', 'confirm-error');
  expect(await axeViolations(page), 'set passcode with an error').toEqual([]);

  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await expect(heading(page)).toHaveText('No cohort on this phone yet');
  await expect(page).toHaveTitle('No cohort on this phone yet – SCPO Field');
  expect(await axeViolations(page), 'welcome').toEqual([]);

  await page.getByRole('button', { name: 'Use the demo cohort' }).click();
  await expect(heading(page)).toHaveText('Cohort');
  await expect(page).toHaveTitle('Cohort – SCPO Field');

  // The Device page, and its forms with errors.
  await page.getByRole('link', { name: 'Device', exact: true }).click();
  await expect(heading(page)).toHaveText('Device and data');
  await expect(page).toHaveTitle('Device and data – SCPO Field');
  expect(await axeViolations(page), 'device').toEqual([]);
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.locator('#enrol-code-error')).toBeVisible();
  await expect(page.getByLabel('Enrolment code')).toHaveAttribute('aria-describedby', 'enrol-code-hint enrol-code-error');
  await page.getByRole('button', { name: 'Delete everything on this phone' }).click();
  await expect(page.locator('#wipe-confirm-error')).toContainText('Tick the box to confirm');
  await page.getByRole('button', { name: 'Change passcode' }).click();
  await expect(page.locator('#new-passcode-error')).toContainText('at least');
  await expect(page).toHaveTitle('Error: Device and data – SCPO Field');
  expect(await axeViolations(page), 'device with errors').toEqual([]);

  // Addresses that lead nowhere.
  await page.goto('/no-such-page');
  await unlock(page);
  await expect(heading(page)).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found – SCPO Field');
  expect(await axeViolations(page), 'page not found').toEqual([]);
  await page.getByRole('link', { name: 'Go to the cohort' }).click();
  await expect(heading(page)).toHaveText('Cohort');

  for (const path of ['/nominal/N-9999', '/nominal/N-9999/contact', '/nominal/N-9999/breach', '/nominal/N-9999/notifications']) {
    await page.evaluate((p) => {
      history.pushState(null, '', p);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await expect(heading(page), path).toHaveText('Nominal not found');
    await expect(page, path).toHaveTitle('Nominal not found – SCPO Field');
  }
  expect(await axeViolations(page), 'nominal not found').toEqual([]);

  // A nominal's contact form names the nominal by id, never by name.
  await page.evaluate(() => {
    history.pushState(null, '', '/nominal/N-0004/contact');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(heading(page)).toHaveText('Log a contact');
  await expect(page).toHaveTitle('Log a contact – N-0004 – SCPO Field');

  // The unlock screen, and a wrong passcode.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(heading(page)).toHaveText('Enter your passcode');
  await expect(page).toHaveTitle('Enter your passcode – SCPO Field');
  expect(await axeViolations(page), 'unlock').toEqual([]);
  await page.getByLabel('Passcode').fill('not-the-passcode');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle('Error: Enter your passcode – SCPO Field');
  expect(await axeViolations(page), 'unlock with an error').toEqual([]);
});
