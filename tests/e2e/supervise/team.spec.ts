// Keeping the team at the desk: the DS adds an offender manager and makes them a one-time code
// for a desk passkey; the officer registers it with Chromium's virtual authenticator (their own
// browser) and lands on "Your nominals"; the DS's pages are not theirs. Every page axe-clean.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { authenticator, problem, signedInSupervisor } from './support';

test('the DS adds an officer and makes a desk passkey code; the officer registers and lands on their nominals', async ({
  page,
  browser,
}) => {
  await signedInSupervisor(page);
  await page.goto('/supervise/team');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manage the team');
  await expect(page.getByRole('link', { name: 'PC Demo Officer' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page).toHaveTitle('Add a person to the team – SCPO Field supervision');
  // Sent back with its problems first.
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByRole('alert')).toContainText("Enter the person's name");
  await expect(page.getByRole('alert')).toContainText("Choose the person's role");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Name').fill('PC Desk Example');
  await page.getByLabel('Offender manager').check();
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PC Desk Example');
  await expect(page.getByRole('status')).toContainText('Added to the team');
  const officerId = (await page.locator('.summary-list__row', { hasText: 'Officer ID' }).locator('dd').textContent())!.trim();
  expect(officerId).toMatch(/^PC-DEMO-\d\d$/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Registering a passkey at the desk').check();
  await page.getByRole('button', { name: 'Make a one-time code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One-time code for PC Desk Example');
  const code = (await page.locator('#code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(await axeViolations(page)).toEqual([]);

  // The officer, at their own desk.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const desk = await context.newPage();
  const key = await authenticator(desk);
  await desk.goto('/supervise/register');
  await desk.getByLabel('One-time code').fill(code);
  await desk.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Your nominals');
  expect(await key.credentials()).toHaveLength(1);
  await expect(desk.getByText(`Signed in as PC Desk Example (${officerId})`)).toBeVisible();
  await expect(desk.getByRole('navigation', { name: 'Supervision' }).getByRole('link', { name: 'Your nominals' })).toBeVisible();
  await expect(desk.getByText('No nominal is assigned to you yet.')).toBeVisible();
  expect(await axeViolations(desk)).toEqual([]);
  // The DS's pages answer "Page not found" in the desk's layout; the front page leads home.
  await desk.goto('/supervise/team');
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(await axeViolations(desk)).toEqual([]);
  await desk.goto('/supervise');
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Your nominals');

  // Signed out, they sign in again with the passkey.
  await desk.getByRole('button', { name: 'Sign out', exact: true }).click();
  await desk.getByLabel('Your officer ID').fill(officerId.toLowerCase());
  await desk.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Your nominals');
  await expect(problem(desk)).toBeHidden();

  // The DS revokes their passkeys: the officer's session ends.
  await page.goto(`/supervise/team/${officerId}`);
  await page.getByRole('link', { name: /Revoke their passkeys/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Revoke PC Desk Example's passkeys?");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Revoke their passkeys' }).click();
  await expect(page.getByRole('status')).toContainText('Their passkeys are revoked');
  await desk.reload();
  await expect(desk).toHaveURL(/\/supervise\/sign-in$/);
  await context.close();
});
