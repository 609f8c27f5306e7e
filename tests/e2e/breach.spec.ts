// Reporting a breach: one question per page, check answers, the recommendation with every
// reason, an officer's override, the draft kept across a reload and a lock, and the print view.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import {
  breachToRecommendation,
  continueButton,
  heading,
  INTELLIGENCE,
  PHONE_CONDITION,
  PHONE_CONDITION_VERBATIM,
  reasons,
  Taps,
} from './breach-support';
import { openNominal, setUpWithDemo, unlock } from './support';

async function submit(page: Page, taps: Taps) {
  await taps.tap(page.getByRole('button', { name: 'Submit report' }), 'Submit report');
  await expect(heading(page)).toHaveText('Breach report submitted');
}

test('a simple first breach without intelligence: interview and caution, in eight taps or fewer', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  const taps = new Taps();
  await breachToRecommendation(page, taps, INTELLIGENCE.none);

  await expect(page.getByRole('radio', { name: 'Interview and caution (recommended)' })).toBeChecked();
  const why = reasons(page);
  await expect(why.getByRole('listitem')).toHaveText([
    'No intelligence of a return to criminality.',
    'Recall is not open: this is the first breach under this order.',
    'Not asked yet whether the nominal admits the breach: a caution needs an admission and informed consent; without an admission, investigate and charge (s.25).',
  ]);
  await submit(page, taps);

  console.log(`Taps for a simple breach (nominal page to confirmation): ${taps.count} [${taps.log.join(', ')}]`);
  expect(taps.count).toBeLessThanOrEqual(8);
  await expect(page.getByRole('main')).toContainText('Interview and caution');
  // The reference to read to custody: the officer's initials, BR, the year, the next number
  // (the demo already holds DO/BR/…/1 for another nominal).
  await expect(page.locator('.panel__reference')).toHaveText(/^DO\/BR\/\d{4}\/\d+$/);

  // The report is a record now: the draft is gone, so no breach awaits a decision.
  await page.getByRole('link', { name: /^Back to GREAVE/ }).click();
  await expect(heading(page)).toContainText('GREAVE');
  await page.getByRole('link', { name: 'Back to cohort' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'GREAVE' });
  await expect(row).not.toContainText('Breach awaiting decision');
});

test('a second breach of a mirrored condition while on licence: request to HMPPS to recall', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'MARROWBY');
  const taps = new Taps();
  await breachToRecommendation(page, taps, INTELLIGENCE.none);

  await expect(
    page.getByRole('radio', { name: 'Request to HMPPS to recall (recommended)' }),
  ).toBeChecked();
  await expect(reasons(page).getByRole('listitem')).toHaveText([
    'The licence was in force on the day of the breach and still is today.',
    'The breached condition is mirrored in the licence, so this is also a licence breach.',
    /^There have been breaches on 2 occasions under this order \(earlier: \d{1,2} \w{3} \d{4}\)\.$/,
    'Probation decides on recall (standard or fixed-term); the police information feeds the recall report (Part A).',
  ]);
  await expect(page.getByRole('main')).toContainText('Breaches on earlier occasions under this order1');
  await submit(page, taps);
  expect(taps.count).toBeLessThanOrEqual(8);
});

test('intelligence that supports a return to serious crime: proactive referral', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'QUARRIE');
  const taps = new Taps();
  await breachToRecommendation(page, taps, INTELLIGENCE.supports);

  await expect(page.getByRole('radio', { name: 'Proactive referral (recommended)' })).toBeChecked();
  const why = reasons(page);
  await expect(why).toContainText('Intelligence supports a return to serious crime.');
  await expect(why).toContainText(
    'The order gives an opportunity to disrupt organised crime: the proactive team decides on an operation.',
  );
  await submit(page, taps);
});

