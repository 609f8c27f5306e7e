// The recall referral to probation: from a breach report whose standing level is request to
// recall, offline, through every page (a missing answer shows the error summary; a reload keeps
// the answers, which are a draft), check answers
// with what the records give, make it, see it on the nominal's history, print the police
// information for Part A at A4 (the material not for disclosure on a later page), and update the
// status. Every new screen is scanned by axe (light and dark) at 320 px wide.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import {
  breachToRecommendation,
  continueButton,
  heading,
  INTELLIGENCE,
  PHONE_CONDITION_VERBATIM,
  Taps,
} from './breach-support';
import { openNominal, setUpWithDemo, unlock } from './support';

const WIDTH = 320;
const WITHHELD = 'An informant says he keeps a third phone at his sister’s flat.';

/** axe-clean in both schemes, and nothing wider than the screen. */
async function screenIsFine(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

function summaryValue(page: Page, key: string) {
  return page.locator('.summary-list__row').filter({ hasText: key }).locator('.summary-list__value');
}

test('offline: a recall referral made through every page, printed at A4 and its status updated', async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: WIDTH, height: 640 });
  await setUpWithDemo(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await context.setOffline(true);
  try {
    await page.reload();
    await unlock(page);
    // MARROWBY's second breach of a mirrored condition on licence: request to recall.
    await openNominal(page, 'MARROWBY');
    await breachToRecommendation(page, new Taps(), INTELLIGENCE.none);
    await expect(page.getByRole('radio', { name: 'Request to HMPPS to recall (recommended)' })).toBeChecked();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(heading(page)).toHaveText('Breach report submitted');
    await page.getByRole('link', { name: 'Make the recall referral' }).click();
    const flowUrl = page.url();

    // (a) Custody and arrest issues: nothing answered shows every problem in the summary.
    await expect(heading(page)).toHaveText('Custody and arrest issues');
    await screenIsFine(page);
    await continueButton(page).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary.getByRole('link')).toHaveText([
      'Select whether the person is in custody now',
      'Enter the arrest issues, or "None known"',
    ]);
    await expect(page).toHaveTitle(/^Error: /);
    await screenIsFine(page);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel('Arrest issues').fill('A large dog at the address; two children live there.');
    await continueButton(page).click();

    // (b) Addresses and contraband: the last address comes from the nominal's record.
    await expect(heading(page)).toHaveText('Addresses and contraband');
    await expect(page.getByLabel('Last address recorded by police')).toHaveValue('12 Example Row, Testford');
    await page.getByLabel('Other possible addresses (optional)').fill('Flat 3, 40 Example Court, Testford');
    await page.getByLabel('Contraband risk').fill('Known to hide SIM cards in clothing.');
    await screenIsFine(page);
    // Interrupted: the answers are a draft on the phone, back after a reload.
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved on this phone' })).toBeVisible();
    await page.reload();
    await unlock(page);
    await expect(heading(page)).toHaveText('Addresses and contraband');
    await expect(page.getByLabel('Contraband risk')).toHaveValue('Known to hide SIM cards in clothing.');
    await expect(page.getByLabel('Other possible addresses (optional)')).toHaveValue('Flat 3, 40 Example Court, Testford');
    await continueButton(page).click();

    // (c) New charges: a charge excludes a fixed-term recall, and its details are asked for.
    await expect(heading(page)).toHaveText('New charges');
    await expect(page.getByRole('group', { name: 'Has the person been charged with an offence?' })).toContainText(
      'A new charge excludes a fixed-term recall',
    );
    await page.getByRole('radio', { name: 'Yes' }).check();
    await continueButton(page).click();
    await expect(page.getByRole('alert').getByRole('link')).toHaveText(['Enter the offence charged and when']);
    await page.getByLabel('The offence charged and when').fill('Possession of a prohibited article, charged on 28 Nov 2026.');
    await screenIsFine(page);
    await continueButton(page).click();

    // (d) Contacts: the officer as police contact; the probation contact from the record.
    await expect(heading(page)).toHaveText('Contacts');
    await expect(page.getByLabel('Police contact’s name')).toHaveValue('PC Demo Officer');
    await expect(page.getByRole('main')).toContainText('Probation Practitioner 2, 07700 900502, probation.practitioner2@example.org');
    await page.getByLabel('Police contact’s email address').fill('not an address');
    await page.getByLabel('Police contact’s phone number').fill('07700 900999');
    await continueButton(page).click();
    await expect(page.getByRole('alert').getByRole('link')).toHaveText([
      'Enter an email address in the correct format, like name@example.org',
    ]);
    await page.getByLabel('Police contact’s email address').fill('pc.demo@police.example');
    await screenIsFine(page);
    await continueButton(page).click();

    // (e) Material not for disclosure: a page of its own, marked.
    await expect(heading(page)).toHaveText('Material not for disclosure');
    await expect(page.getByRole('main')).toContainText('Part A is disclosed to the person.');
    await page.getByLabel('Material not for disclosure (optional)').fill(WITHHELD);
    await screenIsFine(page);
    await continueButton(page).click();

    // Check answers: what was typed, and what the records give.
    await expect(heading(page)).toHaveText('Check your answers before making the referral');
    await expect(summaryValue(page, 'Is the person in custody now?')).toHaveText('No');
    await expect(summaryValue(page, 'Has the person been charged')).toContainText('A new charge excludes a fixed-term recall.');
    await expect(summaryValue(page, 'Provisions breached, word for word')).toContainText(PHONE_CONDITION_VERBATIM);
    await expect(summaryValue(page, 'Provisions breached, word for word')).toContainText('Mirrored in the licence');
    await expect(summaryValue(page, 'Circumstances, with dates')).toContainText(
      /^On \d{1,2} \w{3} \d{4} at Home address.*: A second mobile phone on the kitchen table/,
    );
    await expect(summaryValue(page, 'Earlier breaches and what was done')).toContainText(
      'Undeclared second mobile phone found in the kitchen drawer.',
    );
    await expect(summaryValue(page, 'Probation contact')).toContainText('Probation Practitioner 2');
    await expect(summaryValue(page, 'Material not for disclosure')).toHaveText(WITHHELD);
    await screenIsFine(page);
    // Change an answer: back to its page, then straight back here.
    await page.getByRole('link', { name: 'Change contraband risk' }).click();
    await expect(heading(page)).toHaveText('Addresses and contraband');
    await page.getByLabel('Contraband risk').fill('Known to hide SIM cards in clothing and shoes.');
    await continueButton(page).click();
    await expect(heading(page)).toHaveText('Check your answers before making the referral');
    await expect(summaryValue(page, 'Contraband risk')).toHaveText('Known to hide SIM cards in clothing and shoes.');

    await page.getByRole('button', { name: 'Make the referral' }).click();
    await expect(heading(page)).toHaveText('Recall referral to probation');
    await expect(page.locator('#referral-status')).toHaveText('Made: not sent yet');
    await expect(summaryValue(page, 'Made')).toHaveText(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d by PC Demo Officer$/);
    await screenIsFine(page);
    const referralUrl = page.url();

    // On the nominal's history (never the part not for disclosure), and listed on the page.
    await page.getByRole('link', { name: /Back to MARROWBY/ }).click();
    const history = page.locator('.timeline');
    await expect(history).toContainText('Recall referral to probation');
    await expect(history).not.toContainText(WITHHELD);
    await history.getByRole('link', { name: 'Recall referral to probation', exact: true }).click();
    expect(page.url()).toBe(referralUrl);
    await page.getByRole('link', { name: /Back to MARROWBY/ }).click();
    await page.getByRole('link', { name: /^Referral of \d{1,2} \w{3} \d{4}: Made: not sent yet$/ }).click();
    expect(page.url()).toBe(referralUrl);

    // The police information for Part A, at A4; the part not for disclosure on a later page.
    await page.getByRole('link', { name: 'View and print the police information for Part A' }).click();
    await expect(heading(page)).toHaveText('Police information for the recall report (Part A)');
    await expect(page.getByRole('region', { name: 'SCPO provisions breached, word for word' })).toContainText(
      PHONE_CONDITION_VERBATIM,
    );
    await expect(page.getByRole('region', { name: 'Addresses known to police and contraband' })).toContainText(
      'Flat 3, 40 Example Court, Testford',
    );
    const withheld = page.getByRole('region', { name: 'NOT FOR DISCLOSURE' });
    await expect(withheld).toContainText('Do not copy into Part A');
    await expect(withheld).toContainText(WITHHELD);
    await expect(page.getByRole('region', { name: 'Contacts' })).toContainText(
      /Referral made\d{1,2} \w{3} \d{4}, \d\d:\d\d/,
    );
    await screenIsFine(page);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.pack__section')].map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks).toEqual(['auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'page']);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: WIDTH, height: 640 });

    // Update the status: a missing answer, then recall decided today.
    await page.getByRole('link', { name: 'Back to the referral' }).click();
    await page.getByRole('button', { name: 'Save the status' }).click();
    await expect(page.getByRole('alert').getByRole('link')).toHaveText([
      'Select where the referral stands',
      'Enter the date',
    ]);
    // GOV.UK's place for the summary: the top of the page, before the heading, and focused.
    await expect(page.getByRole('alert')).toBeFocused();
    expect(
      await page.evaluate(() => {
        const alert = document.querySelector('main [role="alert"]');
        const h1 = document.querySelector('main h1');
        return !!alert && !!h1 && !!(alert.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);
    await screenIsFine(page);
    const today = await page.evaluate(() => {
      const t = new Date();
      return { d: String(t.getDate()), m: String(t.getMonth() + 1), y: String(t.getFullYear()) };
    });
    const shown = await page.evaluate(() =>
      new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).replace('Sept', 'Sep'),
    );
    await page.getByRole('radio', { name: 'Recall decided' }).check();
    await page.getByLabel('Day').fill(today.d);
    await page.getByLabel('Month').fill(today.m);
    await page.getByLabel('Year').fill(today.y);
    await page.getByRole('button', { name: 'Save the status' }).click();
    await expect(page.locator('#referral-status')).toHaveText('Recall decided');
    const statuses = page.getByRole('list', { name: 'Status history' }).getByRole('listitem');
    await expect(statuses).toHaveCount(2);
    await expect(statuses.nth(0)).toContainText('Referral made on');
    await expect(statuses.nth(1)).toContainText(`Recall decided on ${shown} (recorded`);
    await screenIsFine(page);
    // The update is kept: after a reload (still offline) it is there.
    await page.reload();
    await unlock(page);
    await expect(page.locator('#referral-status')).toHaveText('Recall decided');
    // One breach report, one referral: the flow's address now refuses, and says why.
    await page.goto(flowUrl);
    await unlock(page);
    await expect(heading(page)).toHaveText('A recall referral cannot be made on this report');
    await expect(page.getByRole('main')).toContainText(
      'A recall referral was already made for this breach report on',
    );
  } finally {
    await context.setOffline(false);
  }
});

