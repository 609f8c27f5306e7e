// Shared steps for the end-to-end tests: every test starts on a fresh browser profile, so the
// app is on its first run and needs a passcode and a cohort.
import { expect, type Page } from '@playwright/test';

/** The passcode the tests set. Synthetic. */
export const PASSCODE = 'field-test-1234';

/** First run: set the passcode and load the demo cohort; ends on the cohort list. */
export async function setUpWithDemo(page: Page, path = '/') {
  await page.goto(path);
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByRole('button', { name: 'Use the demo cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
}

/** A new passcode, then the cohort file at `file` imported (a synthetic cohort a test wrote). */
export async function setUpWithCohortFile(page: Page, file: string) {
  await page.goto('/');
  await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await page.getByLabel('Confirm passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.getByLabel('Cohort file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
}

/** Unlock after a reload or a lock. */
export async function unlock(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your passcode' })).toBeVisible();
  await page.getByLabel('Passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Open a nominal from the cohort list by (part of) their name. */
export async function openNominal(page: Page, name: string | RegExp) {
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}
