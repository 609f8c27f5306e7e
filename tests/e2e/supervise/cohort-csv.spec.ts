// A unit starting from spreadsheets: the DS downloads the three CSV templates, uploads them
// filled with 20 invented nominals (server/tests/fixtures/csv), sees what would be added and
// imports; then a re-import that leaves an address out is shown field by field, the address
// called out as emptied, before it is applied; and the cohort is exported, as a disclosure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { signedInSupervisor } from './support';

const fixtures = fileURLToPath(new URL('../../../server/tests/fixtures/csv/', import.meta.url));
const filled = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');
const FILES = [
  ['Nominals (nominals.csv)', 'nominals.csv'],
  ['Orders (orders.csv)', 'orders.csv'],
  ['Provisions (provisions.csv)', 'provisions.csv'],
] as const;

test.describe.configure({ mode: 'serial' });

async function download(page: Page, link: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function upload(page: Page, label: string, name: string, text: string) {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('a DS starts the unit from the CSV templates filled with 20 invented nominals', async ({ page }) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/cohort/import');
  await page.getByRole('link', { name: 'Import nominals, orders and provisions from CSV files' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import from spreadsheets');
  await expect(page.getByRole('main')).toContainText('Dates as 24/11/2026 or 2026-11-24');
  expect(await axeViolations(page)).toEqual([]);

  // Each template: the header row the filled files keep, and one example line.
  for (const [label, name] of FILES) {
    const template = await download(page, `${label.split(' ')[0]} template (${name})`);
    expect(template.name).toBe(name);
    const lines = template.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(filled(name).split(/\r?\n/)[0]);
  }

  // Nothing chosen: said, nothing imported.
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one CSV file');

  for (const [label, name] of FILES) await upload(page, label, name, filled(name));
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import before it is applied');
  const added = page.locator('.summary-list__row', { hasText: 'Nominals new to your unit' });
  await expect(added).toContainText('20');
  await expect(added).toContainText('FICTITIOUS, Ashby');
  await expect(added).toContainText('CONTRIVEL, Tamsin');
  // 20 nominals, 20 orders, 40 provisions, 10 contact plans.
  await expect(page.locator('.summary-list__row', { hasText: 'Records to add' })).toContainText('90');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort imported');
  await expect(page.locator('.panel__body')).toHaveText('90 records added, 0 changed, 0 unchanged');

  await page.getByRole('link', { name: 'Go to the cohort' }).click();
  const row = page.getByRole('row', { name: /N-0101/ });
  await expect(row).toContainText('Ashby');
  await expect(row).toContainText('PC Demo Officer');
});

test('a re-import that empties an address is shown as such before it is applied', async ({ page }) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/cohort/import/csv');
  const address = '10 Example Road, Testtown, TE1 0AA';
  const without = filled('nominals.csv').replace(`"${address}"`, '');
  expect(without).not.toContain(address);
  await upload(page, 'Nominals (nominals.csv)', 'nominals.csv', without);
  await page.getByRole('button', { name: 'Check the files' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import before it is applied');
  await expect(page.locator('.summary-list__row', { hasText: 'Records to change' })).toContainText('1');
  await expect(page.getByRole('main')).toContainText('1 field will be emptied');
  await expect(page.locator('#emptied')).toHaveText('Address of Nominal FICTITIOUS, Ashby (N-0101)');
  const table = page.getByRole('table', { name: 'Nominal FICTITIOUS, Ashby (N-0101)' });
  const field = table.getByRole('row', { name: /Address/ });
  await expect(field).toContainText('Emptied');
  await expect(field).toContainText(address);
  await expect(field).toContainText('(empty)');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.panel__body')).toHaveText('0 records added, 1 changed, 29 unchanged');

  // The export says so too, and is a disclosure in the audit log.
  await page.goto('/supervise/cohort/export');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Export your unit's cohort");
  expect(await axeViolations(page)).toEqual([]);
  const file = await download(page, 'Download the cohort file (cohort.json)');
  expect(file.name).toMatch(/^\d{4}-\d{2}-\d{2}-cohort\.json$/);
  const cohort = JSON.parse(file.text);
  const ashby = cohort.nominals.find((n: { id: string }) => n.id === 'N-0101');
  expect(ashby.address ?? null).toBeNull();
  expect(cohort.nominals.length).toBeGreaterThanOrEqual(32);
  await page.goto('/supervise/audit');
  const log = page.getByRole('main');
  await expect(log).toContainText('cohort_export');
  await expect(log).toContainText('cohort.json');
});
