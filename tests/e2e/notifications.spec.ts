// Notifications: record what the nominal told police, see at once whether it met the
// condition's deadline, and turn a late one into a breach report with the facts filled in.
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { continueButton, heading, INTELLIGENCE, isoDay, PHONE_CONDITION, reasons } from './breach-support';
import { openNominal, setUpWithDemo } from './support';

test('a late notification is recorded against its condition and turned into a breach report', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(heading(page)).toHaveText('Notifications');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Record a notification' }).click();
  await expect(heading(page)).toHaveText('Record a notification');

  // The kind preselects the condition that carries the duty.
  await page.getByRole('radio', { name: 'New phone or number' }).check();
  await expect(page.getByLabel('Condition that sets the duty')).toHaveValue('C-0004-05');
  await expect(page.getByLabel('Condition that sets the duty').locator('option:checked')).toHaveText(
    /^One phone only.*\(within 3 days\)$/,
  );
  await page.getByLabel('Details').fill('Handset ending 123, number 07700 900123');
  // Got the phone a week ago; told police today (the default).
  await page.getByLabel('When did they get the phone or number?').fill(await isoDay(page, -7));
  await expect(page.getByLabel('When were police told?')).toHaveValue(await isoDay(page, 0));
  const judged = page.getByRole('status').filter({ hasText: 'Late by' });
  await expect(judged).toContainText(/Late by 4 days/);
  await expect(judged).toContainText(/Due by \d{1,2} \w{3,4} \d{4}, told \d{1,2} \w{3,4} \d{4}/);
  await expect(judged).not.toContainText(/days late/);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save notification' }).click();

  await expect(heading(page)).toHaveText('Notifications');
  const recorded = page.getByRole('status').filter({ hasText: 'Notification recorded' });
  await expect(recorded).toContainText('Late by 4 days');
  const item = page.getByRole('listitem').filter({ hasText: 'Handset ending 123' });
  await expect(item).toContainText('Late by 4 days');
  expect(await axeViolations(page)).toEqual([]);

  await item.getByRole('button', { name: 'Start a breach report' }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  await expect(page.getByRole('checkbox', { name: PHONE_CONDITION })).toBeChecked();
  // Just started by that tap: no "in progress" notice.
  await expect(page.getByText(/You have a breach report in progress/)).toHaveCount(0);
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await expect(page.getByRole('radio', { name: 'Another date and time' })).toBeChecked();
  // The first day late: the deadline (3 days after getting the phone) was missed at midnight.
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(await isoDay(page, -3));
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('00:00');
  await expect(page.getByLabel('What was seen?')).toHaveValue(
    /^Did not notify police of a new phone within 3 days: it happened on .*; told on .* \(4 days late\)\. Details: Handset ending 123, number 07700 900123$/,
  );
  await continueButton(page).click();
  await page.getByRole('button', { name: INTELLIGENCE.none }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await continueButton(page).click();
  await expect(page.getByRole('radio', { name: 'Interview and caution (recommended)' })).toBeChecked();
  await expect(reasons(page)).toContainText('No intelligence of a return to criminality.');
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
});

test('the form says what is missing and keeps what was typed; not-yet-notified ones come first', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'COLBECK');
  await page.getByRole('link', { name: 'Notifications' }).click();
  // The demo's outstanding phone: police know of it, the nominal has not told them.
  const first = page.getByRole('listitem').first();
  await expect(first).toContainText('New phone or number');
  await expect(first).toContainText(/Not notified: overdue by \d+ days?/);
  await expect(first.getByRole('button', { name: 'Start a breach report' })).toBeVisible();

  await page.getByRole('link', { name: 'Record a notification' }).click();
  await page.getByLabel('Details').fill('Blue van, registration ZZ24 ZZZ');
  await page.getByRole('button', { name: 'Save notification' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Select what they notified');
  await expect(summary).toContainText('Enter the date it happened');
  await expect(page.getByLabel('Details')).toHaveValue('Blue van, registration ZZ24 ZZZ');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('radio', { name: 'Vehicle used' }).check();
  await page.getByLabel('When did they first use the vehicle?').fill(await isoDay(page, -1));
  // The tag says whether it was in time; the sentence only the dates (issue 19, item 20).
  await expect(page.getByRole('status').filter({ hasText: 'In time' })).toContainText(
    /In time\s*Due by \d{1,2} \w{3} \d{4}, told \d{1,2} \w{3} \d{4}$/,
  );
  await page.getByRole('button', { name: 'Save notification' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Blue van' });
  await expect(item).toContainText('In time');
  await expect(item.getByRole('button', { name: 'Start a breach report' })).toHaveCount(0);
  // Overdue still first.
  await expect(page.getByRole('listitem').first()).toContainText('Not notified: overdue');
});
