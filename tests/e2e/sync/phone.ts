// A phone for the tests against the team server: its own browser context (service worker
// allowed), first run and enrolment, the cohort list's links.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { cli } from '../server-support';
import { PASSCODE } from '../support';

export async function phone(browser: Browser) {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: use.locale,
    timezoneId: use.timezoneId,
    serviceWorkers: 'allow',
  });
  return { context, page: await context.newPage() };
}

export function nominalLink(page: Page, name: RegExp) {
  return page.locator('.cohort-list').getByRole('link', { name });
}

/** First run: set a passcode, enrol with a fresh code, end on the pulled cohort. */
export async function enrol(page: Page, officer: string) {
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByLabel('Enrolment code').fill(cli('enrol', officer));
  await page.getByRole('button', { name: 'Enrol this phone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
  await expect(page.locator('#sync-line')).toContainText('Last synced');
}

