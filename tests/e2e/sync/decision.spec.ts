// The DS's decision on the phone (issue 19, item 22): before it arrives the breach report's page
// says there is none yet; once the DS decides on a recall at the desk and the phone syncs, the
// report's page shows the decision, its rationale and who decided, and says a recall referral
// is to be made, and the cohort list badges the nominal "Recall decided: make the referral".
// (PC-DEMO-02 and QUARRIE: the two-phone test counts PC-DEMO-01's breach reports.)
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { breachToRecommendation, heading, INTELLIGENCE, Taps, submitReport } from '../breach-support';
import { recordDecision, signedInSupervisor } from '../supervise/support';
import { enrol, nominalLink, phone } from './phone';

async function go(page: Page, where: 'Cohort' | 'Device') {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: where }).click();
  await expect(heading(page)).toHaveText(where === 'Cohort' ? 'Cohort' : 'Device and data');
}

test('a recall decided at the desk shows on the report page and badges the nominal until the referral is made', async ({
  browser,
}) => {
  const { context, page: p } = await phone(browser);
  await enrol(p, 'PC-DEMO-02');
  const row = p.locator('.cohort-list__item').filter({ has: p.getByRole('link', { name: /^QUARRIE/ }) });
  await expect(row).not.toContainText('Recall decided');
  await nominalLink(p, /^QUARRIE/).click();
  await breachToRecommendation(p, new Taps(), INTELLIGENCE.none);
  const { reference, reportId } = await submitReport(p);
  await expect(p.getByRole('heading', { name: "DS's decision" })).toBeVisible();
  await expect(p.getByRole('main')).toContainText('None on this phone yet.');
  await go(p, 'Device');
  await expect(p.locator('#outbox-list')).toContainText('Acknowledged Breach report about', { timeout: 20_000 });

  // At the desk: a recall, whatever the officer chose.
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  await ds.goto(`/supervise/breaches/${encodeURIComponent(reportId)}`);
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText(`Breach report ${reference}`);
  const officerChose = ((await ds.locator('label[for="agrees"]').textContent()) ?? '').replace('Agree with the officer: ', '');
  if (officerChose === 'Request to HMPPS to recall') {
    await ds.getByRole('radio', { name: /^Agree with the officer: / }).check();
  } else {
    await ds.getByRole('radio', { name: 'Decide otherwise' }).check();
    await ds.getByRole('radio', { name: 'Request to HMPPS to recall' }).check();
  }
  await recordDecision(ds, {
    information: 'The officer’s report and what was seen.',
    assessment: 'On licence; a second phone again.',
    powers: 'Licence conditions; recall policy.',
    options: 'Caution, or a request to recall.',
    action: 'Request recall: refer to probation today.',
  });
  await desk.close();

  // The phone's next sync: the badge on the cohort list, the decision on the report's page.
  await go(p, 'Device');
  const log = p.locator('#sync-log li');
  const before = await log.count();
  await p.getByRole('button', { name: 'Sync now' }).click();
  await expect(log).toHaveCount(before + 1);
  await go(p, 'Cohort');
  await expect(row.locator('.tag', { hasText: 'Recall decided: make the referral' })).toBeVisible();
  await expect(row.locator('.tag--red', { hasText: 'Recall decided: make the referral' })).toBeVisible();
  expect(await axeViolations(p)).toEqual([]);
  await nominalLink(p, /^QUARRIE/).click();
  await p.getByRole('link', { name: /^Breach decision by DS Demo Supervisor/ }).first().click();
  await expect(heading(p)).toHaveText('Breach report');
  await expect(p.locator('#report-reference')).toHaveText(reference);
  const main = p.getByRole('main');
  await expect(main).toContainText(/DecisionRequest to HMPPS to recall \((agreed|the officer chose: .+)\)/);
  await expect(main).toContainText('Decision and rationaleRequest recall: refer to probation today.');
  await expect(main).toContainText(/Decided\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} by DS Demo Supervisor/);
  await expect(p.locator('#ds-decision-to-do')).toHaveText('The DS decided on a recall: make the recall referral.');
  await expect(p.getByRole('link', { name: 'Make the recall referral' })).toBeVisible();
  expect(await axeViolations(p)).toEqual([]);
  await context.close();
});
