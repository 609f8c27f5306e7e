// Two phones and the team server (target/release/scpo-server --demo, see
// playwright.sync.config.ts): enrolment, a breach recorded offline reaching the server once back
// online, a reassigned nominal followed by both phones, a revoked phone wiping itself, an
// officer never seeing another officer's nominals, and the DS's decision on a breach reaching
// the officer's phone.
import { expect, test, type Page } from '@playwright/test';
import { Taps, breachToRecommendation, INTELLIGENCE, reportIdOf } from '../breach-support';
import { axeViolations } from '../axe';
import { cli, newestDevice } from '../server-support';
import { PASSCODE } from '../support';
import { recordDecision, signedInSupervisor } from '../supervise/support';
import { enrol, nominalLink, phone } from './phone';



// PC-DEMO-01 holds N-0001..N-0004, PC-DEMO-02 N-0005..N-0008.
const ONE = [/^ASHDALE/, /^MARROWBY/, /^PELLOW/, /^GREAVE/];
const TWO = [/^COLBECK/, /^BLACKMORE-VEY/, /^OARSBY/, /^QUARRIE/];

/** Audit rows of breach reports PC-DEMO-01's phones created. */
function breachesFromPhoneOne(): string[] {
  return cli('audit', '--since', '2000-01-01')
    .split('\n')
    .filter((l) => l.includes(',PC-DEMO-01,') && l.includes(',created,breach_report,'));
}

/** In-app navigation (a reload would lock the app). */
async function go(page: Page, where: 'Cohort' | 'Device') {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: where }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    where === 'Cohort' ? 'Cohort' : 'Device and data',
  );
}

/** "Sync now" on the Device page; waits for the new line of the transmission log. */
async function syncNow(page: Page) {
  await go(page, 'Device');
  const log = page.locator('#sync-log li');
  const before = await log.count();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(log).toHaveCount(before + 1);
  await expect(log.first()).toContainText('Sent ');
}

async function cohortShows(page: Page, shown: RegExp[], hidden: RegExp[]) {
  await go(page, 'Cohort');
  for (const n of shown) await expect(nominalLink(page, n)).toBeVisible();
  for (const n of hidden) await expect(nominalLink(page, n)).toHaveCount(0);
}

test('an unenrolled phone makes no call to the server', async ({ page }) => {
  const api: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.url());
  });
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByRole('button', { name: 'Use the demo cohort' }).click();
  await expect(page.locator('#sync-line')).toHaveText(
    'Not enrolled: records are kept on this phone and can be exported',
  );
  await go(page, 'Device');
  await expect(page.getByRole('button', { name: 'Enrol this phone' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  expect(api).toEqual([]);
});

test('a wrong enrolment code is refused with the server’s words', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the enrolment code');
  await page.getByLabel('Enrolment code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not valid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No cohort on this phone yet');
});