test('no referral on a report whose level is not request to recall', async ({ page }) => {
  await setUpWithDemo(page);
  // The demo breach is a first breach: not request to recall.
  await page.goto('/nominal/N-0002/breaches/BR-0002-1/print');
  await unlock(page);
  await expect(heading(page)).toHaveText('Breach of a Serious Crime Prevention Order');
  await expect(page.getByRole('link', { name: 'Make the recall referral' })).toHaveCount(0);
  await page.goto('/nominal/N-0002/breaches/BR-0002-1/referral');
  await unlock(page);
  await expect(heading(page)).toHaveText('A recall referral cannot be made on this report');
  await expect(page.getByRole('main')).toContainText('A recall referral can be made only when the enforcement level is');
});

/** From the nominal page: a breach that calls for recall, submitted, and its referral's
 * questions answered up to the Contacts page. */
async function referralToContacts(page: Page, seen: string) {
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none, seen);
  await expect(page.getByRole('radio', { name: 'Request to HMPPS to recall (recommended)' })).toBeChecked();
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await page.getByRole('link', { name: 'Make the recall referral' }).click();
  await expect(heading(page)).toHaveText('Custody and arrest issues');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByLabel('Arrest issues').fill('None known');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Addresses and contraband');
  await page.getByLabel('Contraband risk').fill('None known');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('New charges');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Contacts');
}

