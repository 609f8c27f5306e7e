// The officer's first two screens: the cohort list and one nominal's conditions.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { setUpWithDemo, unlock } from './support';

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

test('a nominal opens on their conditions grouped by family', async ({ page }) => {
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

  const familyHeadings = page.getByRole('heading', {
    level: 3,
    name: new RegExp(`^(${FAMILIES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`),
  });
  await expect(familyHeadings.first()).toBeVisible();
  const families = await familyHeadings.allInnerTexts();
  // Grouped: each family has one heading.
  expect(new Set(families).size).toBe(families.length);

  // A deep link (or a reload) to the nominal's page works too, after unlocking.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('the cohort and nominal pages have no WCAG 2.2 AA violations', async ({ page }) => {
  await setUpWithDemo(page);
  expect(await axeViolations(page)).toEqual([]);

  await nominals(page).first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Cohort');
  expect(await axeViolations(page)).toEqual([]);
});