test('two phones follow the team server', async ({ browser }) => {
  const one = await phone(browser);
  const two = await phone(browser);
  await enrol(one.page, 'PC-DEMO-01');
  await enrol(two.page, 'PC-DEMO-02');
  // Each officer sees their own nominals only.
  await cohortShows(one.page, ONE, TWO);
  await cohortShows(two.page, TWO, ONE);

  // Phone one records a breach with no signal: it waits on the phone.
  const p1 = one.page;
  await one.context.setOffline(true);
  await nominalLink(p1, /^GREAVE/).click();
  const taps = new Taps();
  await breachToRecommendation(p1, taps, INTELLIGENCE.suggests);
  await p1.getByRole('button', { name: 'Submit report' }).click();
  await expect(p1.getByRole('heading', { level: 1 })).toHaveText('Breach report submitted');
  await go(p1, 'Device');
  await expect(p1.locator('#outbox-list')).toContainText('Waiting Breach report about N-0004');
  await expect(p1.locator('#sync-counts')).toContainText('Waiting1');
  // Retiring the phone now would lose it, and the page says so.
  const lost = p1.locator('.warning-text');
  await expect(lost).toContainText(
    '1 record made on this phone has not reached the team or been exported and will be lost.',
  );
  expect(breachesFromPhoneOne()).toEqual([]);

  // Back online: it reaches the server, and only then turns green.
  await one.context.setOffline(false);
  await expect(p1.locator('#outbox-list')).toContainText('Acknowledged Breach report about N-0004', {
    timeout: 20_000,
  });
  await expect(lost).not.toContainText('will be lost');
  const created = breachesFromPhoneOne();
  expect(created).toHaveLength(1);
  expect(created[0]).toContain('N-0004');
  await expect(p1.locator('#sync-log li').first()).toContainText('Sent 1, accepted 1, rejected 0');

  // The server reassigns Tamsin Greave to PC-DEMO-02: both phones follow.
  cli('assign', 'N-0004', 'PC-DEMO-02');
  // Phone one, not yet told, logs a contact about her: the server rejects it, and says why.
  await go(p1, 'Cohort');
  await nominalLink(p1, /^GREAVE/).click();
  await p1.getByRole('link', { name: 'Log a contact' }).click();
  await p1.getByRole('button', { name: 'Save contact' }).click();
  await go(p1, 'Device');
  await expect(p1.locator('#outbox-list li').filter({ hasText: 'Contact about N-0004' })).toContainText(
    /^Rejected Contact about N-0004.*Reason: This nominal is not assigned to you/,
  );
  await expect(p1.locator('#sync-counts')).toContainText('Rejected1');
  await syncNow(two.page);
  await cohortShows(two.page, [...TWO, /^GREAVE/], ONE.slice(0, 3));
  // Phone two also receives phone one's breach report about her.
  await nominalLink(two.page, /^GREAVE/).click();
  await expect(two.page.getByRole('main')).toContainText(/Breach/);
  await syncNow(p1);
  await cohortShows(p1, ONE.slice(0, 3), [/^GREAVE/, ...TWO]);
  // Her records left phone one with her, but the rejection stays for the officer to see.
  await go(p1, 'Device');
  await expect(p1.locator('#outbox-list')).toContainText('Reason: This nominal is not assigned to you');
  await expect(p1.locator('#outbox-list')).not.toContainText('Breach report about N-0004');

  // Phone one is revoked: its next call wipes it, and the officer is told.
  cli('revoke', newestDevice('PC-DEMO-01'));
  await go(p1, 'Device');
  await p1.getByRole('button', { name: 'Sync now' }).click();
  await expect(p1.getByText('This phone has been revoked by your team. Everything on it has been deleted.')).toBeVisible();
  const rows = await p1.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, ko) => {
      const r = indexedDB.open('scpo-field');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names);
    const counts = await Promise.all(
      names.map(
        (n) =>
          new Promise<number>((ok) => {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => ok(c.result);
          }),
      ),
    );
    db.close();
    return counts.reduce((a, b) => a + b, 0);
  });
  expect(rows).toBe(0);
  await p1.reload();
  await expect(p1.getByRole('heading', { level: 1 })).toHaveText('Set a passcode for this phone');

  // Phone two carries on, and a sync in the background leaves the screen alone: a contact
  // being typed when Osric Pellow arrives keeps every word.
  const p2 = two.page;
  await go(p2, 'Cohort');
  await nominalLink(p2, /^COLBECK/).click();
  await p2.getByRole('link', { name: 'Log a contact' }).click();
  const notes = p2.locator('#contact-notes');
  await notes.fill('Typed while a sync ran');
  cli('assign', 'N-0003', 'PC-DEMO-02');
  await two.context.setOffline(true);
  await two.context.setOffline(false);
  await expect
    .poll(() =>
      cli('audit', '--since', '2000-01-01')
        .split('\n')
        .some((l) => l.includes(',PC-DEMO-02,') && l.includes(',consulted,nominal,N-0003,')),
    )
    .toBe(true);
  await p2.waitForTimeout(500);
  await expect(notes).toHaveValue('Typed while a sync ran');
  await expect(p2.getByRole('heading', { level: 1 })).toHaveText('Log a contact');
  await cohortShows(p2, [...TWO, /^GREAVE/, /^PELLOW/], ONE.slice(0, 2));
  await one.context.close();
  await two.context.close();
});