test('the officer’s own email and phone are remembered, encrypted, for the next referral', async ({ page }) => {
  test.setTimeout(180_000);
  const EMAIL = 'pc.demo.remembered@police.example';
  const PHONE = '07700 900417';
  await setUpWithDemo(page);
  await openNominal(page, 'MARROWBY');
  await referralToContacts(page, 'A second mobile phone on the kitchen table.');
  // The first referral: nothing remembered yet.
  await expect(page.getByLabel('Police contact’s name')).toHaveValue('PC Demo Officer');
  await expect(page.getByLabel('Police contact’s email address')).toHaveValue('');
  await expect(page.getByLabel('Police contact’s phone number')).toHaveValue('');
  await page.getByLabel('Police contact’s email address').fill(EMAIL);
  await page.getByLabel('Police contact’s phone number').fill(PHONE);
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Material not for disclosure');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Make the referral' }).click();
  await expect(heading(page)).toHaveText('Recall referral to probation');

  // Kept encrypted: in no localStorage value, and in no IndexedDB row in clear.
  const found = await page.evaluate(
    async ([email, phone]) => {
      const local = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n');
      const db: IDBDatabase = await new Promise((ok, no) => {
        const r = indexedDB.open('scpo-field');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const text = (v: unknown): string =>
        v instanceof Uint8Array || v instanceof ArrayBuffer
          ? new TextDecoder('utf-8', { fatal: false }).decode(v)
          : JSON.stringify(v, (_k, x) => (x instanceof Uint8Array || x instanceof ArrayBuffer ? text(x) : x));
      const rows: string[] = [];
      for (const name of [...db.objectStoreNames]) {
        const all: unknown[] = await new Promise((ok) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => ok(r.result);
        });
        rows.push(...all.map((row) => `${name}: ${text(row)}`));
      }
      db.close();
      const inClear = rows.filter((r) => r.includes(email) || r.includes(phone));
      return {
        local: local.includes(email) || local.includes(phone),
        inClear,
        kept: rows.some((r) => r.startsWith('meta: ') && r.includes('"id":"officer_contact"')),
      };
    },
    [EMAIL, PHONE],
  );
  expect(found).toEqual({ local: false, inClear: [], kept: true });

  // After a reload (the key gone from memory, then the passcode again), the next referral.
  await page.reload();
  await unlock(page);
  await page.getByRole('link', { name: /Back to MARROWBY/ }).click();
  await expect(heading(page)).toHaveText('MARROWBY, Delphine');
  await referralToContacts(page, 'A third mobile phone, in the car.');
  await expect(page.getByLabel('Police contact’s name')).toHaveValue('PC Demo Officer');
  await expect(page.getByLabel('Police contact’s email address')).toHaveValue(EMAIL);
  await expect(page.getByLabel('Police contact’s phone number')).toHaveValue(PHONE);
  expect(await axeViolations(page)).toEqual([]);
});