test('choosing another level needs a reason; both the recommendation and the choice are kept', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'SAXBY');
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.suggests);
  await expect(page.getByRole('radio', { name: 'Interview and caution (recommended)' })).toBeChecked();
  await expect(reasons(page)).toContainText('Recall is not open: the licence ended on ');

  await page.getByRole('radio', { name: 'Proactive referral' }).check();
  const why = page.getByLabel('Why are you choosing a different level?');
  await expect(why).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // No reason: an error summary, and nothing is lost.
  await page.getByRole('button', { name: 'Submit report' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter why you chose a different enforcement level');
  await expect(heading(page)).toHaveText('Recommendation');
  await expect(page.getByRole('radio', { name: 'Proactive referral' })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await summary.getByRole('link', { name: 'Enter why you chose a different enforcement level' }).click();

  const reason = 'The researcher reports new associates from the original network this week.';
  await why.fill(reason);
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  const main = page.getByRole('main');
  await expect(main).toContainText('RecommendedInterview and caution');
  await expect(main).toContainText('ChosenProactive referral');
  await expect(main).toContainText(reason);

  await page.getByRole('link', { name: 'View and print the report' }).click();
  await expect(heading(page)).toHaveText('Breach of a Serious Crime Prevention Order');
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('Level chosenProactive referral');
  await expect(decision).toContainText(reason);
  await expect(page.getByRole('region', { name: 'Recommendation' })).toContainText('Interview and caution');
});

test('the report is a draft: it survives a reload and a lock, and the cohort shows it awaits a decision', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await page.getByRole('link', { name: 'Report a breach' }).click();
  await page.getByRole('checkbox', { name: PHONE_CONDITION }).check();
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await page.getByLabel('Where did it happen?').fill('Outside the gym on Example Row');
  await page.getByLabel('What was seen?').fill('Seen using a phone that is not the declared one.');
  // Saved as the officer types (half a second after the last key).
  await expect(page.getByRole('status').filter({ hasText: /^(Saving…|Draft saved)/ })).toHaveText(
    /^Draft saved on this phone at \d\d:\d\d:\d\d$/,
  );
  const url = page.url();

  await page.reload();
  await unlock(page);
  await expect(page).toHaveURL(url);
  await expect(heading(page)).toHaveText('What happened?');
  await expect(page.getByLabel('Where did it happen?')).toHaveValue('Outside the gym on Example Row');
  await expect(page.getByLabel('What was seen?')).toHaveValue(
    'Seen using a phone that is not the declared one.',
  );

  // Back to the first question, when it happened: a problem there keeps everything typed (the
  // date is still missing).
  await page.getByRole('link', { name: /Back$/ }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  await page.getByRole('radio', { name: 'Another date and time' }).check();
  await page.getByLabel('Time', { exact: true }).fill('09:30');
  await continueButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Enter the date it happened',
  );
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('09:30');
  // Saved half a second after the last change.
  await page.waitForTimeout(800);
  await expect(page.getByRole('status').filter({ hasText: /^(Saving…|Draft saved)/ })).toHaveText(
    /^Draft saved on this phone at \d\d:\d\d:\d\d$/,
  );

  // Lock and unlock: still there.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page);
  await expect(page.getByRole('radio', { name: 'Another date and time' })).toBeChecked();
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('09:30');
  await page.getByRole('radio', { name: /^Today, now/ }).check();

  // The cohort list shows a breach awaiting a decision for this nominal.
  await page.getByRole('link', { name: 'Cohort', exact: true }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'GREAVE' });
  await expect(row).toContainText('Breach awaiting decision');

  // Back through "Report a breach": the report in progress is offered, at the first question
  // not yet answered.
  await row.getByRole('link').first().click();
  await page.getByRole('link', { name: 'Report a breach' }).click();
  await expect(page.getByRole('checkbox', { name: PHONE_CONDITION })).toBeChecked();
  await page.getByRole('link', { name: 'Continue where you left off' }).click();
  await expect(heading(page)).toHaveText('What does intelligence say about a return to serious crime?');
  await page.getByRole('link', { name: /Back$/ }).click();
  await expect(page.getByLabel('Where did it happen?')).toHaveValue('Outside the gym on Example Row');
});

test('check answers links back to each question; the print view holds the whole report', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'MARROWBY');
  const seen = 'Second handset in the bedroom drawer; SIM card packet beside it.';
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none, seen);
  await page.getByRole('link', { name: /Back$/ }).click();
  await expect(heading(page)).toHaveText('Check your answers');

  // Change an answer and come straight back to check answers; add a piece of evidence on the way.
  await page.getByRole('link', { name: 'Change what was seen' }).click();
  await expect(heading(page)).toHaveText('What happened?');
  await page.getByText('Add evidence', { exact: true }).click();
  await page.getByLabel('Kind of evidence').selectOption({ label: 'Phone' });
  await page.getByLabel('Description', { exact: true }).fill('Black handset, cracked screen');
  await page.getByLabel('Reference (optional)').fill('EXH-TEST-01');
  await page.getByRole('button', { name: 'Add this evidence' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Black handset, cracked screen' })).toBeVisible();
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.getByRole('main')).toContainText('Black handset, cracked screen (EXH-TEST-01)');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await page.getByRole('link', { name: 'View and print the report' }).click();

  await expect(heading(page)).toHaveText('Breach of a Serious Crime Prevention Order');
  const region = (name: string) => page.getByRole('region', { name });
  const who = region('Who');
  await expect(who).toContainText('MARROWBY, Delphine');
  await expect(who).toContainText(/Date of birth\d{1,2} \w{3,4} \d{4}/);
  await expect(who).toContainText('N-0002');
  const order = region('The order');
  await expect(order).toContainText('Crown Court at Testford');
  await expect(order).toContainText(/ReferenceT2\d{7}/);
  await expect(order).toContainText(/In force from\d{1,2} \w{3,4} \d{4}/);
  await expect(order).toContainText(/Ends\d{1,2} \w{3,4} \d{4}/);
  const conditions = region('Conditions breached');
  await expect(conditions).toContainText(PHONE_CONDITION_VERBATIM);
  await expect(conditions).toContainText('Mirrored in licence');
  const facts = region('What happened');
  await expect(facts).toContainText('Home address, 12 Example Row, Testford');
  await expect(facts).toContainText(seen);
  await expect(region('Evidence')).toContainText('Phone: Black handset, cracked screen. Reference: EXH-TEST-01.');
  await expect(region('Intelligence')).toContainText('No intelligence of a return to crime');
  const rec = region('Recommendation');
  await expect(rec).toContainText('Request to HMPPS to recall');
  await expect(rec).toContainText('There have been breaches on 2 occasions under this order');
  await expect(region('Decision')).toContainText('None: the recommendation was accepted');
  const officer = region('Officer and times');
  await expect(officer).toContainText('PC Demo Officer (PC-DEMO-01)');
  await expect(officer).toContainText('Occurred');
  await expect(officer).toContainText('Recorded');
  expect(await axeViolations(page)).toEqual([]);

  // "Print" opens the browser's print dialogue; the printed page has no app chrome.
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => {
      (window as any).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(heading(page)).toBeVisible();
});

