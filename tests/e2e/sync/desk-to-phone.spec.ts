// From the desk to the officer's phone and back (issue 21): the DS adds an offender manager to
// the team and records, through the desk's pages, a new nominal assigned to them, an order and
// its three provisions; the officer's phone, enrolled for them, pulls and shows them. The DS
// varies a provision (reworded, taking effect tomorrow): the phone shows the old wording today
// and the new one from tomorrow (the phone's clock moved on). A contact the officer logs on the
// phone is on the nominal's timeline at the desk a minute later. Every name is invented.
import { expect, test, type Page } from '@playwright/test';
import { cli } from '../server-support';
import { PASSCODE } from '../support';
import { day, heading, inWords, londonMinute, recordNominal, recordOrder, recordProvisions, SUMMARIES } from '../supervise/keeping';
import { signedInSupervisor } from '../supervise/support';
import { nominalLink, phone } from './phone';

const OLD_WORDING =
  'The defendant shall notify the police officer in charge of the registration number of any motor vehicle used by the defendant within 3 days of first use.';
const NEW_WORDING =
  'The defendant shall notify the police officer in charge of the registration number of any motor vehicle used by the defendant within 2 days of first use.';
const NEW_SUMMARY = 'Tell police about any vehicle used within 2 days.';

/** In-app navigation on the phone (a reload would lock the app). */
async function go(page: Page, where: 'Cohort' | 'Device') {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: where }).click();
  await expect(heading(page)).toHaveText(where === 'Cohort' ? 'Cohort' : 'Device and data');
}

async function syncNow(page: Page) {
  await go(page, 'Device');
  const log = page.locator('#sync-log li');
  const before = await log.count();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(log).toHaveCount(before + 1);
}

/** The phone's "Order and conditions" page of the nominal listed as `family`. */
async function conditions(page: Page, family: string) {
  await go(page, 'Cohort');
  await nominalLink(page, new RegExp(`^${family.toUpperCase()}`)).click();
  await page.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
  await expect(heading(page)).toHaveText('Order and conditions');
}

/** The DS adds an offender manager to the team; returns their officer ID. */
async function addOfficer(ds: Page, name: string): Promise<string> {
  await ds.goto('/supervise/team/new');
  await ds.getByLabel('Name').fill(name);
  await ds.getByLabel('Offender manager').check();
  await ds.getByRole('button', { name: 'Add to the team' }).click();
  await expect(heading(ds)).toHaveText(name);
  const id = (await ds.locator('.summary-list__row', { hasText: 'Officer ID' }).locator('dd').textContent())!.trim();
  expect(id).toMatch(/^PC-DEMO-\d\d$/);
  return id;
}

