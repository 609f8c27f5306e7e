// The s.25 evidence pack: one page a breach prosecution file can start from, with what it lacks
// at the top, readable at A4 in print, accessible, and built from the phone's own records so it
// opens offline.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { continueButton, heading, INTELLIGENCE, PHONE_CONDITION, PHONE_CONDITION_VERBATIM } from './breach-support';
import { openNominal, setUpWithDemo, unlock } from './support';

const PACK_LINK = 'Evidence pack for a breach prosecution (s.25)';
const PACK_TITLE = 'Evidence pack: breach of a Serious Crime Prevention Order (s.25)';

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** Wait until the app's service worker controls the page (the app registers it itself). */
async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('the demo breach: every section, the gaps first, axe-clean, and printable at A4 without the app around it', async ({
  page,
}) => {
  await setUpWithDemo(page);
  await page.goto('/nominal/N-0002/breaches/BR-0002-1/print');
  await unlock(page);
  await page.getByRole('link', { name: PACK_LINK }).click();
  await expect(heading(page)).toHaveText(PACK_TITLE);
  await expect(page).toHaveTitle('Evidence pack BR-0002-1 – N-0002 – SCPO Field');

  const gaps = region(page, 'What the pack lacks');
  await expect(gaps.getByRole('listitem')).toHaveText([
    'No signed release-day briefing on this order',
    /^No explanation from the person is recorded/,
    /^EXH-DEMO-001 \(Phone: Black handset, no SIM\) was not captured in the app: no SHA-256/,
    'No DS decision on this report on this phone yet',
  ]);

  const order = region(page, '1. The order and its variations');
  await expect(order).toContainText('Crown Court at Testford');
  await expect(order).toContainText(/ReferenceT2\d{7}/);
  await expect(order).toContainText(/In force from\d{1,2} \w{3,4} \d{4}/);
  await expect(order).toContainText('None: the order as granted.');
  await expect(order).toContainText('A certified copy of the order (s.25(4)) must come from the court.');
  const bound = region(page, '2. How the person is bound (s.10)');
  await expect(bound).toContainText(/Served with notice of the order \(in person\) on \d{1,2} \w{3,4} \d{4} by PC Demo Officer/);
  await expect(bound).toContainText('Release-day briefingNone recorded');
  await expect(region(page, '3. Provisions breached, word for word')).toContainText(PHONE_CONDITION_VERBATIM);
  const facts = region(page, '4. The facts');
  await expect(facts).toContainText('Undeclared second mobile phone found in the kitchen drawer.');
  await expect(facts).toContainText('Any explanation givenNone recorded');
  await expect(facts).toContainText('PC Demo Officer (PC-DEMO-01)');
  const exhibits = region(page, '5. Exhibits');
  await expect(exhibits).toContainText('ReferenceEXH-DEMO-001');
  await expect(exhibits).toContainText('SHA-256Not recorded');
  const history = region(page, '6. Earlier breaches and the enforcement decision');
  await expect(history).toContainText('Earlier breachesNone recorded.');
  await expect(history).toContainText("DS's decisionNone on this phone yet");
  await expect(history).toContainText('Level chosen by the officer');
  expect(await axeViolations(page)).toEqual([]);

  // "Print or save as PDF" opens the browser's print dialogue.
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => {
      (window as any).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);

  // In print: no navigation, nothing wider than an A4 page (210 mm at 96 dpi), text at 10pt or
  // more, and later sections start on pages of their own.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Back to the breach report' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(heading(page)).toBeVisible();
  await expect(gaps).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.report')!).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(13.3); // 10pt
  const breakBefore = await page.evaluate(() =>
    [...document.querySelectorAll('.pack__section')].map((s) => getComputedStyle(s).breakBefore),
  );
  expect(breakBefore).toEqual(['auto', 'auto', 'page', 'auto', 'page', 'page']);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(4);
});

test('at 320 px wide in dark mode the pack reflows without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await setUpWithDemo(page);
  await page.goto('/nominal/N-0002/breaches/BR-0002-1/pack');
  await unlock(page);
  await expect(heading(page)).toHaveText(PACK_TITLE);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a new breach with an explanation: it is in the report and the pack, and the pack opens offline', async ({
  page,
  context,
}) => {
  await setUpWithDemo(page);
  await controlledByServiceWorker(page);
  // GREAVE's order has no record of how she is bound.
  await openNominal(page, 'GREAVE');
  await page.getByRole('link', { name: 'Report a breach' }).click();
  await page.getByRole('checkbox', { name: PHONE_CONDITION }).check();
  await continueButton(page).click();
  await expect(heading(page)).toHaveText('What happened?');
  await page.getByRole('button', { name: 'Home address' }).click();
  await page.getByLabel('What was seen?').fill('A second handset on the hall table.');
  const said = 'Said the handset was her sister’s and she did not know it was there.';
  await page.getByLabel('Any explanation given (optional)').fill('x'.repeat(5001));
  await continueButton(page).click();
  await expect(page.getByRole('link', { name: 'The explanation must be 5,000 characters or fewer' })).toBeVisible();
  await page.getByLabel('Any explanation given (optional)').fill(said);
  await continueButton(page).click();
  await page.getByRole('button', { name: INTELLIGENCE.none }).click();
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.getByRole('main')).toContainText(`Any explanation given${said}`);
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(heading(page)).toHaveText('Breach report submitted');
  await page.getByRole('link', { name: 'View and print the report' }).click();
  await expect(page.getByRole('region', { name: 'What happened' })).toContainText(`Any explanation given${said}`);
  await page.getByRole('link', { name: PACK_LINK }).click();
  await expect(heading(page)).toHaveText(PACK_TITLE);
  const packUrl = page.url();

  await context.setOffline(true);
  try {
    await page.reload();
    await unlock(page);
    await expect(heading(page)).toHaveText(PACK_TITLE);
    expect(page.url()).toBe(packUrl);
    const gaps = region(page, 'What the pack lacks');
    await expect(gaps).toContainText('No record of how the person is bound by the order (s.10)');
    await expect(gaps).toContainText('No exhibits: no photo or other evidence is recorded for this breach');
    await expect(gaps).not.toContainText('No explanation');
    await expect(region(page, '2. How the person is bound (s.10)')).toContainText('How the person is boundNot recorded');
    await expect(region(page, '4. The facts')).toContainText(`Any explanation given${said}`);
    await expect(region(page, '5. Exhibits')).toContainText('None recorded.');
    // Earlier breaches: GREAVE has none; the back link returns to the report, still offline.
    await expect(region(page, '6. Earlier breaches and the enforcement decision')).toContainText('Earlier breachesNone recorded.');
    await page.getByRole('link', { name: 'Back to the breach report' }).click();
    await expect(heading(page)).toHaveText('Breach of a Serious Crime Prevention Order');
  } finally {
    await context.setOffline(false);
  }
});
