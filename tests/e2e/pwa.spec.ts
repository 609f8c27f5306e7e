// The installable, offline shell: web app manifest, the service worker's build-time precache list
// (scripts/precache.mjs), offline navigation, and nothing loaded from other origins.
import { expect, test, type Page } from '@playwright/test';

interface Precache {
  cacheName: string;
  files: string[];
}

/** The precache manifest the build wrote into /sw.js. */
async function precache(page: Page): Promise<Precache> {
  const response = await page.request.get('/sw.js');
  expect(response.ok()).toBe(true);
  expect(response.headers()['cache-control']).toBe('no-cache');
  const match = /^const PRECACHE = (\{.*\}); \/\/ @precache-manifest \(generated\)$/m.exec(
    await response.text(),
  );
  expect(match, 'sw.js has a generated precache manifest').not.toBeNull();
  return JSON.parse(match![1]);
}

/** Registers /sw.js, as the app will, and waits until it controls the page. */
async function registerServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test('the manifest makes the app installable from the root scope', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'SCPO Field',
    short_name: 'SCPO Field',
    display: 'standalone',
    start_url: '/',
    scope: '/',
  });
  for (const icon of manifest.icons) {
    const image = await page.request.get(icon.src);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type']).toBe(icon.type);
  }
  expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
});

test('the precache lists every file of the build under a content-derived cache name', async ({ page }) => {
  const { cacheName, files } = await precache(page);
  expect(cacheName).toMatch(/^scpo-field-[0-9a-f]{16}$/);
  expect(files).toContain('index.html');
  expect(files).toContain('manifest.webmanifest');
  expect(files).toContain('icons/icon-192.png');
  expect(files).not.toContain('sw.js');
  expect(files.some((f) => /^scpo-field-[0-9a-f]+_bg\.wasm$/.test(f))).toBe(true);
  expect(files.some((f) => /^scpo-field-[0-9a-f]+\.js$/.test(f))).toBe(true);
  expect(files.some((f) => /\.css$/.test(f))).toBe(true);
  for (const file of files) {
    const response = await page.request.get(`/${file}`);
    expect(response.ok(), file).toBe(true);
  }
  const wasm = files.find((f) => f.endsWith('.wasm'))!;
  expect((await page.request.get(`/${wasm}`)).headers()['content-type']).toBe('application/wasm');
});

test('once the service worker is installed, the app opens offline on any route', async ({ page, context }) => {
  const { cacheName, files } = await precache(page);
  await page.goto('/');
  await registerServiceWorker(page);

  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
  }, cacheName);
  expect(cached).toEqual([...files].sort());
  expect(await page.evaluate(() => caches.keys())).toEqual([cacheName]);

  await context.setOffline(true);
  try {
    // An app route the server never saw: the worker answers with the cached index.html.
    const response = await page.goto('/nominal/N-001');
    expect(response?.ok()).toBe(true);
    // The app's page (each screen then names itself in the title, e.g. "Set a passcode – SCPO Field").
    await expect(page).toHaveTitle(/SCPO Field$/);
    const served = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => (e as PerformanceResourceTiming).name),
    );
    expect(served.some((url) => url.endsWith('.wasm'))).toBe(true);

    // Files that are not in the precache are never cached: offline, they fail.
    const notPrecached = await page.evaluate(() =>
      fetch('/not-precached.txt').then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(notPrecached).toBe('failed');
  } finally {
    await context.setOffline(false);
  }
});

test('the wasm app starts without errors and loads nothing from other origins', async ({ page, baseURL }) => {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('/');
  // Trunk's loader sets window.wasmBindings once the wasm module is instantiated.
  await page.waitForFunction(() => 'wasmBindings' in window);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
});
