// Keeping an order at the desk (issue 21): the DS records a new order from the sealed court
// order for a nominal with none, then its three provisions from the order's text pasted whole
// (tests/e2e/fixtures/sealed-order.txt, synthetic), each confirmed on its own page, and sees
// them on the nominal's page. Every page is scanned with axe at 1280 px and 320 px, light and
// dark. The nominal is imported under an id of its own (the specs share one database).
import { expect, test } from '@playwright/test';
import { cli } from '../server-support';
import { cohortFile, freshId, listed, onDisk, type Person } from './cohort-files';
import { day, fillDate, heading, ORDER_TEXT, scan } from './keeping';
import { signedInSupervisor } from './support';

test('the DS records an order from the sealed order and its three provisions from its text', async ({ page }) => {
  const person: Person = {
    id: freshId('ORD'),
    given: 'Tamsin',
    family: 'Orderly-Test',
    officer: { id: 'PC-DEMO-02', name: 'PC Second Demo' },
  };
  const file = cohortFile(person) as { orders: unknown[]; conditions: unknown[] };
  file.orders = [];
  file.conditions = [];
  cli('import', onDisk(file), '--unit', 'U-DEMO');
  await signedInSupervisor(page);

  // The order, one question a page.
  await page.goto(`/supervise/nominals/${person.id}/orders/new`);
  await expect(heading(page)).toHaveText('Which court made the order?');
  await scan(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Error: Which court made the order\?/);
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Enter the court that made the order',
    "Enter the court's reference for the order",
  ]);
  await scan(page);
  await page.getByLabel('Court', { exact: true }).fill('Crown Court at Exampleton');
  await page.getByLabel('Court reference').fill('T20267001');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('When was the order granted?');
  await fillDate(page, 'Date granted', day(-30));
  await scan(page);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('When does the order come into force?');
  await page.getByLabel('On a date').check();
  const cif = day(-20);
  await fillDate(page, 'If on a date: the date it comes into force', cif);
  await scan(page);
  await page.getByRole('button', { name: 'Continue' }).click();

  // The last day: the latest lawful end shown; a day later refused.
  await expect(heading(page)).toHaveText("What is the order's last day?");
  await expect(page.getByRole('group', { name: 'Last day' })).toContainText('its last day can be no later than');
  await fillDate(page, 'Last day', day(-20, 5));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('An order may be in force for at most five years');
  await scan(page);
  await fillDate(page, 'Last day', day(-20, 4));
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('How is the person bound by the order?');
  await page.getByLabel('Served with notice of the order').check();
  await fillDate(page, 'If served: the date served', day(-25));
  await page.getByLabel('In person').check();
  await page.getByLabel('Who served them').fill('PC Example Officer');
  await scan(page);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Check your answers before recording the order');
  await expect(page.getByRole('main')).toContainText('T20267001');
  await expect(page.getByRole('main')).toContainText('Served (in person)');
  await scan(page);
  await page.getByRole('button', { name: 'Record the order' }).click();
  await expect(heading(page)).toHaveText('Order recorded');
  await scan(page);

  // Its provisions: the order's text pasted whole, split at its numbered paragraphs.
  await page.getByRole('link', { name: "Add the order's provisions" }).click();
  await expect(heading(page)).toHaveText("Add the order's provisions");
  await scan(page);
  await page.getByLabel("The provisions' wording").fill(ORDER_TEXT);
  await page.getByRole('button', { name: 'Continue' }).click();
  const summaries = [
    'Keep out of the premises in Schedule 2.',
    'Ask police at least 7 clear days before travel abroad.',
    'Tell police about any vehicle used within 3 days.',
  ];
  const families = ['Premises', 'Travel', 'Notification requirements'];
  for (const [i, summary] of summaries.entries()) {
    await expect(heading(page)).toHaveText(`Provision ${i + 1} of 3`);
    await expect(page.getByRole('group', { name: 'Family of provision (s.5)' })).toContainText(
      `Suggested from the wording: ${families[i]}`,
    );
    await expect(page.getByLabel(families[i], { exact: true })).toBeChecked();
    await page.getByLabel('Plain-English summary').fill(summary);
    await page.getByRole('group', { name: 'Is it mirrored in the licence?' }).getByLabel('No', { exact: true }).check();
    if (i === 0) await page.getByLabel('No duty to notify').check();
    if (i === 2) await expect(page.getByRole('textbox', { name: 'Number of days' })).toHaveValue('3');
    await scan(page);
    await page.getByRole('button', { name: 'Confirm this provision' }).click();
  }
  await expect(heading(page)).toHaveText('Check the provisions before recording them');
  await expect(page.getByRole('main')).toContainText('Travel request: at least 7 clear days before');
  await scan(page);
  await page.getByRole('button', { name: 'Record the 3 provisions' }).click();
  await expect(heading(page)).toHaveText('Provisions recorded');
  await scan(page);

  // On the nominal's page: the order and its three provisions.
  await page.goto(`/supervise/cohort/${person.id}`);
  await expect(heading(page)).toHaveText(listed(person));
  const main = page.getByRole('main');
  await expect(main).toContainText('T20267001');
  for (const summary of summaries) await expect(main).toContainText(summary);
  await scan(page);
});
