// The first-run page (issue 19, item 23). A phone to try the app offers the demo cohort first.
// A phone about to be enrolled (opened from the enrolment link the supervisor gives) or enrolled
// (its cohort not come yet) offers "Enrol this phone" first, the code from the link filled in,
// and the demo cohort only as a small link under it, marked as invented people. The team
// server's answers are played here by Playwright (no server runs in these tests).
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { PASSCODE } from './support';

const CODE = 'K7Q2-9XHM';

async function setPasscode(page: Page) {
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No cohort on this phone yet');
}

function demo(page: Page) {
  return page.getByRole('button', { name: 'Use the demo cohort' });
}

function enrol(page: Page) {
  return page.getByRole('button', { name: 'Enrol this phone' });
}

/** The vertical position and font size of an element. */
async function placed(page: Page, target: ReturnType<Page['getByRole']>) {
  const box = (await target.boundingBox())!;
  const size = await target.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  return { y: box.y, size };
}

/** Enrol comes first; the demo is a smaller link under it, marked as invented people. */
async function enrolComesFirst(page: Page) {
  await expect(enrol(page)).toBeVisible();
  const e = await placed(page, enrol(page));
  const d = await placed(page, demo(page));
  expect(d.y).toBeGreaterThan(e.y);
  expect(d.size).toBeLessThan(e.size);
  await expect(demo(page)).toHaveClass(/link-button/);
  await expect(demo(page)).not.toHaveClass(/(^|\s)button(\s|$)/);
  await expect(page.locator('#demo-link')).toContainText('invented people');
  expect(await axeViolations(page)).toEqual([]);
}

test('a phone to try the app offers the demo cohort first', async ({ page }) => {
  await page.goto('/');
  await setPasscode(page);
  const d = await placed(page, demo(page));
  const e = await placed(page, enrol(page));
  expect(d.y).toBeLessThan(e.y);
  await expect(demo(page)).toHaveClass(/(^|\s)button(\s|$)/);
  await expect(page.getByRole('main')).toContainText('invented people');
});

test('opened from an enrolment link: enrol first with the code filled in, the demo a small link', async ({ page }) => {
  await page.goto(`/#enrol=${CODE.toLowerCase()}`);
  await setPasscode(page);
  // The code is taken off the address bar (and so out of the history).
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByLabel('Enrolment code')).toHaveValue(CODE);
  await enrolComesFirst(page);
  // The demo is still there for whoever wants it.
  await demo(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohort');
});

test('an enrolled phone whose cohort has not come yet: enrol section first, the demo a small link', async ({ page }) => {
  const officer = { id: 'PC-TEST-01', name: 'PC Test Officer' };
  await page.route('**/api/enrol', (r) =>
    r.fulfill({ json: { device_id: 'D-TEST-1', credential: 'not-a-real-credential', officer } }),
  );
  // No signal to the team server after enrolling: the cohort does not come.
  await page.route('**/api/sync/**', (r) => r.abort('internetdisconnected'));
  await page.goto('/');
  await setPasscode(page);
  await page.getByLabel('Enrolment code').fill(CODE);
  await enrol(page).click();
  await expect(page.locator('#enrolled-for')).toHaveText('Enrolled for PC Test Officer (PC-TEST-01).');
  const sync = await placed(page, page.getByRole('button', { name: 'Sync now' }));
  const d = await placed(page, demo(page));
  expect(d.y).toBeGreaterThan(sync.y);
  await expect(demo(page)).toHaveClass(/link-button/);
  await expect(page.locator('#demo-link')).toContainText('invented people');
  expect(await axeViolations(page)).toEqual([]);
});
