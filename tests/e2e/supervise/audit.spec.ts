// The s.62 audit log at a desk: filtered by person and nominal, a date range checked, and the
// lines downloaded as CSV, which is itself logged as a disclosure.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { signedInSupervisor } from './support';

test('filter the audit log, see a wrong date range explained, and download the lines as CSV', async ({ page }) => {
  await signedInSupervisor(page);
  // Open a list so the log holds this supervisor's consultations.
  await page.goto('/supervise/lists/briefings-due');
  const nominal = (await page.locator('tbody tr th .hint').first().innerText()).trim();

  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Person').fill('DS-DEMO-01');
  await page.getByLabel('Nominal').fill(nominal);
  await page.getByRole('button', { name: 'Show lines' }).click();
  const lines = page.getByRole('table', { name: /Audit lines/ });
  await expect(lines).toBeVisible();
  const rows = lines.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))) {
    expect(cells[1]).toBe('DS-DEMO-01');
    expect(cells[5]).toBe(nominal);
  }
  await expect(lines).toContainText('consulted');

  // A last day before the first: the problem is named, linked to the field, and nothing shown.
  await page.getByLabel('From').fill('2026-11-24');
  await page.getByLabel('To').fill('2026-11-01');
  await page.getByRole('button', { name: 'Show lines' }).click();
  await expect(page).toHaveTitle(/^Error: Audit log/);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await summary.getByRole('link', { name: 'The last day must be the same as or after the first day' }).click();
  await expect(page.getByLabel('To')).toBeFocused();
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // The filtered lines as CSV.
  await page.getByLabel('From').fill('');
  await page.getByLabel('To').fill('');
  await page.getByRole('button', { name: 'Show lines' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download these lines as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(csv[0]).toBe('seq,at,actor,device,action,record_kind,record_id,nominal');
  expect(csv.length).toBeGreaterThan(1);
  for (const line of csv.slice(1)) {
    expect(line).toContain(',DS-DEMO-01,');
    expect(line.endsWith(`,${nominal}`)).toBe(true);
  }

  // The download is in the log as a disclosure of the audit log.
  await page.reload();
  await expect(lines).toContainText('disclosed');
  await expect(lines).toContainText('audit_log');
});
