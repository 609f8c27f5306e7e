// "Released today?" at the release-day briefing (issue 21): the officer at the gate records the
// release on the phone; the phone shows the order in force at once and the briefing opens; the
// release syncs, the server applies it with the officer as the one who made the change, and the
// desk's nominal page shows the order in force and who recorded the release.
// (PC-DEMO-02 holds BLACKMORE-VEY, in custody with release expected in four days.)
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { signedInSupervisor } from '../supervise/support';
import { enrol, nominalLink, phone } from './phone';

async function go(page: Page, where: 'Cohort' | 'Device') {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: where }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(where === 'Cohort' ? 'Cohort' : 'Device and data');
}

function orderStatus(ds: Page) {
  return ds.locator('.summary-list__row').filter({ has: ds.locator('dt', { hasText: /^Status$/ }) }).first();
}

test('a release recorded on the phone at the briefing puts the order in force, and the desk shows who recorded it', async ({
  browser,
}) => {
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  await ds.goto('/supervise/nominals/N-0006');
  await expect(orderStatus(ds)).toContainText('Granted, not yet live');
  await expect(ds.locator('#release-recorded')).toHaveCount(0);

  const { context, page: p } = await phone(browser);
  await enrol(p, 'PC-DEMO-02');
  await nominalLink(p, /^BLACKMORE-VEY/).click();
  await expect(p.getByRole('link', { name: 'Start release-day briefing' })).toHaveCount(0);
  const asked = p.getByRole('group', { name: 'Released today?' });
  await expect(asked).toBeVisible();
  expect(await axeViolations(p)).toEqual([]);

  // Bad input: told in words, nothing recorded.
  await p.getByRole('button', { name: 'Save and continue' }).click();
  await expect(p.locator('.error-summary')).toContainText('Select yes if they were released today');
  await p.getByLabel('Yes', { exact: true }).check();
  await p.getByRole('button', { name: 'Save and continue' }).click();
  await expect(p.locator('.error-summary')).toContainText("Enter the licence's last day");
  await expect(p.locator('.error-summary')).toContainText("Enter the probation practitioner's name");
  expect(await axeViolations(p)).toEqual([]);

  const nextYear = String(new Date().getFullYear() + 1);
  await p.locator('#licence-ends').fill('23');
  await p.locator('#licence-ends-month').fill('11');
  await p.locator('#licence-ends-year').fill(nextYear);
  await p.getByLabel('Probation practitioner').fill('Probation Practitioner Sample');
  await p.getByRole('button', { name: 'Save and continue' }).click();

  // The phone shows the release at once: the briefing opens.
  await expect(p.getByRole('link', { name: 'Start release-day briefing' })).toBeVisible();
  await expect(asked).toHaveCount(0);

  // It syncs: accepted by the server.
  await go(p, 'Device');
  const log = p.locator('#sync-log li');
  const before = await log.count();
  await p.getByRole('button', { name: 'Sync now' }).click();
  await expect(log).toHaveCount(before + 1);
  await expect(p.locator('#outbox-list')).toContainText('Acknowledged Release', { timeout: 20_000 });

  // The desk: the order in force, and who recorded the release.
  await ds.goto('/supervise/nominals/N-0006');
  await expect(orderStatus(ds)).toContainText('Live');
  await expect(ds.locator('#release-recorded')).toContainText('recorded on the phone by PC Second Demo');
  await expect(ds.getByRole('main')).toContainText(`On licence until 23 Nov ${nextYear}`);
  await ds.goto('/supervise/nominals/N-0006/history');
  await expect(ds.getByRole('main')).toContainText(
    'Released today, recorded on the phone during the release-day briefing',
  );
  await expect(ds.getByRole('main')).toContainText('PC Second Demo');

  // Back on the phone after the sync: still in force, the briefing still open.
  await go(p, 'Cohort');
  await nominalLink(p, /^BLACKMORE-VEY/).click();
  await expect(p.getByRole('link', { name: 'Start release-day briefing' })).toBeVisible();
  await desk.close();
  await context.close();
});
