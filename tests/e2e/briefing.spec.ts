// The release-day briefing: a task list through every condition in force, body-worn video, the
// copy of the order and the probation-is-not-police point, then sign-off. Demo nominal N-0001
// (ASHDALE, Corvin) is released today.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { openNominal, setUpWithDemo, unlock } from './support';

// Each flow goes through every condition of the order: allow for a busy machine.
test.describe.configure({ timeout: 60_000 });

const NOMINAL = 'ASHDALE, Corvin';
const QUESTION = 'Asked whether a work phone counts as a second phone. Told yes, it must be declared.';

/** Taps (clicks, checks) made by a test, to report how long the flow is. */
let taps = 0;
async function tap(action: Promise<unknown>) {
  taps += 1;
  await action;
}

async function startBriefing(page: Page) {
  await setUpWithDemo(page);
  await openNominal(page, NOMINAL);
  await page.getByRole('link', { name: 'Start release-day briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Release-day briefing' })).toBeVisible();
}

/** The task list's rows (list items holding a task link). */
function taskRow(page: Page, name: string | RegExp) {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
}

function saved(page: Page) {
  return expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
}

/** From the task list, open the first condition; returns how many conditions there are. */
async function openFirstCondition(page: Page): Promise<number> {
  const conditions = page.getByRole('main').getByRole('list').first().getByRole('link');
  const total = await conditions.count();
  expect(total).toBeGreaterThan(0);
  await tap(conditions.first().click());
  await expect(page.getByText(`Condition 1 of ${total}`)).toBeVisible();
  return total;
}

/** Go through conditions `from`..=`total` (1-based), ticking both boxes, ending on the next task. */
async function briefConditions(page: Page, from: number, total: number) {
  for (let i = from; i <= total; i++) {
    await expect(page.getByText(`Condition ${i} of ${total}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Wording in the order' })).toBeVisible();
    await tap(page.getByLabel('I explained this condition').check());
    await tap(page.getByLabel('The nominal said they understood it').check());
    await tap(page.getByRole('button', { name: 'Continue' }).click());
  }
}

async function recordVideo(page: Page, reference: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Body-worn video' })).toBeVisible();
  await tap(page.getByLabel('Body-worn video was recording throughout the briefing').check());
  if (reference) await page.getByLabel('Body-worn video reference').fill(reference);
  await tap(page.getByRole('button', { name: 'Continue' }).click());
}

async function recordCopyHandedOver(page: Page) {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Did you hand over a copy of the order?' }),
  ).toBeVisible();
  await tap(page.getByLabel('Yes, I handed over a copy').check());
  await tap(page.getByRole('button', { name: 'Continue' }).click());
}

async function makeProbationPoint(page: Page, confirm = true) {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Telling probation is not telling police' }),
  ).toBeVisible();
  await expect(page.getByText('Telling your probation officer does not count as telling the police')).toBeVisible();
  if (confirm) await tap(page.getByLabel(/I said this and the nominal said they understood/).check());
  await tap(page.getByRole('button', { name: 'Continue' }).click());
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers and sign off' })).toBeVisible();
}

async function signOff(page: Page) {
  await expect(page.getByText('PC Demo Officer')).toBeVisible();
  await tap(page.getByRole('button', { name: 'Sign off briefing' }).click());
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing signed off' })).toBeVisible();
}

test('a release-day briefing completed end to end is signed off and shows on the nominal page', async ({ page }) => {
  await startBriefing(page);
  taps = 1;
  await expect(taskRow(page, 'Body-worn video')).toContainText('Incomplete');
  await expect(page.getByText(/You have completed 0 of \d+ tasks/)).toBeVisible();

  const total = await openFirstCondition(page);
  await page.getByLabel('Any question the nominal raised').fill(QUESTION);
  await briefConditions(page, 1, total);
  await recordVideo(page, 'BWV-TEST-0001');
  await recordCopyHandedOver(page);
  await makeProbationPoint(page);

  // Check answers shows what was recorded.
  await expect(page.getByText(`Question: ${QUESTION}`)).toBeVisible();
  await expect(page.getByText('Recording, reference BWV-TEST-0001')).toBeVisible();
  await expect(page.getByText('Handed over', { exact: true })).toBeVisible();
  await signOff(page);
  console.log(`Briefing of ${total} conditions: ${taps} taps plus typing (start to sign-off)`);

  await page.getByRole('link', { name: `Back to ${NOMINAL}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: NOMINAL })).toBeVisible();
  await expect(page.getByText(/Release-day briefing signed off .* by PC Demo Officer/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start release-day briefing' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Continue briefing' })).toHaveCount(0);
  // And it is on the nominal's timeline (History).
  const entry = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'Release-day briefing' }) });
  await expect(entry).toContainText('Signed off');
  await expect(entry).toContainText('BWV-TEST-0001');

  // It is a record waiting in the outbox, and it survives a reload.
  await page.getByRole('link', { name: 'Device' }).click();
  await expect(page.getByText('1 record is waiting to be sent.')).toBeVisible();
  await page.goto('/nominal/N-0001');
  await unlock(page);
  await expect(page.getByText(/Release-day briefing signed off .* by PC Demo Officer/)).toBeVisible();
  // Opening the briefing again shows it signed off rather than a fresh one.
  await page.goto('/nominal/N-0001/briefing');
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing signed off' })).toBeVisible();
});

