// Breach decisions at the desk: the reports awaiting a decision, a report as the officer wrote
// it, the decision form's problems (listed, linked, input kept) and a decision recorded. Every
// page is scanned with axe. The demo's report BR-0002-1 (N-0002) is used; the phone tests may
// already have left other reports, or a decision, in the shared database.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { cli } from '../server-support';
import { signedInSupervisor } from './support';

test('the DS reads a breach report and records a decision on it', async ({ page }) => {
  await signedInSupervisor(page);
  await page.getByRole('navigation', { name: 'Supervision' }).getByRole('link', { name: 'Breaches' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Breach reports');
  await expect(page.getByRole('link', { name: 'Breaches' })).toHaveAttribute('aria-current', 'page');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/supervise/breaches/BR-0002-1');
  // Titled by the reference a person reads; the address keeps the id.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Breach report DO\/BR\/\d{4}\/1$/);
  const main = page.getByRole('main');
  // The report as written: what was seen, the condition word for word, the evidence.
  await expect(main).toContainText('Undeclared second mobile phone found in the kitchen drawer.');
  await expect(main).toContainText('The defendant shall not possess or use more than one mobile telephone');
  await expect(main).toContainText('EXH-DEMO-001');
  await expect(main.getByRole('heading', { name: 'Recommendation' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // Opening it is a consultation of the nominal, in the audit log.
  expect(
    cli('audit', '--since', '2000-01-01')
      .split('\n')
      .some((l) => l.includes(',DS-DEMO-01,') && l.includes(',consulted,nominal,N-0002,')),
  ).toBe(true);

  // A decision recorded already (another spec's) is changed through its link.
  const change = page.getByRole('link', { name: 'Change this decision' });
  if ((await change.count()) > 0) await change.click();
  // Decide otherwise without a level or a rationale: every problem listed, what was typed kept.
  await page.getByRole('radio', { name: 'Decide otherwise' }).check();
  await page.getByLabel('Information').fill('Exhibit EXH-DEMO-001 and the earlier report.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link', { name: 'Select the level you decide on' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your decision and its rationale' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Information')).toHaveValue('Exhibit EXH-DEMO-001 and the earlier report.');
  await expect(page.getByRole('radio', { name: 'Decide otherwise' })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  // Each links to its field.
  await expect(summary.getByRole('link', { name: 'Enter your decision and its rationale' })).toHaveAttribute(
    'href',
    '#action',
  );
  await expect(page.locator('#action')).toHaveAccessibleName('Decision and rationale');

  // Complete it: charge, recorded as a disruption.
  await page.getByRole('radio', { name: 'Investigate and charge (s.25)' }).check();
  await page.getByLabel('Assessment of threat and risk').fill('Second phone again: risk of a return to crime.');
  await page.getByLabel('Powers and policy').fill('s.25 Serious Crime Act 2007.');
  await page.getByLabel('Options considered').fill('Caution barred by the earlier breach; charge.');
  await page.getByLabel('Decision and rationale').fill('Charge for the breach; interview this week.');
  await page.getByRole('checkbox', { name: 'Record this decision as a disruption of organised crime' }).check();
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('status')).toContainText('Decision recorded');
  await expect(main).toContainText('Investigate and charge (s.25) (the officer chose:');
  await expect(main).toContainText('Charge for the breach; interview this week.');
  // The decision stands with a link to change it, not a second blank form under it.
  await expect(page.getByRole('button', { name: 'Record the decision' })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Change this decision' }).click();
  await expect(page.getByRole('heading', { name: 'Change this decision' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the decision' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Keep the decision as it is' }).click();
  await expect(page.getByRole('button', { name: 'Record the decision' })).toHaveCount(0);

  // The report names the nominal and leads to their page.
  await page.getByRole('link', { name: 'MARROWBY, Delphine' }).click();
  await expect(page).toHaveURL(/\/supervise\/nominals\/N-0002$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MARROWBY, Delphine');

  // The list: decided, by the DS.
  await page.goto('/supervise/breaches');
  const decided = page.getByRole('table', { name: 'Decided' });
  const line = decided.getByRole('row').filter({ has: page.locator('a[href="/supervise/breaches/BR-0002-1"]') });
  await expect(line).toContainText('DS Demo Supervisor');
  // The nominal by name, linked to their page.
  await expect(line.getByRole('link', { name: 'MARROWBY, Delphine' })).toHaveAttribute('href', '/supervise/nominals/N-0002');
  expect(await axeViolations(page)).toEqual([]);

  // A report that does not exist: not found.
  const r = await page.goto('/supervise/breaches/BR-does-not-exist');
  expect(r?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Breach report not found');
});

test('signed out, the breach pages send you to sign in', async ({ page }) => {
  await page.goto('/supervise/breaches/BR-0002-1');
  await expect(page).toHaveURL(/\/supervise\/sign-in$/);
});