test('every breach report screen passes an accessibility scan, in dark mode at 320 px wide', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await setUpWithDemo(page);
  await openNominal(page, 'QUARRIE');
  const scan = async (screen: string) => {
    const violations = await axeViolations(page);
    expect(violations, screen).toEqual([]);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${screen}: nothing scrolls sideways`).toBeLessThanOrEqual(320);
  };
  await page.getByRole('link', { name: 'Report a breach' }).click();
  await expect(heading(page)).toHaveText('Which conditions were breached?');
  await scan('conditions');
  await continueButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await scan('conditions with an error');
  await page.getByRole('checkbox', { name: PHONE_CONDITION }).check();
  await page.getByRole('radio', { name: 'Another date and time' }).check();
  await continueButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await scan('conditions with another date and time, not yet entered');
  await page.getByRole('radio', { name: /^Today, now/ }).check();
  await page.getByRole('checkbox', { name: PHONE_CONDITION }).check();
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await scan('what happened');
  await page.getByText('Add evidence', { exact: true }).click();
  await continueButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await scan('what happened with errors and evidence open');
  await page.getByLabel('Where did it happen?').fill('Home address');
  await page.getByLabel('What was seen?').fill('Encrypted handset seen on the sofa.');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What does intelligence say about a return to serious crime?');
  await scan('intelligence');
  await page.getByRole('button', { name: INTELLIGENCE.suggests }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await scan('check answers');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Recommendation');
  await scan('recommendation');
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await scan('confirmation');
  await page.getByRole('link', { name: 'View and print the report' }).click();
  await scan('print view');
});

test('a nominal who does not admit the breach: investigate and charge (s.25) is recommended, and recall is refused once the licence has ended', async ({
  page,
}) => {
  await setUpWithDemo(page);
  // SAXBY's licence ended long ago.
  await openNominal(page, 'SAXBY');
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none, undefined, async (p) => {
    // "Not asked yet" is the answer until the officer gives another.
    await expect(p.getByRole('radio', { name: 'Not asked yet' })).toBeChecked();
    await p.getByRole('radio', { name: 'No, does not admit it' }).check();
  });
  await expect(page.getByRole('radio', { name: 'Investigate and charge (s.25) (recommended)' })).toBeChecked();
  await expect(reasons(page)).toContainText(
    'The nominal does not admit the breach: a caution needs an admission, so investigate and charge (s.25).',
  );
  await expect(reasons(page)).toContainText('Recall is not open: the licence ended on ');

  // Recall cannot be chosen: the licence cannot be revoked.
  await page.getByRole('radio', { name: 'Request to HMPPS to recall' }).check();
  await page.getByLabel('Why are you choosing a different level?').fill('Probation asked for it.');
  await page.getByRole('button', { name: 'Submit report' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText(/The licence ended on \d{1,2} \w{3} \d{4}: recall is not possible/);
  await expect(heading(page)).toHaveText('Recommendation');
  expect(await axeViolations(page)).toEqual([]);

  // Charge, as recommended, is submitted.
  await page.getByRole('radio', { name: 'Investigate and charge (s.25) (recommended)' }).check();
  await submit(page, new Taps());
  await expect(page.getByRole('main')).toContainText('Investigate and charge (s.25)');
});
