// Review before a visit: find a nominal by name, alias or order reference, read who they are,
// their contact plan and latest history, and one tap away their order and conditions (wording as
// granted one more tap away) and their full history, offline too; the cohort list and the
// nominal's pages readable at 320 px and in dark mode.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { openNominal, setUpWithDemo, unlock } from './support';

/** The nominals listed on the cohort page. */
function nominals(page: Page) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link') });
}

/** The line under the search box that says how many nominals are shown. */
function count(page: Page) {
  return page.getByRole('main').getByRole('status').filter({ hasText: /nominal/ });
}

function search(page: Page) {
  return page.getByLabel('Search by name, alias or order reference');
}

/** A row of a summary list, by its key. */
function summaryRow(page: Page, key: string) {
  return page.locator('.summary-list__row').filter({ has: page.getByText(key, { exact: true }) });
}

/** From a nominal's page, their order and conditions: one tap. */
async function orderAndConditions(page: Page) {
  await page.getByRole('main').getByRole('link', { name: 'Order and conditions' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Order and conditions');
}

/** An entry of the history, by its title. */
function historyEntry(page: Page, title: string) {
  return page
    .locator('.timeline__item')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`${title}$`) }) });
}

test('find a nominal by name, alias or order reference, and read a condition as granted', async ({ page }) => {
  await setUpWithDemo(page);
  await expect(count(page)).toHaveText(/^\d+ nominals$/);
  const total = parseInt(await count(page).innerText(), 10);
  expect(total).toBeGreaterThan(1);
  await expect(nominals(page)).toHaveCount(total);

  await search(page).fill('marrowby');
  await expect(nominals(page)).toHaveCount(1);
  await expect(nominals(page).first()).toContainText('MARROWBY, Delphine');
  await expect(count(page)).toHaveText(`1 of ${total} nominals`);

  // An alias.
  await search(page).fill('Dee Marrow');
  await expect(nominals(page)).toHaveCount(1);
  await expect(nominals(page).first()).toContainText('MARROWBY, Delphine');

  // The order reference, as read on the nominal page.
  await search(page).fill('');
  await expect(nominals(page)).toHaveCount(total);
  await openNominal(page, 'MARROWBY, Delphine');
  await orderAndConditions(page);
  const reference = (await summaryRow(page, 'Reference').locator('dd').innerText()).trim();
  expect(reference).not.toBe('');
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();
  await page.getByRole('link', { name: 'Back to cohort' }).tap();
  await search(page).fill(reference.toLowerCase());
  await expect(nominals(page)).toHaveCount(1);
  await expect(nominals(page).first()).toContainText('MARROWBY, Delphine');

  // Nothing matches: say so.
  await search(page).fill('no such person');
  await expect(nominals(page)).toHaveCount(0);
  await expect(count(page)).toHaveText('No nominals match “no such person”');
  await expect(page.getByText('Check the spelling')).toBeVisible();

  await search(page).fill('Dee');
  await nominals(page).first().getByRole('link').tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MARROWBY, Delphine');
  await orderAndConditions(page);
  const family = page.getByRole('region', { name: 'Associations and communications' });
  await expect(family.getByRole('heading', { level: 3 })).toBeVisible();
  const phone = family.getByRole('listitem').filter({ hasText: 'One phone only' });
  await expect(phone.getByText('Mirrored in licence')).toBeVisible();
  await expect(phone.getByText('Must tell police within 3 days')).toBeVisible();
  const verbatim = phone.getByText(/^The defendant shall not possess or use more than one mobile telephone/);
  await expect(verbatim).toBeHidden();
  await phone.getByText('Wording as granted').tap(); // one tap
  await expect(verbatim).toBeVisible();
});

