// Reporting a breach found later: the conditions offered are those in force on the day it
// happened, worded as they were then, and a change of day re-checks the conditions chosen.
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { continueButton, heading, INTELLIGENCE, isoDay } from './breach-support';
import { openNominal, setUpWithDemo } from './support';

test('a breach found later is reported against the provisions in force that day, worded as then', async ({
  page,
}) => {
  // N-0007: a variation 200 days ago lowered the cash limit from £1,000 to £500.
  await setUpWithDemo(page);
  await openNominal(page, 'OARSBY, Benedikt');
  await page.getByRole('link', { name: 'Report a breach' }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  // Asked first: when. "Today, now" is the answer unless the officer says otherwise, and the
  // list is of what is in force today.
  await expect(page.getByRole('radio', { name: /^Today, now/ })).toBeChecked();
  const oldLimit = page.getByRole('checkbox', { name: /^No more than £1,000 in cash/ });
  const newLimit = page.getByRole('checkbox', { name: /^No more than £500 in cash/ });
  await expect(newLimit).toBeVisible();
  await expect(oldLimit).toHaveCount(0);

  // 201 days ago, the day before the variation: the old wording, and only that.
  await page.getByRole('radio', { name: 'Another date and time' }).check();
  await expect(page.getByText('Enter the date it happened to see the conditions in force that day.')).toBeVisible();
  await page.getByLabel('Date', { exact: true }).fill(await isoDay(page, -201));
  await page.getByLabel('Time', { exact: true }).fill('10:00');
  await expect(page.getByRole('group', { name: /^Conditions in force on \d{1,2} \w{3} \d{4}$/ })).toBeVisible();
  await expect(newLimit).toHaveCount(0);
  await oldLimit.check();
  expect(await axeViolations(page)).toEqual([]);
  await continueButton(page).click();

  await expect(heading(page)).toHaveText('What happened?');
  await page.getByRole('button', { name: 'Home address' }).click();
  await page.getByLabel('What was seen?').fill('About £800 in notes in a shoebox, found at a search.');
  await continueButton(page).click();
  await page.getByRole('button', { name: INTELLIGENCE.none }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.locator('#answer-conditions')).toContainText('No more than £1,000 in cash');

  // The day changed after choosing: the old wording is refused on today, with why, and kept to
  // untick.
  await page.getByRole('link', { name: 'Change when it happened' }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  await page.getByRole('radio', { name: /^Today, now/ }).check();
  await expect(oldLimit).toBeChecked();
  await expect(newLimit).not.toBeChecked();
  await continueButton(page).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText(
    /^There is a problem.*On \d{1,2} \w{3} \d{4} this condition was not in force: No more than £1,000 in cash.*this provision was ended by a variation \(Crown Court at Testford\).*Untick it, or change the date/,
  );
  expect(await axeViolations(page)).toEqual([]);
  // Back to the day it happened: the answers stand.
  await page.getByRole('radio', { name: 'Another date and time' }).check();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(await isoDay(page, -201));
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Recommendation');
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await page.getByRole('link', { name: 'View and print the report' }).click();
  // The provision as worded that day, word for word.
  await expect(page.getByRole('main')).toContainText('cash exceeding £1,000');
  await expect(page.getByRole('main')).not.toContainText('cash exceeding £500');
});