test('what the DS records at the desk reaches the phone, a variation from its day, and a contact comes back', async ({
  browser,
}) => {
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  const officerName = 'PC Sync Example';
  const officer = await addOfficer(ds, officerName);
  // A family name of this officer's own (specs share one database), in letters.
  const family = `Deskward-${officer.slice(-2).replace(/\d/g, (c) => 'abcdefghij'[Number(c)])}`;
  const id = await recordNominal(ds, { given: 'Perpetua', family, alias: 'Pet', officer: `${officerName} (${officer})` });
  const reference = `T2026${officer.slice(-2)}77`;
  await recordOrder(ds, id, reference);
  await recordProvisions(ds);

  // The officer's phone, its clock faked from the first load so it can be moved on later.
  const one = await phone(browser);
  const p = one.page;
  await p.clock.install({ time: new Date() });
  await p.goto('/');
  await p.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await p.getByLabel('Confirm passcode').fill(PASSCODE);
  await p.getByRole('button', { name: 'Set passcode' }).click();
  await p.getByLabel('Enrolment code').fill(cli('enrol', officer));
  await p.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(heading(p)).toHaveText('Cohort');
  await expect(nominalLink(p, new RegExp(`^${family.toUpperCase()}, Perpetua`))).toBeVisible();
  await nominalLink(p, new RegExp(`^${family.toUpperCase()}`)).click();
  await expect(heading(p)).toContainText(`${family.toUpperCase()}, Perpetua`);
  await expect(p.getByRole('main')).toContainText('High');
  await p.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
  const main = p.getByRole('main');
  await expect(main).toContainText(reference);
  await expect(main).toContainText('Crown Court at Exampleton');
  for (const s of SUMMARIES) await expect(main.locator('li.condition', { hasText: s })).toHaveCount(1);
  await expect(p.locator('li.condition', { hasText: SUMMARIES[2] }).locator('.condition__verbatim')).toHaveText(OLD_WORDING);

  // The officer logs a contact on the phone; it reaches the server.
  await go(p, 'Cohort');
  await nominalLink(p, new RegExp(`^${family.toUpperCase()}`)).click();
  await p.getByRole('link', { name: 'Log a contact' }).click();
  const notes = `Seen at home by ${officerName}; nothing of concern (${officer}).`;
  await p.locator('#contact-notes').fill(notes);
  const loggedAt = await p.evaluate(() => Date.now());
  await p.getByRole('button', { name: 'Save contact' }).click();
  await go(p, 'Device');
  await expect(p.locator('#outbox-list')).toContainText(`Acknowledged Contact about ${id}`, { timeout: 20_000 });

  // A minute later at the desk: on the nominal's timeline, with its time.
  await ds.goto(`/supervise/nominals/${id}`);
  const entry = ds.locator('.timeline__item', { hasText: notes });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Home visit');
  // To the minute the phone logged it (or the next, had the minute turned while saving).
  const at = await entry.locator('time').getAttribute('datetime');
  expect([londonMinute(loggedAt), londonMinute(loggedAt + 60_000)]).toContain(at);

  // The DS varies the vehicle provision: reworded, taking effect tomorrow.
  await ds.getByRole('link', { name: `Record a variation of order ${reference}` }).click();
  await expect(heading(ds)).toHaveText('What did the court decide?');
  await ds.getByLabel('Varied the order (ss.17–21)').check();
  await ds.getByLabel('Court', { exact: true }).fill('Crown Court at Exampleton');
  const tomorrow = day(1);
  for (const [legend, date] of [
    ['Date made', day(0)],
    ['Date it takes effect', tomorrow],
  ] as const) {
    const group = ds.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(date[0]);
    await group.getByLabel('Month').fill(date[1]);
    await group.getByLabel('Year').fill(date[2]);
  }
  await ds.getByLabel('What the court decided').fill('The vehicle notification is shortened to 2 days.');
  await ds.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(ds)).toHaveText('Which provisions does it change?');
  await ds
    .locator('.form-group', { has: ds.getByRole('heading', { name: SUMMARIES[2] }) })
    .getByLabel('The court reworded this provision')
    .check();
  await ds.getByLabel('How many new provisions does it add?').fill('0');
  await ds.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(ds)).toHaveText('The new wording, exactly as the order gives it');
  await ds.getByLabel('Wording, exactly as the order gives it').fill(NEW_WORDING);
  await ds.getByLabel('Notification requirements', { exact: true }).check();
  await ds.getByLabel('Plain-English summary').fill(NEW_SUMMARY);
  await ds.getByRole('group', { name: 'Is it mirrored in the licence?' }).getByLabel('No', { exact: true }).check();
  await ds.getByLabel('Within a number of days after the event').check();
  await ds.getByLabel('What must be notified').selectOption({ label: 'Vehicle used' });
  await ds.getByRole('textbox', { name: 'Number of days' }).fill('2');
  await ds.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(ds)).toHaveText('Check the change before recording it');
  await expect(ds.getByRole('main')).toContainText(`In force from ${inWords(tomorrow)}`);
  await ds.getByRole('button', { name: 'Record the change' }).click();
  await expect(heading(ds)).toHaveText('Change recorded');
  await desk.close();

  // The phone's next sync: today, the old wording is in force and the new one is not yet.
  await syncNow(p);
  await conditions(p, family);
  const inForce = p.getByRole('region', { name: 'Notification requirements' });
  const notInForce = p.getByRole('region', { name: 'Not in force today' });
  await expect(p.getByRole('main')).toContainText(`From ${inWords(tomorrow)}`);
  await expect(inForce.locator('.condition__verbatim')).toHaveText([OLD_WORDING]);
  await expect(notInForce.locator('li.condition', { hasText: NEW_SUMMARY }).locator('.condition__verbatim')).toHaveText(
    NEW_WORDING,
  );

  // Tomorrow on the phone's clock (01:00 UTC: one or two hours past midnight in London): the
  // app locked itself in the night; unlocked, the new wording is in force and the old one no
  // longer.
  const now = await p.evaluate(() => Date.now());
  const [d, m, y] = tomorrow;
  const oneAm = Date.parse(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T01:00:00Z`);
  await p.clock.fastForward(oneAm - now);
  await expect(p.getByRole('heading', { level: 1, name: 'Enter your passcode' })).toBeVisible();
  await p.getByLabel('Passcode').fill(PASSCODE);
  await p.getByRole('button', { name: 'Unlock' }).click();
  await conditions(p, family);
  await expect(inForce.locator('.condition__verbatim')).toHaveText([NEW_WORDING]);
  await expect(inForce).toContainText(NEW_SUMMARY);
  await expect(notInForce.locator('li.condition', { hasText: SUMMARIES[2] }).locator('.condition__verbatim')).toHaveText(
    OLD_WORDING,
  );
  await one.context.close();
});