test('the sync screens pass an accessibility scan, in dark mode at 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const scan = async (screen: string) => {
    expect(await axeViolations(page), screen).toEqual([]);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${screen}: nothing scrolls sideways`).toBeLessThanOrEqual(320);
  };
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await expect(page.getByLabel('Enrolment code')).toBeVisible();
  await scan('welcome, with the enrolment form');
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await scan('enrolment code missing');
  await page.getByLabel('Enrolment code').fill(cli('enrol', 'PC-DEMO-03'));
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.locator('#sync-line')).toContainText('Last synced');
  await scan('cohort, synced');

  // A contact logged is sent at once and acknowledged.
  await nominalLink(page, /^DUNMERE/).click();
  await page.getByRole('link', { name: 'Log a contact' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await go(page, 'Device');
  await expect(page.locator('#outbox-list')).toContainText('Acknowledged Contact about N-0011');
  await expect(page.locator('#enrolled-for')).toHaveText(/^Enrolled for .*\(PC-DEMO-03\)\.$/);
  const button = await page.getByRole('button', { name: 'Sync now' }).boundingBox();
  expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
  await scan('device, enrolled, with records and the log');

  cli('revoke', newestDevice('PC-DEMO-03'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This phone has been revoked');
  await scan('revoked');
});

test('the DS decides on a breach at the desk and the decision reaches the officer’s phone', async ({ browser }) => {
  const one = await phone(browser);
  const p = one.page;
  await enrol(p, 'PC-DEMO-01');
  await nominalLink(p, /^ASHDALE/).click();
  await breachToRecommendation(p, new Taps(), INTELLIGENCE.none);
  await p.getByRole('button', { name: 'Submit report' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Breach report submitted');
  const reference = (await p.locator('.panel__reference').textContent())?.trim() ?? '';
  // A reference to say aloud: the officer's initials, the kind, the year, a running number.
  expect(reference).toMatch(/^DO\/BR\/\d{4}\/\d+$/);
  const reportId = reportIdOf(p.url());
  await go(p, 'Device');
  await expect(p.locator('#outbox-list')).toContainText('Acknowledged Breach report about N-0001', {
    timeout: 20_000,
  });

  // At the desk (passkeys need a host name: localhost, not 127.0.0.1).
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  await ds.goto('/supervise/breaches');
  // Listed by its reference, opened by its id (another phone of the same officer may have
  // given the same number offline: each link still opens its own report).
  await ds.locator(`a[href="/supervise/breaches/${reportId}"]`).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText(`Breach report ${reference}`);
  const agree = ds.getByRole('radio', { name: /^Agree with the officer: / });
  const level = ((await ds.locator('label[for="agrees"]').textContent()) ?? '').replace('Agree with the officer: ', '');
  await agree.check();
  await recordDecision(ds, {
    information: 'The officer’s report and what was seen.',
    assessment: 'First breach; no intelligence of a return to crime.',
    powers: 's.25 Serious Crime Act 2007; caution needs an admission.',
    options: 'Caution, or investigate and charge.',
    action: 'Agreed: interview under caution this week.',
  });
  await desk.close();

  // The phone's next sync brings it to the nominal's history.
  await syncNow(p);
  await go(p, 'Cohort');
  await nominalLink(p, /^ASHDALE/).click();
  const entry = p.locator('.timeline__item').filter({ hasText: 'Breach decision by DS Demo Supervisor' });
  await expect(entry.getByRole('heading')).toHaveText(`Breach decision by DS Demo Supervisor: ${level} (agreed)`);
  await expect(entry).toContainText('Agreed: interview under caution this week.');
  await one.context.close();
});
