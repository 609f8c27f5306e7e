// The node side of the benchmark's cached start (scripts/bench.mjs): a first visit that sets
// the app up and lets its service worker take control, then cold starts from that cache.
import { startProbe } from './bench-page.mjs';
import { note } from './bench-util.mjs';

export async function firstVisit(context, base, kind, passcode) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  if (kind === 'app') {
    await page.getByLabel('Passcode', { exact: true }).fill(passcode);
    await page.getByLabel('Confirm passcode').fill(passcode);
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByRole('button', { name: 'Use the demo cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohort' }).waitFor();
  } else {
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  // The app registers /sw.js itself; the empty app has no code for it, so the benchmark does.
  const registeredBy = await page.evaluate(async () => {
    for (let i = 0; i < 50 && !(await navigator.serviceWorker.getRegistration()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (await navigator.serviceWorker.getRegistration()) return 'the app';
    await navigator.serviceWorker.register('/sw.js');
    return 'the benchmark';
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    let files = 0;
    for (const name of names) files += (await (await caches.open(name)).keys()).length;
    return files;
  });
  note(`${kind}: service worker registered by ${registeredBy}, in control, ${cached} files precached`);
  await page.close();
}

/** One cold start in a new tab, CPU throttled, the service worker serving. */
export async function coldStart(context, base, kind, passcode, throttle) {
  const page = await context.newPage();
  const fromNetwork = [];
  page.on('response', (r) => r.fromServiceWorker() || fromNetwork.push(new URL(r.url()).pathname));
  await page.addInitScript(startProbe, { kind, passcode: passcode });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => Boolean(window.__bench), null, { timeout: 10_000 });
  const marks = await Promise.race([
    page.evaluate(() => window.__bench),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${kind}: no painted screen within 60 s`)), 60_000)),
  ]);
  await cdp.detach();
  await page.close();
  return { ...marks, fromNetwork };
}