test('the nominal page has what to know before a visit', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'MARROWBY, Delphine');
  await expect(summaryRow(page, 'Aliases')).toContainText('Del, Dee Marrow');
  await expect(summaryRow(page, 'Date of birth')).toContainText(/\(age \d+\)/);
  await expect(summaryRow(page, 'Risk')).toContainText(/Very high risk\s*reviewed \d{1,2} \w{3} \d{4}/);
  await expect(summaryRow(page, 'Custody or licence')).toContainText(/On licence until \d{1,2} \w{3} \d{4}/);
  await expect(summaryRow(page, 'Probation contact')).toContainText('07700 900');

  await expect(page.getByRole('heading', { level: 2, name: 'Contact' })).toBeVisible();
  await expect(summaryRow(page, 'Next contact due')).toContainText(/\d{1,2} \w{3} \d{4} \(in \d+ days\)/);
  await expect(summaryRow(page, 'Contact plan')).toContainText('Every 2 weeks (14 days)');
  await expect(summaryRow(page, 'Contact plan')).toContainText('agreed by DS Demo Supervisor');
  await expect(summaryRow(page, 'Last seen')).toContainText('Home visit');

  await expect(page.getByRole('heading', { level: 2, name: 'Latest history' })).toBeVisible();

  // The order, one tap away.
  const more = page.getByRole('navigation', { name: 'More about this nominal' });
  await expect(more).toContainText(/Order and conditions\s*\d+ in force today/);
  await orderAndConditions(page);
  await expect(summaryRow(page, 'Court')).toContainText('Crown Court at Testford');
  await expect(summaryRow(page, 'In force from')).toContainText(/\d{1,2} \w{3} \d{4}/);
  await expect(summaryRow(page, 'Ends')).toContainText(/\d{1,2} \w{3} \d{4}\s*about \d+ years? .*left \(\d+ days\)/);
});

