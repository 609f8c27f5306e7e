// A photo exhibit reaches the team server whole (server/PROTOCOL.md, Photos): captured with no
// signal on a breach report, it waits on the phone with the report; back online, a failed photo
// upload leaves both waiting; once the photo goes up, before the record, both are acknowledged,
// and at the desk the DS sees the exhibit and opens its page, whose photo's bytes have the
// fixture's SHA-256 (node:crypto's).
// (PC-DEMO-02: the two-phone test counts PC-DEMO-01's breach reports.)
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { breachToRecommendation, continueButton, heading, INTELLIGENCE, Taps, submitReport } from '../breach-support';
import { recordDecision, signedInSupervisor } from '../supervise/support';
import { enrol, nominalLink, phone } from './phone';

const FIXTURE = fileURLToPath(new URL('../fixtures/exhibit.png', import.meta.url));

test('an exhibit captured offline reaches the server with its photo, hash checked', async ({ browser }) => {
  const hash = createHash('sha256').update(await readFile(FIXTURE)).digest('hex');
  const { context, page: p } = await phone(browser);
  const uploads: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/sync/photos/')) uploads.push(`${r.method()} ${url.pathname}`);
  });
  await enrol(p, 'PC-DEMO-02');

  await context.setOffline(true);
  await nominalLink(p, /^COLBECK/).click();
  await breachToRecommendation(p, new Taps(), INTELLIGENCE.none);
  const { reference, reportId } = await submitReport(p);
  await p.getByRole('link', { name: /^Add a photo exhibit to the breach report/ }).click();
  await p.getByLabel('Photo', { exact: true }).setInputFiles(FIXTURE);
  await expect(p.getByRole('status').filter({ hasText: 'Photo ready' })).toContainText(hash);
  await continueButton(p).click();
  await p.getByLabel('What does the photo show?').fill('Second handset on the kitchen table');
  await continueButton(p).click();
  await p.getByRole('button', { name: 'Save exhibit' }).click();
  await expect(heading(p)).toHaveText('Exhibit SD/1');

  const device = async () => {
    await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Device' }).click();
    await expect(heading(p)).toHaveText('Device and data');
  };
  await device();
  await expect(p.locator('#outbox-list')).toContainText('Waiting Photo exhibit about N-0005');
  await expect(p.locator('#sync-counts')).toContainText('Waiting2');
  expect(uploads).toEqual([]);

  // Back online, but the server fails on the photo: nothing is marked sent, so nothing can be
  // lost in between; the log says what happened.
  const photos = '**/api/sync/photos/**';
  await context.route(photos, (route) => route.fulfill({ status: 503, body: '' }));
  await context.setOffline(false);
  await expect(p.locator('#sync-log')).toContainText('The team server had a problem (503)', {
    timeout: 20_000,
  });
  await expect(p.locator('#sync-counts')).toContainText('Waiting2');
  await expect(p.locator('#outbox-list')).toContainText('Waiting Photo exhibit about N-0005');
  expect(uploads.length).toBeGreaterThan(0);

  // The server mended, "Sync now": the photo goes up, then the report and the exhibit are
  // acknowledged.
  await context.unroute(photos);
  await p.locator('#sync-now').click();
  await expect(p.locator('#outbox-list')).toContainText('Acknowledged Photo exhibit about N-0005', {
    timeout: 20_000,
  });
  await expect(p.locator('#sync-counts')).toContainText('Waiting0');
  await expect(p.locator('#sync-counts')).toContainText('Rejected0');
  expect(uploads[0]).toMatch(/^PUT \/api\/sync\/photos\/EX-/);

  // At the desk: the exhibit on the report, and the photo as the server holds it.
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  await ds.goto(`/supervise/breaches/${encodeURIComponent(reportId)}`);
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText(`Breach report ${reference}`);
  await expect(ds.getByRole('heading', { name: 'Exhibit SD/1' })).toBeVisible();
  await expect(ds.getByRole('main')).toContainText('Second handset on the kitchen table');
  await expect(ds.getByRole('main')).toContainText(hash);
  expect(await axeViolations(ds)).toEqual([]);
  // The exhibit's own desk page shows the photo, as the server holds it.
  await ds.getByRole('link', { name: 'View the photo of exhibit SD/1' }).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Exhibit SD/1');
  await expect(ds.getByRole('main')).toContainText(hash);
  const shown = ds.getByRole('img', { name: 'Second handset on the kitchen table' });
  await expect(shown).toBeVisible();
  expect(await axeViolations(ds)).toEqual([]);
  const src = (await shown.getAttribute('src')) ?? '';
  const photo = await ds.request.get(src);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/png');
  expect(createHash('sha256').update(await photo.body()).digest('hex')).toBe(hash);
  await ds.getByRole('link', { name: `Back to breach report ${reference}` }).click();
  // Decided, so the list of reports awaiting a decision is as the other sync tests expect it.
  await ds.getByRole('radio', { name: /^Agree with the officer: / }).check();
  await recordDecision(ds, {
    information: 'The report and exhibit SD/1.',
    assessment: 'First breach.',
    powers: 's.25 Serious Crime Act 2007.',
    options: 'Caution, or investigate and charge.',
    action: 'Agreed.',
  });
  await desk.close();
  await context.close();
});
