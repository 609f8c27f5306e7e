// Photo exhibits: a photo added to a breach report offline, with its SHA-256 (the file's, as
// node:crypto computes it), the place only when asked, kept across a reload, exported only on
// request, withdrawn with a reason and still listed; a photo over the limit refused; an exhibit
// on a contact. The fixture (tests/e2e/fixtures/exhibit.png) is a synthetic 24x16 gradient.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { breachToRecommendation, continueButton, heading, INTELLIGENCE, Taps } from './breach-support';
import { openNominal, setUpWithDemo, unlock } from './support';

const FIXTURE = fileURLToPath(new URL('./fixtures/exhibit.png', import.meta.url));

async function fixtureHash(): Promise<string> {
  return createHash('sha256').update(await readFile(FIXTURE)).digest('hex');
}

async function noAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

function sha256Row(page: Page) {
  return page.locator('.summary-list__row').filter({ hasText: 'SHA-256' }).locator('.summary-list__value');
}

test('offline: a photo exhibit on a breach report, its hash, place, reload, export and withdrawal', async ({
  page,
  context,
}) => {
  const hash = await fixtureHash();
  let downloads = 0;
  page.on('download', () => downloads++);
  await setUpWithDemo(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 51.501364, longitude: -0.14189, accuracy: 12 });

  await context.setOffline(true);
  try {
    await page.reload();
    await unlock(page);
    await openNominal(page, 'GREAVE');
    await breachToRecommendation(page, new Taps(), INTELLIGENCE.none);
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(heading(page)).toHaveText('Breach report submitted');
    await expect(page.getByRole('main')).toContainText('No photo exhibits.');

    await page.getByRole('link', { name: /^Add a photo exhibit to the breach report/ }).click();
    await expect(heading(page)).toHaveText('Add a photo exhibit');
    const input = page.getByLabel('Photo', { exact: true });
    await expect(input).toHaveAttribute('capture', 'environment');
    await expect(input).toHaveAttribute('accept', 'image/*');
    await expect(page.getByRole('main')).toContainText('Up to 8.0 MB');
    await expect(page.getByRole('main')).toContainText(/left on this phone/);
    // Continue with no photo: the error, and axe on the page with it.
    await continueButton(page).click();
    await expect(page.getByRole('alert')).toContainText('Select or take a photo');
    await noAxeViolations(page);
    await input.setInputFiles(FIXTURE);
    await expect(page.getByRole('status').filter({ hasText: 'Photo ready' })).toContainText(hash);
    await continueButton(page).click();

    await expect(heading(page)).toHaveText('Describe the exhibit');
    await continueButton(page).click();
    await expect(page.getByRole('alert')).toContainText('Enter what the photo shows');
    await page.getByLabel('What does the photo show?').fill('Second handset on the kitchen table');
    await expect(page.getByRole('main')).toContainText('asked for its location only if you tap');
    await noAxeViolations(page);
    await page.getByRole('button', { name: 'Add the place' }).click();
    await expect(page.getByRole('main')).toContainText('Place: 51.501364, -0.141890, to within 12 m');
    await continueButton(page).click();

    await expect(heading(page)).toHaveText('Check the exhibit before you save it');
    await expect(sha256Row(page)).toHaveText(hash);
    await expect(page.getByRole('main')).toContainText('DO/1');
    await expect(page.getByRole('main')).toContainText('cannot be changed or deleted');
    await noAxeViolations(page);
    await page.getByRole('button', { name: 'Save exhibit' }).click();

    await expect(heading(page)).toHaveText('Exhibit DO/1');
    await expect(page.locator('#exhibit-sha256')).toHaveText(hash);
    const img = page.getByRole('img', { name: /^Photo exhibit DO\/1/ });
    await expect(img).toBeVisible();
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(24);
    const main = page.getByRole('main');
    await expect(main).toContainText('728 bytes');
    await expect(main).toContainText('51.501364, -0.141890, to within 12 m');
    await expect(main).toContainText('agrees with the time since the app started');
    await expect(main).toContainText('PC Demo Officer');
    await noAxeViolations(page);
    expect(downloads).toBe(0);

    // Kept across a reload, photo and all.
    await page.reload();
    await unlock(page);
    await expect(heading(page)).toHaveText('Exhibit DO/1');
    await expect(page.locator('#exhibit-sha256')).toHaveText(hash);
    await expect(img).toBeVisible();

    // Export only on request: the original bytes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the photo' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('DO-1.png');
    const saved = await readFile((await download.path()) as string);
    expect(createHash('sha256').update(saved).digest('hex')).toBe(hash);

    // Withdraw: a reason is needed; the exhibit stays, marked withdrawn.
    await page.getByRole('button', { name: 'Withdraw this exhibit' }).click();
    await page.getByRole('button', { name: 'Withdraw exhibit' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter why the exhibit is withdrawn');
    await noAxeViolations(page);
    await page.getByLabel('Why is this exhibit being withdrawn?').fill('Photo of the wrong table');
    await page.getByRole('button', { name: 'Withdraw exhibit' }).click();
    await expect(main).toContainText('Reason: Photo of the wrong table');
    await expect(main.locator('.tag', { hasText: 'Withdrawn' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Withdraw this exhibit' })).toHaveCount(0);
    await expect(page.locator('#exhibit-sha256')).toHaveText(hash);
    await noAxeViolations(page);

    // Back on the report's page, which no longer says it was just submitted.
    await page.getByRole('link', { name: /^Back to the breach report/ }).click();
    await expect(heading(page)).toHaveText('Breach report');
    const item = page.getByRole('listitem').filter({ hasText: 'DO/1: Second handset on the kitchen table' });
    await expect(item).toContainText('Withdrawn');
  } finally {
    await context.setOffline(false);
  }
});

test('a photo over the limit is refused with nothing saved; an exhibit on a contact', async ({ page }) => {
  // The host lets this origin (only) ask for the place; blob: photos may show.
  const headers = (await page.request.get('/')).headers();
  expect(headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=(self)');
  expect(headers['content-security-policy']).toContain("img-src 'self' data: blob:");
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await expect(page.getByRole('heading', { name: 'Photo exhibits' })).toBeVisible();
  await page.getByRole('link', { name: /^Add a photo exhibit to the contact on / }).click();
  await expect(heading(page)).toHaveText('Add a photo exhibit');
  const input = page.getByLabel('Photo', { exact: true });
  await input.setInputFiles({
    name: 'huge.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.alloc(8 * 1024 * 1024 + 1, 7),
  });
  await expect(page.getByRole('alert')).toContainText('the largest this app keeps is 8.0 MB');
  await noAxeViolations(page);

  await input.setInputFiles(FIXTURE);
  await continueButton(page).click();
  await page.getByLabel('What does the photo show?').fill('Car outside the address');
  await continueButton(page).click();
  await expect(page.getByRole('main')).toContainText('Not recorded');
  await page.getByRole('button', { name: 'Save exhibit' }).click();
  await expect(heading(page)).toHaveText('Exhibit DO/1');
  await expect(page.locator('#exhibit-sha256')).toHaveText(await fixtureHash());
  await page.getByRole('link', { name: /^Back to the contact on / }).click();
  await expect(page.getByRole('link', { name: 'DO/1: Car outside the address' })).toBeVisible();
  await noAxeViolations(page);
});

/** From the breach report's page: add a photo exhibit of the fixture, described, and save it. */
async function addPhotoExhibit(page: Page, description: string) {
  await page.getByRole('link', { name: /^Add a photo exhibit to the / }).click();
  await page.getByLabel('Photo', { exact: true }).setInputFiles(FIXTURE);
  await expect(page.getByRole('status').filter({ hasText: 'Photo ready' })).toBeVisible();
  await continueButton(page).click();
  await page.getByLabel('What does the photo show?').fill(description);
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Check the exhibit before you save it');
}

test('issue 19, 15: one reference sequence across typed evidence and photo exhibits; a photo is never typed evidence', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none);
  await page.getByRole('link', { name: /Back$/ }).click();
  await page.getByRole('link', { name: 'Change what was seen' }).click();
  await expect(heading(page)).toHaveText('What happened?');
  await page.getByText('Add evidence', { exact: true }).click();
  const kind = page.getByLabel('Kind of evidence');
  const reference = page.getByLabel('Reference (optional)');
  const add = page.getByRole('button', { name: 'Add this evidence' });
  await expect(page.locator('#evidence-reference-hint')).toHaveText(
    'Exhibit or property number. Your next exhibit reference is DO/1.',
  );

  // "Photo" says where a photo goes; typed in, it is refused and nothing is added.
  await kind.selectOption({ label: 'Photo: add it as a photo exhibit after submitting' });
  await page.getByLabel('Description', { exact: true }).fill('Photo of the second handset');
  await reference.fill('DO/1');
  await add.click();
  await expect(page.locator('#evidence-description-error')).toContainText(
    "Add a photo as a photo exhibit after you submit the report, from the report's page",
  );
  await expect(page.getByRole('main')).toContainText('No evidence added.');
  await noAxeViolations(page);

  // Typed evidence takes DO/1; the next is DO/2, and DO/1 cannot be given again.
  await kind.selectOption({ label: 'Item seized' });
  await page.getByLabel('Description', { exact: true }).fill('Second handset, seized');
  await add.click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Second handset, seized (DO/1)' })).toBeVisible();
  await expect(page.locator('#evidence-reference-hint')).toContainText('Your next exhibit reference is DO/2.');
  await page.getByLabel('Description', { exact: true }).fill('SIM packet');
  await reference.fill('DO/1');
  await add.click();
  await expect(page.locator('#evidence-description-error')).toContainText(
    'DO/1 is already the reference of another exhibit',
  );
  await reference.fill('');
  await page.getByLabel('Description', { exact: true }).fill('');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');

  // The photo exhibit after it is DO/2, not a second DO/1.
  await addPhotoExhibit(page, 'Second handset on the kitchen table');
  await expect(page.locator('.summary-list__row').filter({ hasText: 'Exhibit reference' })).toContainText('DO/2');
  await page.getByRole('button', { name: 'Save exhibit' }).click();
  await expect(heading(page)).toHaveText('Exhibit DO/2');
  await page.getByRole('link', { name: /^Back to the breach report/ }).click();
  await page.getByRole('link', { name: 'View and print the report' }).click();
  await expect(page.getByRole('region', { name: 'Evidence' }).getByRole('listitem')).toHaveText([
    /^Photo exhibit DO\/2: Second handset on the kitchen table\. /,
    'Item seized: Second handset, seized. Reference: DO/1.',
  ]);
  // The pack: each reference once.
  await page.getByRole('link', { name: 'Evidence pack for a breach prosecution (s.25)' }).click();
  const exhibits = page.getByRole('region', { name: '5. Exhibits', exact: true });
  await expect(exhibits).toContainText('ReferenceDO/2');
  expect((await exhibits.innerText()).match(/DO\/1/g)?.length).toBe(1);
  expect((await exhibits.innerText()).match(/DO\/2/g)?.length).toBe(1);
});

test('issue 19, 14: a photo exhibit is on the printed report (not "None recorded") and in the pack', async ({ page }) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await breachToRecommendation(page, new Taps(), INTELLIGENCE.none);
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await addPhotoExhibit(page, 'Second handset on the kitchen table');
  await page.getByRole('button', { name: 'Save exhibit' }).click();
  await expect(heading(page)).toHaveText('Exhibit DO/1');
  const hash = await fixtureHash();
  await page.getByRole('link', { name: /^Back to the breach report/ }).click();
  await page.getByRole('link', { name: 'View and print the report' }).click();
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByRole('listitem')).toHaveText([
    new RegExp(
      `^Photo exhibit DO/1: Second handset on the kitchen table\\. Captured \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} by PC Demo Officer\\. SHA-256 ${hash}\\.$`,
    ),
  ]);
  await expect(evidence).not.toContainText('None recorded');
  await noAxeViolations(page);
  await page.getByRole('link', { name: 'Evidence pack for a breach prosecution (s.25)' }).click();
  const exhibits = page.getByRole('region', { name: '5. Exhibits', exact: true });
  await expect(exhibits).toContainText('ReferenceDO/1');
  await expect(exhibits).toContainText(`SHA-256${hash}`);
});

test('issue 19, 16: the check page shows the photo before "Save exhibit", and each step has a way back', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await openNominal(page, 'GREAVE');
  await page.getByRole('link', { name: /^Add a photo exhibit to the contact on / }).click();
  await expect(heading(page)).toHaveText('Add a photo exhibit');
  // From the photo: back to where the exhibit was being added from (the contact's nominal).
  await page.getByRole('link', { name: /Back to the contact on / }).click();
  await expect(heading(page)).toContainText('GREAVE');
  await page.getByRole('link', { name: /^Add a photo exhibit to the contact on / }).click();
  await page.getByLabel('Photo', { exact: true }).setInputFiles(FIXTURE);
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Describe the exhibit');
  // From the description: back to the photo, which is kept.
  await page.getByRole('link', { name: /Back to the photo$/ }).click();
  await expect(heading(page)).toHaveText('Add a photo exhibit');
  await expect(page.getByRole('status').filter({ hasText: 'Photo ready' })).toContainText(await fixtureHash());
  await continueButton(page).click();
  await page.getByLabel('What does the photo show?').fill('Car outside the address');
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('Check the exhibit before you save it');
  const preview = page.getByRole('img', { name: 'The photo to be saved as exhibit DO/1' });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(24);
  await noAxeViolations(page);
  // From the check: back to the description, as typed.
  await page.getByRole('link', { name: /Back to the description$/ }).click();
  await expect(page.getByLabel('What does the photo show?')).toHaveValue('Car outside the address');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Save exhibit' }).click();
  await expect(heading(page)).toHaveText('Exhibit DO/1');
});
