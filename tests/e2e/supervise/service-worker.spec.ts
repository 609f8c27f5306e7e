// The phone app's service worker never takes over the desk: in a browser that once opened the app
// (so its worker installed and controls the origin), every desk address goes to the server. Online
// the desk answers (its sign-in, its own "Page not found"); offline a desk address fails as any
// page without signal does, and the app does not open in its place. The app's own routes still
// open offline.
import { expect, test, type Page } from '@playwright/test';

/** The app's first-run page, which the desk must never show. */
function appShell(page: Page) {
  return page.getByRole('heading', { name: 'Set a passcode for this phone' });
}

test('a browser that once opened the app still gets the desk, online and offline', async ({ page, context }) => {
  // The app, as an officer on this machine once opened it: its worker installs and takes control.
  await page.goto('/');
  await expect(appShell(page)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

  // The desk, online: its sign-in page, from the server.
  const desk = await page.goto('/supervise');
  await expect(page).toHaveURL(/\/supervise\/sign-in$/);
  await expect(page).toHaveTitle('Sign in – SCPO Field supervision');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(appShell(page)).toHaveCount(0);
  expect(desk!.fromServiceWorker()).toBe(false);

  // An address under /supervise/ that no page has: the desk's own 404.
  const missing = await page.goto('/supervise/no-such-page');
  expect(missing!.status()).toBe(404);
  expect(missing!.fromServiceWorker()).toBe(false);
  await expect(page).toHaveTitle('Page not found – SCPO Field supervision');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(appShell(page)).toHaveCount(0);

  await context.setOffline(true);
  try {
    // Offline, a desk address is not answered with the app: the navigation fails.
    for (const path of ['/supervise', '/supervise/sign-in', '/supervise/no-such-page']) {
      await expect(page.goto(path), path).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
      await expect(appShell(page), path).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
    }
    // The worker is still there for the app: its routes open offline.
    await page.goto('/nominal/N-0001');
    await expect(appShell(page)).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