test('the history shows briefings, contacts, notifications and breaches, newest first', async ({ page }) => {
  await setUpWithDemo(page);
  // N-0002: an earlier breach of a mirrored condition.
  await openNominal(page, 'MARROWBY, Delphine');
  const breach = historyEntry(page, 'Breach report');
  await expect(breach).toHaveCount(1);
  await expect(breach).toContainText('One phone only; tell police about any phone or SIM within 3 days.');
  await expect(breach).toContainText('Undeclared second mobile phone found in the kitchen drawer.');
  await expect(breach).toContainText(/Recommended\s*Interview and caution/);
  await expect(breach).toContainText(/Chosen\s*Interview and caution/);
  await expect(breach).toContainText(/Reported\s*\d{1,2} \w{3} \d{4}, \d\d:\d\d by PC Demo Officer/);
  await expect(breach).toContainText(/Reference\s*DO\/BR\/\d{4}\/1/);
  const when = await page.locator('.timeline__item time').evaluateAll((ts) =>
    ts.map((t) => t.getAttribute('datetime') ?? ''),
  );
  expect(when.length).toBeGreaterThanOrEqual(3);
  expect([...when].sort().reverse()).toEqual(when);
  // The breach opens its report's page, which is not the confirmation seen on submitting.
  await breach.getByRole('link', { name: 'Breach report', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Breach report');
  // The short reference a person reads aloud (initials, kind, year, number), not the id.
  await expect(page.locator('#report-reference')).toHaveText(/^DO\/BR\/\d{4}\/1$/);
  await expect(page.getByRole('main')).not.toContainText('waiting to be sent');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();
  await expect(historyEntry(page, 'Breach report')).toHaveCount(1);

  // N-0011: a vehicle notified late.
  await page.getByRole('link', { name: 'Back to cohort' }).tap();
  await openNominal(page, 'DUNMERE, Leofric');
  const vehicle = historyEntry(page, 'Vehicle used');
  await expect(vehicle).toContainText('Notification');
  await expect(vehicle.getByText('Late by 2 days')).toBeVisible();
  await expect(vehicle).toContainText('Grey hatchback, registration ZZ11 ZZZ');
  await expect(vehicle).toContainText(/Police told\s*\d{1,2} \w{3} \d{4}/);
  await expect(vehicle).toContainText(/Last day to tell police\s*\d{1,2} \w{3} \d{4}/);
  await expect(vehicle).toContainText('Tell police about any vehicle used within 3 days.');

  // N-0005: a phone police know of, not yet notified.
  await page.getByRole('link', { name: 'Back to cohort' }).tap();
  await openNominal(page, 'COLBECK, Wystan');
  await expect(historyEntry(page, 'New phone or number')).toContainText(/Not notified: overdue by \d+ days?/);
});

test('the nominal page works offline, after a reload', async ({ page, context }) => {
  await setUpWithDemo(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await openNominal(page, 'GREAVE, Tamsin');
  await context.setOffline(true);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GREAVE, Tamsin');
  await expect(page.locator('.timeline__item').first()).toBeVisible();
  await orderAndConditions(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Conditions' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to GREAVE, Tamsin' }).tap();
  await page.getByRole('main').getByRole('link', { name: 'Full history' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  await expect(page.locator('.timeline__item').first()).toBeVisible();
  await page.getByRole('link', { name: 'Back to GREAVE, Tamsin' }).tap();
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await page.getByRole('button', { name: 'Save contact' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact saved' })).toBeVisible();
  await context.setOffline(false);
});

test('at 320 px wide nothing needs scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await setUpWithDemo(page);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await search(page).fill('nobody at all');
  expect(await fits()).toBe(true);
  await search(page).fill('');
  await openNominal(page, 'MARROWBY, Delphine');
  await orderAndConditions(page);
  await page.getByText('Wording as granted').first().tap();
  expect(await fits()).toBe(true);
  await page.getByRole('link', { name: 'Back to MARROWBY, Delphine' }).tap();
  await page.getByRole('link', { name: 'Log a contact' }).tap();
  await page.getByLabel('Earlier').check();
  expect(await fits()).toBe(true);
  // Day, month and year stay on one line.
  const day = await page.getByLabel('Day').boundingBox();
  const year = await page.getByLabel('Year').boundingBox();
  expect(year!.y).toBe(day!.y);
});

test('the cohort list and the nominal page have no WCAG 2.2 AA violations in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await setUpWithDemo(page);
  expect(await axeViolations(page)).toEqual([]);
  await search(page).fill('nobody at all');
  await expect(count(page)).toContainText('No nominals match');
  expect(await axeViolations(page)).toEqual([]);
  await search(page).fill('');

  // The nominal with the richest history: contacts and a breach report.
  await openNominal(page, 'MARROWBY, Delphine');
  await expect(page.locator('.timeline__item').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await orderAndConditions(page);
  await page.getByText('Wording as granted').first().tap();
  expect(await axeViolations(page)).toEqual([]);

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page)).toEqual([]);
});

test('a provision ended by a court variation is not offered as in force, and the page says why', async ({ page }) => {
  await setUpWithDemo(page);
  // N-0007: a variation 200 days ago lowered the cash limit from £1,000 to £500.
  await openNominal(page, 'OARSBY, Benedikt');
  await orderAndConditions(page);
  await expect(summaryRow(page, 'Variation')).toContainText(
    /From \d{1,2} \w{3} \d{4}\s*Variation \(ss\.17–21\), Crown Court at Testford: Cash limit lowered from £1,000 to £500/,
  );
  const money = page.getByRole('region', { name: 'Financial, property or business dealings' });
  await expect(money.getByRole('listitem')).toHaveCount(1);
  await expect(money).toContainText('No more than £500 in cash outside a declared account.');
  const ended = page.getByRole('region', { name: 'Not in force today' });
  await expect(ended.getByRole('listitem')).toHaveCount(1);
  await expect(ended).toContainText('No more than £1,000 in cash outside a declared account.');
  await expect(ended).toContainText(
    /Not in force today: this provision was ended by a variation \(Crown Court at Testford\) from \d{1,2} \w{3} \d{4}/,
  );
  expect(await axeViolations(page)).toEqual([]);

  // The breach form offers only what is in force today.
  await page.getByRole('link', { name: 'Back to OARSBY, Benedikt' }).tap();
  await page.getByRole('link', { name: 'Report a breach' }).tap();
  await expect(page.getByRole('checkbox', { name: /No more than £500 in cash/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /No more than £1,000 in cash/ })).toHaveCount(0);
});
