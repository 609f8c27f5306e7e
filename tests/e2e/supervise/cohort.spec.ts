// Cohort upkeep at the desk: importing a cohort file (a bad one lists every problem and changes
// nothing; a good one is shown before it is applied), assigning a nominal to another officer,
// and transferring one out so that it leaves the unit's phones. The files are built in
// cohort-files.ts with invented people, under ids of their own (the specs share one database).
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { cli } from '../server-support';
import { badCohortFile, cohortFile, freshId, listed, onDisk, type Person } from './cohort-files';
import { signedInSupervisor } from './support';

const SECOND = { id: 'PC-DEMO-02', name: 'PC Second Demo' };

async function cohortRows(page: Page) {
  await page.goto('/supervise/cohort');
  return page.getByRole('table', { name: /^Nominals \(\d+\)$/ }).getByRole('row').count();
}

test('a bad cohort file lists every problem and changes nothing; a good one is checked, then imported', async ({
  page,
}) => {
  const person: Person = { id: freshId('IMP'), given: 'Orla', family: 'Fenwick-Test', officer: SECOND };
  await signedInSupervisor(page);
  await page.getByRole('link', { name: 'Cohort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
  await expect(page.getByRole('link', { name: 'Cohort', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await axeViolations(page)).toEqual([]);
  const rows = await cohortRows(page);

  await page.getByRole('link', { name: 'Import a cohort file' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a cohort file');
  expect(await axeViolations(page)).toEqual([]);
  // Nothing chosen.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a cohort file, or paste its contents');
  // A file with three mistakes: every problem listed, each at its path, and nothing imported.
  await page.getByLabel('Cohort file').setInputFiles({
    name: 'cohort.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(badCohortFile(person))),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page).toHaveTitle('Error: Import a cohort file – SCPO Field supervision');
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('There is a problem');
  // The risk that does not read leaves the nominal out, so what names it is reported too.
  await expect(summary.getByRole('link')).toHaveText([
    /^nominals\[0\]\.risk: unknown variant `extreme`/,
    'contact_plans[0].every_days: must be between 1 and 365 days',
    /^orders\[0\]\.nominal_id: no nominal has the id/,
    'conditions[0].order_id: no order has the id "O-NOWHERE"',
    /^contact_plans\[0\]\.nominal_id: no nominal has the id/,
  ]);
  await expect(summary).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  expect(await cohortRows(page)).toBe(rows);
  await expect(page.getByRole('main')).not.toContainText(listed(person));

  // The good file, pasted: what would change first, then imported.
  await page.goto('/supervise/cohort/import');
  await page.getByLabel("Or paste the file's contents").fill(JSON.stringify(cohortFile(person)));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import before it is applied');
  const added = page.locator('.summary-list__row', { hasText: 'Nominals new to your unit' });
  await expect(added).toContainText(listed(person));
  await expect(page.locator('.summary-list__row', { hasText: 'Records to add' })).toContainText('4');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort imported');
  await expect(page.locator('.panel__body')).toHaveText('4 records added, 0 changed, 0 unchanged');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Go to the cohort' }).click();
  expect(await page.getByRole('table', { name: /^Nominals \(\d+\)$/ }).getByRole('row').count()).toBe(rows + 1);
  const row = page.getByRole('row', { name: new RegExp(person.id) });
  await expect(row).toContainText(listed(person));
  await expect(row).toContainText('PC Second Demo');
  await expect(row).toContainText('31 Jan 2030');
});

test('reassign a nominal, then transfer them out: off the phones, listed apart, never reassigned', async ({
  page,
  request,
}) => {
  const person: Person = { id: freshId('TRF'), given: 'Piran', family: 'Quillfeather-Test', officer: SECOND };
  cli('import', onDisk(cohortFile(person)), '--unit', 'U-DEMO');
  // A phone of the third officer, through the API as the app calls it.
  const enrolled = await request.post('/api/enrol', { data: { code: cli('enrol', 'PC-DEMO-03') } });
  expect(enrolled.status()).toBe(200);
  const auth = { Authorization: `Bearer ${(await enrolled.json()).credential}` };
  const scope = async () => (await (await request.get('/api/sync/pull', { headers: auth })).json()).in_scope;

  await signedInSupervisor(page);
  await page.goto('/supervise/cohort');
  await page.getByRole('link', { name: listed(person) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(listed(person));
  await expect(page.locator('.summary-list__row', { hasText: 'Assigned to' })).toContainText('PC Second Demo');
  await expect(page.getByRole('main')).toContainText('Tell the police about a new phone within 3 days');
  expect(await axeViolations(page)).toEqual([]);

  // Reassigned: the third officer's phone now has them.
  await page.getByLabel('Officer').selectOption({ label: 'PC Third Demo (PC-DEMO-03)' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status')).toContainText('The nominal is assigned');
  await expect(page.locator('.summary-list__row', { hasText: 'Assigned to' })).toContainText('PC Third Demo');
  expect(await scope()).toContain(person.id);

  // Transfer out: both answers needed, every problem listed.
  await page.getByRole('button', { name: 'Transfer out' }).click();
  await expect(page).toHaveTitle(new RegExp(`^Error: `));
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the date of the transfer',
    'Enter the force the nominal is transferred to',
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await summary.getByRole('link', { name: 'Enter the force the nominal is transferred to' }).click();
  await expect(page.getByLabel('Receiving force')).toBeFocused();
  await page.getByRole('group', { name: 'Date of transfer' }).getByLabel('Day').fill('2');
  await page.getByRole('group', { name: 'Date of transfer' }).getByLabel('Month').fill('11');
  await page.getByRole('group', { name: 'Date of transfer' }).getByLabel('Year').fill('2026');
  await page.getByLabel('Receiving force').fill('Invented Shire Police');
  await page.getByRole('button', { name: 'Transfer out' }).click();
  await expect(page.getByRole('status')).toContainText('The nominal is transferred out');
  await expect(page.getByRole('main')).toContainText('Transferred out to Invented Shire Police on 2 Nov 2026');
  await expect(page.getByRole('button', { name: 'Assign' })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  // Off the phone at its next pull; listed apart with the date and force.
  expect(await scope()).not.toContain(person.id);
  await page.getByRole('link', { name: 'Back to the cohort' }).click();
  await expect(page.getByRole('table', { name: /^Nominals \(\d+\)$/ })).not.toContainText(person.id);
  await expect(page.getByRole('heading', { name: 'Transferred out' })).toBeVisible();
  const out = page.getByRole('table', { name: 'Nominals transferred out' }).getByRole('row', { name: new RegExp(person.id) });
  await expect(out).toContainText('2 Nov 2026');
  await expect(out).toContainText('Invented Shire Police');
  expect(await axeViolations(page)).toEqual([]);
  // Importing the file again does not bring them back onto a phone.
  cli('import', onDisk(cohortFile(person)), '--unit', 'U-DEMO');
  expect(await scope()).not.toContain(person.id);
});

test('the cohort is searched by alias or officer, and a nominal\'s page shows the order as on a day and the timeline', async ({
  page,
}) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/cohort');
  const search = page.getByRole('search');
  await search.getByLabel('Search the cohort').fill('Dee Marrow');
  await search.getByRole('button', { name: 'Search' }).click();
  const table = page.getByRole('table', { name: /^Nominals \(\d+\)$/ });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('MARROWBY, Delphine');
  expect(await axeViolations(page)).toEqual([]);
  await search.getByLabel('Search the cohort').fill('Nobody Here Zz');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toContainText('No nominals match “Nobody Here Zz”');
  await expect(page.getByRole('table', { name: /^Nominals/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // N-0007's order was varied 200 days before the demo's day: the wording before, and now.
  await page.goto('/supervise/nominals/N-0007');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OARSBY, Benedikt');
  await expect(page.locator('#shown-day')).toContainText('(today)');
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep this record' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const before = new Date(Date.now() - 201 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Show the order as on').fill(before);
  await page.getByRole('button', { name: 'Show the order on this day' }).click();
  await expect(page).toHaveURL(new RegExp(`on=${before}`));
  await expect(page.locator('#shown-day')).not.toContainText('(today)');
  const inForce = page.locator('.provision').filter({ hasText: 'cash exceeding £1,000' });
  await expect(inForce).not.toContainText('Not in force');
  await expect(page.locator('.provision').filter({ hasText: 'cash exceeding £500' })).toContainText('Not in force: this provision was added by a variation');
  expect(await axeViolations(page)).toEqual([]);

  // The timeline, newest first, with the breach report linked to its page.
  await page.goto('/supervise/nominals/N-0002');
  const items = page.locator('.timeline__item');
  expect(await items.count()).toBeGreaterThan(0);
  await expect(page.locator('.timeline').getByRole('link', { name: 'Breach report' }).first()).toHaveAttribute(
    'href',
    /^\/supervise\/breaches\//,
  );
  const times = await page.locator('.timeline__when time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect([...times].sort().reverse()).toEqual(times);
  expect(await axeViolations(page)).toEqual([]);
});
