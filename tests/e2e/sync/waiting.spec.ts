// The phone tells the team server how many outbox records it holds not yet acknowledged
// (`waiting=N` on each push and pull, server/PROTOCOL.md), for the supervisor's Devices page: a
// record made offline is counted on the push that carries it, and none is left once it is in.
import { expect, test } from '@playwright/test';
import { enrol, nominalLink, phone } from './phone';

test('each push and pull says how many records are waiting on the phone', async ({ browser }) => {
  const { context, page } = await phone(browser);
  const calls: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/sync/')) calls.push(`${url.pathname}?${url.searchParams.get('waiting')}`);
  });
  await enrol(page, 'PC-DEMO-03');
  const dunmere = nominalLink(page, /^DUNMERE/);
  await expect(dunmere).toBeVisible();
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
