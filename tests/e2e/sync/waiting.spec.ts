// The phone tells the team server how many outbox records it holds not yet acknowledged
// (`waiting=N` on each push and pull, server/PROTOCOL.md), for the supervisor's Devices page: a
// record made offline is counted on the push that carries it, and none is left once it is in.
import { expect, test, type Page } from '@playwright/test';
import { cli } from '../server-support';
import { PASSCODE } from '../support';

async function enrol(page: Page, officer: string) {
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByLabel('Enrolment code').fill(cli('enrol', officer));
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
}

test('each push and pull says how many records are waiting on the phone', async ({ browser }) => {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: use.locale,
    timezoneId: use.timezoneId,
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const calls: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/sync/')) calls.push(`${url.pathname}?${url.searchParams.get('waiting')}`);
  });
  await enrol(page, 'PC-DEMO-03');
  // The first pull has brought the cohort (the Cohort heading shows before it lands).
  const dunmere = page.locator('.cohort-list').getByRole('link', { name: /^DUNMERE/ });
  await expect(dunmere).toBeVisible({ timeout: 20_000 });
  expect(calls).toContain('/api/sync/pull?0');

  // A contact logged with no signal waits on the phone; back online, the push that carries it
  // says 1 is waiting, and the pull after it says none is.
  await context.setOffline(true);
  await dunmere.click();
  await page.getByRole('link', { name: 'Log a contact' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  calls.length = 0;
  await context.setOffline(false);
  await expect.poll(() => calls, { timeout: 20_000 }).toContain('/api/sync/push?1');
  await expect.poll(() => calls.slice(calls.indexOf('/api/sync/push?1'))).toContain('/api/sync/pull?0');
  await context.close();
});
