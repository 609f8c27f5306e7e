// Steps shared by the breach report and notification tests, driven the way an officer would:
// by visible labels and roles.
import { expect, type Locator, type Page } from '@playwright/test';

/** Counts the taps a test makes (typing into fields is not a tap). */
export class Taps {
  count = 0;
  readonly log: string[] = [];

  async tap(target: Locator, what: string) {
    this.count += 1;
    this.log.push(what);
    await target.click();
  }
}

export const INTELLIGENCE = {
  none: /^No intelligence of a return to crime/,
  suggests: /^Intelligence suggests a return to serious crime/,
  supports: /^Intelligence supports a return to serious crime/,
};

/** The demo's "one phone only" condition: every demo nominal has it. */
export const PHONE_CONDITION = /^One phone only; tell police about any phone or SIM within 3 days\./;
export const PHONE_CONDITION_VERBATIM =
  'The defendant shall not possess or use more than one mobile telephone or SIM card, and shall notify the police officer in charge of the number and handset identity of any mobile telephone within 3 days of acquiring it.';

export function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

export function continueButton(page: Page) {
  return page.getByRole('button', { name: 'Continue', exact: true });
}

/**
 * A simple breach from the nominal page to the recommendation page: today now, the phone
 * condition, at the home address, what was seen typed, the intelligence answer given. Every tap is
 * counted in `taps`.
 */
export async function breachToRecommendation(
  page: Page,
  taps: Taps,
  intelligence: RegExp,
  seen = 'A second mobile phone on the kitchen table; the nominal said it was a friend’s.',
  onWhatHappened: (page: Page) => Promise<void> = async () => {},
) {
  await taps.tap(page.getByRole('link', { name: 'Report a breach' }), 'Report a breach');
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  // Asked first: "Today, now" is the answer unless the officer says otherwise.
  await expect(page.getByRole('radio', { name: /^Today, now/ })).toBeChecked();
  await taps.tap(page.getByRole('checkbox', { name: PHONE_CONDITION }), 'condition');
  await taps.tap(continueButton(page), 'Continue');

  await expect(heading(page)).toHaveText('What happened?');
  await taps.tap(page.getByRole('button', { name: 'Home address' }), 'Home address');
  await expect(page.getByLabel('Where did it happen?')).toHaveValue(/^Home address/);
  await page.getByLabel('What was seen?').fill(seen);
  await onWhatHappened(page);
  await taps.tap(continueButton(page), 'Continue');

  await expect(heading(page)).toHaveText(
    'What does intelligence say about a return to serious crime?',
  );
  await taps.tap(page.getByRole('button', { name: intelligence }), 'intelligence');

  await expect(heading(page)).toHaveText('Check your answers');
  await taps.tap(continueButton(page), 'Continue');
  await expect(heading(page)).toHaveText('Recommendation');
}

/** The reasons listed under the recommendation. */
export function reasons(page: Page) {
  return page.getByRole('list', { name: 'Reasons for the recommendation' });
}

/** A date `days` from today on the phone's clock, as a date input takes it (yyyy-mm-dd). */
export async function isoDay(page: Page, days: number): Promise<string> {
  return page.evaluate((d) => {
    const t = new Date();
    t.setDate(t.getDate() + d);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  }, days);
}

/** The id (the UUID sync and addresses use) of the report whose page the phone shows. */
export function reportIdOf(url: string): string {
  const m = /\/breaches\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!m) throw new Error(`not a breach report page: ${url}`);
  return decodeURIComponent(m[1]);
}

/** Submit the report from the recommendation page: the short reference it shows and its id. */
export async function submitReport(page: Page): Promise<{ reference: string; reportId: string }> {
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  const reference = (await page.locator('.panel__reference').textContent())?.trim() ?? '';
  expect(reference).not.toBe('');
  return { reference, reportId: reportIdOf(page.url()) };
}
