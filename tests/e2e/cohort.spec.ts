// The officer's first two screens: the cohort list and one nominal's conditions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { setUpWithCohortFile, setUpWithDemo, unlock } from './support';

// RiskRating and ProvisionFamily labels in src/domain.
const RISK_RATING = /(Very high|High|Medium|Low) risk/;
const FAMILIES = [
  'Financial, property or business dealings',
  'Working arrangements',
  'Associations and communications',
  'Premises',
  'Use of items',
  'Travel',
  'Notification requirements',
  'Other',
];

/** The nominals listed on the cohort page: list items in <main> that hold a link. */
function nominals(page: Page) {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link') });
}

test('the cohort lists nominals with their risk rating and next contact due', async ({ page }) => {
  await setUpWithDemo(page);

  const items = nominals(page);
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    await expect(items.nth(i)).toContainText(RISK_RATING);
    await expect(items.nth(i)).toContainText('Next contact due');
  }
});

test('a nominal’s conditions, grouped by family, are one tap from their page', async ({ page }) => {
  await setUpWithDemo(page);
  const first = nominals(page).first().getByRole('link').first();
  const linkText = await first.innerText();
  await first.click();

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).not.toHaveText('Cohort');
  const name = (await heading.innerText()).trim();
  expect(name).not.toBe('');
  expect(linkText).toContain(name);
  await expect(page).toHaveURL(/\/nominal\/[^/]+$/);
  await page.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
  await expect(page).toHaveURL(/\/nominal\/[^/]+\/conditions$/);

  const familyHeadings = page.getByRole('heading', {
    level: 3,
    name: new RegExp(`^(${FAMILIES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`),
  });
  await expect(familyHeadings.first()).toBeVisible();
  const families = await familyHeadings.allInnerTexts();
  // Grouped: each family has one heading.
  expect(new Set(families).size).toBe(families.length);

  // A deep link (or a reload) to the nominal's pages works too, after unlocking.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Order and conditions');
  await page.getByRole('link', { name: `Back to ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('the cohort and nominal pages have no WCAG 2.2 AA violations', async ({ page }) => {
  await setUpWithDemo(page);
  expect(await axeViolations(page)).toEqual([]);

  await nominals(page).first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Cohort');
  expect(await axeViolations(page)).toEqual([]);
});

test('a large cohort is shown fifty at a time, and the search looks through all of it', async ({ page }) => {
  // 120 synthetic nominals (examples/synthetic_cohort.rs, built by `scripts/test.sh build`).
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scpo-e2e-')), 'cohort-120.json');
  writeFileSync(file, execFileSync(path.join(repo, 'target/release/examples/synthetic_cohort'), ['120']));

  await setUpWithCohortFile(page, file);

  const items = nominals(page);
  await expect(page.getByRole('status').filter({ hasText: 'nominals' })).toHaveText('120 nominals');
  await expect(items).toHaveCount(50);
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(items).toHaveCount(100);
  await page.getByRole('button', { name: 'Show 20 more' }).click();
  await expect(items).toHaveCount(120);
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);

  // A new search starts again at the first window; a match beyond the first fifty is found.
  const search = page.getByLabel('Search by name, alias or order reference');
  await search.fill('-0117');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('-0117');
  await search.fill('');
  await expect(items).toHaveCount(50);
  expect(await axeViolations(page)).toEqual([]);
});
