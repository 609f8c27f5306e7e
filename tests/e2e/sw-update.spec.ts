// A new build's service worker waits until the page asks it to take over ({type: 'SKIP_WAITING'}),
// then deletes the previous build's cache. The "new build" is a copy of dist/ whose sw.js has
// another cache name, served by its own scripts/serve.mjs so the shared dist/ is left alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let server: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scpo-sw-update-'));
  await cp(path.join(repo, 'dist'), dir, { recursive: true });
  server = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs'), '--dir', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // serve.mjs takes a free port and prints its URL.
  origin = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    server.stdout!.on('data', (chunk) => {
      printed += chunk;
      const match = /on (http:\/\/[\d.]+:\d+)\//.exec(printed);
      if (match) resolve(match[1]);
    });
  });
});

test.afterAll(async () => {
  server?.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());

test('a new service worker waits for SKIP_WAITING, then replaces the old cache', async ({ page }) => {
  await page.goto(`${origin}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
  });
  const [oldCache] = await cacheNames(page);
  expect(oldCache).toMatch(/^scpo-field-[0-9a-f]{16}$/);

  // "Deploy" a new build: same files, new cache name, so a byte-different sw.js.
  const newCache = 'scpo-field-0123456789abcdef';
  const swPath = path.join(dir, 'sw.js');
  await writeFile(swPath, (await readFile(swPath, 'utf8')).replace(oldCache, newCache));

  await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.update();
    const installing = registration.installing;
    if (installing && installing.state !== 'installed') {
      await new Promise<void>((resolve) =>
        installing.addEventListener('statechange', () => installing.state === 'installed' && resolve()),
      );
    }
  });

  // Installed and precached, but waiting: the page keeps the old worker, even across a reload.
  await page.reload();
  const state = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    return { waiting: registration.waiting?.state ?? null, active: registration.active?.state ?? null };
  });
  expect(state).toEqual({ waiting: 'installed', active: 'activated' });
  expect(await cacheNames(page)).toEqual([oldCache, newCache].sort());

  // The officer accepts the update: the page asks the waiting worker to take over.
  await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    const changed = new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
    registration.waiting!.postMessage({ type: 'SKIP_WAITING' });
    await changed;
  });
  await expect.poll(() => cacheNames(page)).toEqual([newCache]);
});