test('sign-off is refused with every gap listed, and nothing typed is lost', async ({ page }) => {
  await startBriefing(page);
  const total = await openFirstCondition(page);
  await page.getByLabel('Any question the nominal raised').fill(QUESTION);
  await briefConditions(page, 1, total);
  await recordVideo(page, ''); // recording, but no reference
  await recordCopyHandedOver(page);
  await makeProbationPoint(page, false); // point not confirmed

  await page.getByRole('button', { name: 'Sign off briefing' }).click();
  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toContainText('You cannot sign off yet');
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the body-worn video reference',
    'Confirm the nominal was told that telling probation does not count as telling police',
  ]);
  await expect(summary).toBeFocused();
  // Still on check answers, with everything recorded.
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers and sign off' })).toBeVisible();
  await expect(page.getByText(`Question: ${QUESTION}`)).toBeVisible();
  await expect(page.getByText('Recording, no reference entered')).toBeVisible();

  // The link goes to the task, which shows what is wrong there; the tick is still there.
  await summary.getByRole('link', { name: 'Enter the body-worn video reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Body-worn video' })).toBeVisible();
  await expect(page.locator('#bwv-reference-error')).toContainText('Enter the body-worn video reference');
  await expect(page.getByLabel('Body-worn video was recording throughout the briefing')).toBeChecked();
  await page.getByLabel('Body-worn video reference').fill('BWV-TEST-0002');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click(); // copy of the order: already done
  await expect(page.locator('#probation-point-error')).toBeVisible();
  await page.getByLabel(/I said this and the nominal said they understood/).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByText('Recording, reference BWV-TEST-0002')).toBeVisible();
  await expect(page.getByText(`Question: ${QUESTION}`)).toBeVisible();
  await signOff(page);
});

test('a briefing resumes after a lock and a reload, then finishes', async ({ page }) => {
  await startBriefing(page);
  const total = await openFirstCondition(page);
  expect(total).toBeGreaterThan(2);
  // Condition 1 done; condition 2 explained, with a question typed.
  await briefConditions(page, 1, 1);
  await expect(page.getByText(`Condition 2 of ${total}`)).toBeVisible();
  await page.getByLabel('I explained this condition').check();
  await page.getByLabel('Any question the nominal raised').fill(QUESTION);

  // Locked straight away, before the typing pause has passed: nothing is lost.
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page);
  await expect(page.getByText(`Condition 2 of ${total}`)).toBeVisible();
  await expect(page.getByLabel('Any question the nominal raised')).toHaveValue(QUESTION);

  // And after a reload (the app starts locked).
  await saved(page);
  await page.reload();
  await unlock(page);
  await expect(page.getByText(`Condition 2 of ${total}`)).toBeVisible();
  await expect(page.getByLabel('I explained this condition')).toBeChecked();
  await expect(page.getByLabel('The nominal said they understood it')).not.toBeChecked();
  await expect(page.getByLabel('Any question the nominal raised')).toHaveValue(QUESTION);

  // The task list shows what was done.
  await page.getByRole('link', { name: 'Back to task list' }).click();
  await expect(page.getByText(`You have completed 1 of ${total + 3} tasks.`)).toBeVisible();
  const conditions = page.getByRole('main').getByRole('list').first().getByRole('listitem');
  await expect(conditions.nth(0)).toContainText('Completed');
  await expect(conditions.nth(1)).toContainText('Incomplete');

  // The nominal page offers to continue it.
  await page.getByRole('link', { name: 'Back to nominal' }).click();
  await page.getByRole('link', { name: 'Continue briefing' }).click();
  await conditions.nth(1).getByRole('link').click();
  await expect(page.getByLabel('Any question the nominal raised')).toHaveValue(QUESTION);
  await briefConditions(page, 2, total);
  await recordVideo(page, 'BWV-TEST-0003');
  await recordCopyHandedOver(page);
  await makeProbationPoint(page);
  await expect(page.getByText(`Question: ${QUESTION}`)).toBeVisible();
  await signOff(page);
});

test('no briefing is offered before release', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'BLACKMORE-VEY, Ianthe');
  await expect(page.getByRole('link', { name: 'Log a contact' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start release-day briefing' })).toHaveCount(0);
});

test('the briefing screens have no WCAG 2.2 AA violations', async ({ page }) => {
  await startBriefing(page);
  expect(await axeViolations(page), 'task list').toEqual([]);

  const total = await openFirstCondition(page);
  await page.getByLabel('I explained this condition').check();
  expect(await axeViolations(page), 'condition').toEqual([]);

  await page.getByRole('link', { name: 'Back to task list' }).click();
  await page.getByRole('link', { name: 'Body-worn video' }).click();
  expect(await axeViolations(page), 'body-worn video').toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No, I did not hand over a copy').check();
  await expect(page.getByLabel('Why not?')).toBeVisible();
  expect(await axeViolations(page), 'copy of the order').toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  expect(await axeViolations(page), 'probation point').toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  expect(await axeViolations(page), 'sign-off').toEqual([]);
  await page.getByRole('button', { name: 'Sign off briefing' }).click();
  const gaps = page.getByRole('main').getByRole('alert');
  await expect(gaps).toBeVisible();
  expect(await axeViolations(page), 'sign-off with gaps').toEqual([]);
  // One line per condition still to do, naming it; the half-done one says what is left.
  await expect(gaps.getByRole('link', { name: /^Go through the condition with the nominal: “.+”$/ })).toHaveCount(total - 1);
  await expect(gaps.getByRole('link', { name: /^Confirm the nominal understood the condition: “.+”$/ })).toHaveCount(1);
  await expect(gaps.getByRole('link', { name: 'Confirm body-worn video was recording' })).toBeVisible();
  // A task page marking what is missing.
  await page.getByRole('main').getByRole('alert').getByRole('link', { name: /Enter why a copy/ }).click();
  await expect(page.locator('#copy-reason-error')).toBeVisible();
  expect(await axeViolations(page), 'task with a gap').toEqual([]);
});
