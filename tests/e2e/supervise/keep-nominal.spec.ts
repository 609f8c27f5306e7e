// Keeping the cohort at the desk as a new DS would (issue 21): a nominal recorded through the
// question pages of /supervise/nominals/new and check your answers, then found on the cohort
// and on their own page, with an order and its provisions recorded after. Every new desk page
// is scanned with axe in the light and dark colour schemes at 320 px and 1280 px, with an
// error summary showing on some. Specs share one database: the names here are this spec's own.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cli } from '../server-support';
import { day, fillDate, heading, recordNominal, recordOrder, recordProvisions, scan, SUMMARIES } from './keeping';
import { authenticator, signedInSupervisor } from './support';

/** FAMILY, Given as the cohort lists a name. */
const listed = (given: string, family: string) => `${family.toUpperCase()}, ${given}`;

/** A name of this run's own. */
function freshFamily(stem: string) {
  const tail = Date.now().toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
  return `${stem}-${tail[0].toUpperCase()}${tail.slice(1)}`;
}

test('a DS records a new nominal through the question pages; they are on the cohort and their page', async ({ page }) => {
  await signedInSupervisor(page);
  const given = 'Odile';
  const family = freshFamily('Newcombe');

  // Nothing answered: the error summary, then every page scanned on the way through.
  await page.goto('/supervise/nominals/new');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Error: What is their name\?/);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link').first()).toBeVisible();
  await scan(page, 'new nominal: name, with the error summary');

  const id = await recordNominal(
    page,
    { given, family, alias: 'Dilly', officer: 'PC Second Demo (PC-DEMO-02)' },
    (what) => scan(page, `new nominal: ${what}`),
  );
  // Their page, saying so.
  await expect(heading(page)).toHaveText(listed(given, family));
  await expect(page.getByRole('status')).toContainText(/recorded/i);
  const main = page.getByRole('main');
  await expect(main).toContainText(id);
  await expect(main).toContainText('PC Second Demo');
  await expect(main).toContainText('Dilly');
  await scan(page, "the new nominal's page");

  // On the cohort, assigned to the officer chosen, and a link to their page.
  await page.goto('/supervise/cohort');
  const row = page.getByRole('row', { name: new RegExp(id) });
  await expect(row).toContainText(listed(given, family));
  await expect(row).toContainText('PC Second Demo');
  await row.getByRole('link', { name: listed(given, family) }).click();
  await expect(page).toHaveURL(new RegExp(`/supervise/nominals/${id}$`));
  await expect(heading(page)).toHaveText(listed(given, family));

  // Then their order and its provisions, shown on their page.
  const reference = `T2026${Date.now().toString().slice(-4)}`;
  await recordOrder(page, id, reference);
  await recordProvisions(page);
  await page.goto(`/supervise/nominals/${id}`);
  await expect(page.getByRole('main')).toContainText(reference);
  for (const s of SUMMARIES) await expect(page.getByRole('main')).toContainText(s);
  // The history: the nominal, the order and each provision recorded by the DS.
  await page.goto(`/supervise/nominals/${id}/history`);
  await expect(page.getByRole('main')).toContainText('Recorded at the desk');
  await expect(page.getByRole('main')).toContainText('DS Demo Supervisor');
});

/** An order's id, from the nominal page's link to add provisions to it. */
async function orderOf(page: Page, nominalId: string): Promise<string> {
  await page.goto(`/supervise/nominals/${nominalId}`);
  const href = await page.getByRole('link', { name: /^Add provisions to order / }).first().getAttribute('href');
  return decodeURIComponent(href!.split('/')[3]);
}

test("every page of keeping a nominal's record passes axe, light and dark, at 320 and 1280 px", async ({ page }) => {
  await signedInSupervisor(page);
  // N-0006 is the demo's: a nominal with an order and provisions.
  const n = 'N-0006';
  for (const [path, title] of [
    ['details', /./],
    ['risk', /./],
    ['plan', /./],
    ['custody', /./],
    ['history', /./],
    ['orders/new', /^Which court made the order\?/],
  ] as const) {
    await page.goto(`/supervise/nominals/${n}/${path}`);
    await expect(page).toHaveTitle(title);
    await expect(heading(page)).toBeVisible();
    await expect(heading(page)).not.toHaveText('Page not found');
    await scan(page, path);
  }
  // A form sent back with its problems: a risk review on a day that does not exist.
  await page.goto(`/supervise/nominals/${n}/risk`);
  await page.getByRole('group', { name: 'Date of this review' }).getByLabel('Day').fill('32');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await scan(page, 'risk, with the error summary');
  // Corrected, its check-answers page.
  await fillDate(page, 'Date of this review', day(0));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('main')).toContainText('Reviewed by');
  await scan(page, 'risk, check your answers');

  const order = await orderOf(page, n);
  for (const path of ['provisions/new', 'variations/new']) {
    await page.goto(`/supervise/orders/${encodeURIComponent(order)}/${path}`);
    await expect(heading(page)).toBeVisible();
    await expect(heading(page)).not.toHaveText('Page not found');
    await scan(page, path);
  }
  // The variation's first page sent back with its problems.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await scan(page, 'variations/new, with the error summary');
});

test('the team, a person, the import pages and the export pass axe; so does an officer’s own desk', async ({
  page,
  browser,
}) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/team');
  await expect(heading(page)).toHaveText('Manage the team');
  await scan(page, 'team');
  await page.getByRole('link', { name: 'PC Second Demo' }).click();
  await expect(heading(page)).toHaveText('PC Second Demo');
  await scan(page, 'team person');

  await page.goto('/supervise/cohort/import/csv');
  await expect(heading(page)).toHaveText('Import from spreadsheets');
  await scan(page, 'import from CSV');
  // The preview of what an import would change (checked, never applied here).
  const csv = fileURLToPath(new URL('../../../server/tests/fixtures/csv/nominals.csv', import.meta.url));
  await page.getByLabel('Nominals (nominals.csv)').setInputFiles({
    name: 'nominals.csv',
    mimeType: 'text/csv',
    buffer: readFileSync(csv),
  });
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(heading(page)).toHaveText('Check the import before it is applied');
  await scan(page, 'import preview');

  await page.goto('/supervise/cohort/export');
  await expect(heading(page)).toHaveText("Export your unit's cohort");
  await scan(page, 'export');

  // An offender manager at their own desk: their nominals.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const desk = await context.newPage();
  await authenticator(desk);
  await desk.goto('/supervise/register');
  await desk.getByLabel('One-time code').fill(cli('enrol', 'PC-DEMO-02', '--passkey'));
  await desk.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(heading(desk)).toHaveText('Your nominals');
  await desk.goto('/supervise/mine');
  await expect(heading(desk)).toHaveText('Your nominals');
  await expect(desk.getByRole('main')).toContainText('COLBECK');
  await scan(desk, "an officer's desk");
  await context.close();
});
