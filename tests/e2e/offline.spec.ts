// No signal: after one online visit the app starts, unlocks and records offline, and a new
// release never costs a typed record.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  breachToRecommendation,
  continueButton,
  heading,
  INTELLIGENCE,
  PHONE_CONDITION,
  Taps,
} from './breach-support';
import { openNominal, setUpWithDemo, unlock } from './support';

/** Wait until the app's service worker controls the page (the app registers it itself). */
async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('offline: reload, unlock, review a nominal, capture a breach, reload and find it', async ({
  page,
  context,
}) => {
  await setUpWithDemo(page);
  await controlledByServiceWorker(page);

  await context.setOffline(true);
  try {
    await page.reload();
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();

    await openNominal(page, 'GREAVE');
    // The conditions are one tap from the nominal page, offline too.
    await page.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
    await expect(page.getByRole('heading', { name: 'Associations and communications' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('link', { name: 'Report a breach' })).toBeVisible();

    const seen = 'Offline test: a second handset found in the hallway.';
    await breachToRecommendation(page, new Taps(), INTELLIGENCE.none, seen);
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(heading(page)).toHaveText('Breach report submitted');

    await page.reload();
    await unlock(page);
    await page.getByRole('link', { name: 'Cohort', exact: true }).click();
    await openNominal(page, 'GREAVE');
    await expect(page.getByRole('main')).toContainText(seen);
  } finally {
    await context.setOffline(false);
  }
});

test.describe('an update from one build to the next', () => {
  let dir: string;
  let server: ChildProcess;
  let origin: string;

  test.beforeAll(async () => {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    dir = await mkdtemp(path.join(os.tmpdir(), 'scpo-update-'));
    await cp(path.join(repo, 'dist'), dir, { recursive: true });
    server = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs'), '--dir', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    origin = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
      server.stdout!.on('data', (chunk: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(chunk.toString());
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
    });
  });

  test.afterAll(async () => {
    server?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('with a breach draft open, the officer accepts the update and the draft is still there', async ({
    page,
  }) => {
    await setUpWithDemo(page, `${origin}/`);
    await controlledByServiceWorker(page);

    await openNominal(page, 'GREAVE');
    await page.getByRole('link', { name: 'Report a breach' }).click();
    await page.getByRole('checkbox', { name: PHONE_CONDITION }).check();
    await continueButton(page).click();
    await expect(heading(page)).toHaveText('What happened?');
    const seen = 'Typed before the update: phone seen on the sofa.';
    await page.getByLabel('What was seen?').fill(seen);

    // Deploy the next build: a byte-different sw.js with a new cache name.
    const swPath = path.join(dir, 'sw.js');
    const sw = await readFile(swPath, 'utf8');
    await writeFile(swPath, sw.replace(/scpo-field-[0-9a-f]{16}/, 'scpo-field-0123456789abcdef'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    // The app offers the update and waits for the officer.
    const update = page.getByRole('button', { name: 'Update now' });
    await expect(update).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('What was seen?')).toHaveValue(seen);
    await update.click();

    // The new release loads (locked, as after any reload); the draft is where it was.
    await unlock(page);
    await expect(heading(page)).toHaveText('What happened?');
    await expect(page.getByLabel('What was seen?')).toHaveValue(seen);
    expect(await page.evaluate(() => caches.keys())).toEqual(['scpo-field-0123456789abcdef']);
  });
});
