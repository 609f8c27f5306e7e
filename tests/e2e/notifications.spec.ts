// Notifications: record what the nominal told police, see at once whether it met the
// condition's deadline, and turn a late one into a breach report with the facts filled in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { continueButton, heading, INTELLIGENCE, isoDay, PHONE_CONDITION, reasons } from './breach-support';
import { openNominal, setUpWithCohortFile, setUpWithDemo } from './support';

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
  // When, asked first: the day the deadline fell (the last day in time, 3 days after getting
  // the phone), and no time: a failure to notify happens on a day.
  await expect(page.getByRole('radio', { name: 'Another date and time' })).toBeChecked();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(await isoDay(page, -4));
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await expect(page.getByLabel('What was seen?')).toHaveValue(
    /^Did not notify police of a new phone within 3 days: it happened on .*; told on .* \(4 days late\)\. Details: Handset ending 123, number 07700 900123$/,
  );
  await continueButton(page).click();
  await page.getByRole('button', { name: INTELLIGENCE.none }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  // A day, and no invented time.
  await expect(page.locator('#answer-when')).toContainText(/When\s*\d{1,2} \w{3} \d{4}\s*Change/);
  await expect(page.locator('#answer-when')).not.toContainText('00:00');
  await continueButton(page).click();
  await expect(page.getByRole('radio', { name: 'Interview and caution (recommended)' })).toBeChecked();
  await expect(reasons(page)).toContainText('No intelligence of a return to criminality.');
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await expect(page.getByRole('main')).not.toContainText('00:00');
  await page.getByRole('link', { name: 'View and print the report' }).click();
  await expect(heading(page)).toHaveText('Breach of a Serious Crime Prevention Order');
  await expect(page.getByRole('main')).not.toContainText('00:00');
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

/** A day `days` from today, yyyy-mm-dd, on this machine's clock (the browser's, in the test). */
function day(days: number): string {
  const t = new Date();
  t.setDate(t.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/**
 * A SYNTHETIC one-nominal cohort whose phone duty was reworded 10 days ago: "within 3 days"
 * (C-0001-01) became "within 14 days" (C-0001-02). First run: passcode, then this file.
 */
async function setUpWithRewordedDuty(page: Page) {
  const officer = { id: 'PC-0001', name: 'PC Demo Officer' };
  const duty = (id: string, days: number, replaces?: string) => ({
    id,
    order_id: 'O-0001',
    family: 'notification_requirements',
    verbatim: `The defendant shall notify the police officer in charge of the number and handset identity of any mobile telephone within ${days} days of acquiring it.`,
    summary: `Tell police about any new phone within ${days} days.`,
    mirrored_in_licence: false,
    notification: { kind: 'new_phone', deadline: { rule: 'within_days_after', days } },
    ...(replaces ? { replaces } : {}),
  });
  const cohort = {
    format: 'scpo-field-cohort',
    version: 1,
    officer,
    nominals: [
      {
        id: 'N-0001',
        given_name: 'Testa',
        family_name: 'Rewordby',
        aliases: [],
        date_of_birth: '1990-01-01',
        risk: 'medium',
        risk_reviewed_on: day(-30),
        offender_manager: officer,
        custody: { status: 'licence_ended', released_on: day(-400), licence_ended: day(-200) },
        address: '1 Example Row, Testville',
      },
    ],
    orders: [
      {
        id: 'O-0001',
        nominal_id: 'N-0001',
        court_reference: 'TS0001',
        court: 'Crown Court at Testville',
        stage: { stage: 'granted', date_granted: day(-500), comes_into_force: day(-400), ends: day(1000) },
        variations: [
          {
            id: 'V-0001-1',
            kind: 'variation',
            made_on: day(-15),
            takes_effect: day(-10),
            court: 'Crown Court at Testville',
            summary: 'Phone duty: 14 days instead of 3',
            new_end: null,
            conditions_ended: ['C-0001-01'],
            conditions_added: ['C-0001-02'],
          },
        ],
      },
    ],
    conditions: [duty('C-0001-01', 3), duty('C-0001-02', 14, 'C-0001-01')],
    contact_plans: [{ nominal_id: 'N-0001', every_days: 14, agreed_by: 'DS Demo', agreed_on: day(-30) }],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scpo-e2e-')), 'reworded.json');
  writeFileSync(file, JSON.stringify(cohort));
  await setUpWithCohortFile(page, file);
}

test('a late notification is judged against the provision in force on the day of the event, and its breach has a day and no time', async ({
  page,
}) => {
  await setUpWithRewordedDuty(page);
  await openNominal(page, 'REWORDBY');
  await page.getByRole('link', { name: 'Notifications' }).click();
  await page.getByRole('link', { name: 'Record a notification' }).click();
  await page.getByRole('radio', { name: 'New phone or number' }).check();
  // Until the day of the event is known: today's wording.
  await expect(page.getByLabel('Condition that sets the duty')).toHaveValue('C-0001-02');
  await page.getByLabel('Details').fill('Handset ending 456, number 07700 900456');
  // Got the phone 20 days ago, before the rewording: the 3-day duty of that day applies.
  await page.getByLabel('When did they get the phone or number?').fill(await isoDay(page, -20));
  const condition = page.getByLabel('Condition that sets the duty');
  await expect(condition).toHaveValue('C-0001-01');
  await expect(condition.locator('option:checked')).toHaveText(/within 3 days\. \(within 3 days\)$/);
  await expect(condition.locator('option', { hasText: 'within 14 days' })).toHaveCount(0);
  // Told today: due 17 days ago under the duty of that day (under today's it would be 6).
  const judged = page.getByRole('status').filter({ hasText: 'Late by' });
  await expect(judged).toContainText('Late by 17 days');
  await page.getByRole('button', { name: 'Save notification' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Handset ending 456' });
  await expect(item).toContainText('Late by 17 days');

  await item.getByRole('button', { name: 'Start a breach report' }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  // The last day in time, no time; the provision as worded on the day of the event.
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(await isoDay(page, -17));
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: /within 3 days/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /within 14 days/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await expect(page.getByLabel('What was seen?')).toHaveValue(
    /^Did not notify police of a new phone within 3 days: .* \(17 days late\)\. Details: Handset ending 456/,
  );
  await continueButton(page).click();
  await page.getByRole('button', { name: INTELLIGENCE.none }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.locator('#answer-when')).not.toContainText('00:00');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await page.getByRole('link', { name: 'View and print the report' }).click();
  const main = page.getByRole('main');
  await expect(main).toContainText('within 3 days of acquiring it');
  await expect(main).not.toContainText('within 14 days of acquiring it');
  await expect(main).not.toContainText('00:00');
});
