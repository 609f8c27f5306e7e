// The unit's outcomes per quarter: a table, and a bar chart drawn by the server as SVG (no
// script), named for assistive technology, with the table as its equivalent.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeViolations } from '../axe';
import { cli } from '../server-support';
import { signedInSupervisor } from './support';

function quarterLabel(d: Date): string {
  const months = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];
  return `${months[Math.floor(d.getMonth() / 3)]} ${d.getFullYear()}`;
}

test('outcomes per quarter as a table and a chart', async ({ page }) => {
  await signedInSupervisor(page);
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outcomes');
  const chart = page.getByRole('img', { name: 'People on orders, breaches and disruptions recorded, per quarter' });
  await expect(chart).toBeVisible();
  expect(await chart.locator('rect').count()).toBe(3 * 8);

  const table = page.getByRole('table', { name: 'Outcomes by quarter' });
  await expect(table.locator('tbody tr')).toHaveCount(8);
  for (const column of ['People on orders', 'Breaches', 'Caution', 'Recall referral', 'Investigate and charge', 'Proactive referral', 'No further action', 'Awaiting decision', 'Disruptions recorded']) {
    await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
  }
  // This quarter is the last line, with the demo's people on orders.
  const now = table.getByRole('row', { name: new RegExp(`^${quarterLabel(new Date())}`) });
  await expect(now).toBeVisible();
  const onOrders = Number(await now.locator('td').first().innerText());
  expect(onOrders).toBeGreaterThan(0);
  await expect(chart).toContainText(quarterLabel(new Date()));
  expect(await axeViolations(page)).toEqual([]);
});

test('the outcomes download as CSV, each download logged as a disclosure', async ({ page }) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/outcomes');
  const figures = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the figures as CSV' }).click();
  const file = await figures;
  expect(file.suggestedFilename()).toMatch(/^outcomes-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await file.path())!, 'utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^Quarter,People on orders,Breaches,/);
  expect(lines).toHaveLength(9);
  expect(lines[8].startsWith(`${quarterLabel(new Date())},`)).toBe(true);

  const breaches = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download the breaches counted/ }).click();
  const text = readFileSync((await (await breaches).path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    "Quarter,Happened on,Report,Nominal ID,Nominal,Officer,Officer's level,Outcome,Decided on,Decided by,Disruption recorded",
  );
  expect(text).toContain(',N-0002,"MARROWBY, Delphine",');
  const today = new Date().toISOString().slice(0, 10);
  const log = cli('audit', '--since', today);
  expect(log).toMatch(/,DS-DEMO-01,,disclosed,outcomes,figures \d{4}-Q\d\.\.\d{4}-Q\d,/);
  expect(log).toMatch(/,DS-DEMO-01,,disclosed,outcomes,breaches \d{4}-Q\d\.\.\d{4}-Q\d,N-0002/);
});
