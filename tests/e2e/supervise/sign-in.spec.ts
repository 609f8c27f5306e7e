// The supervisor's sign-in with passkeys, driven through Chromium's virtual authenticator (the
// DevTools protocol's WebAuthn domain): register with a one-time code, sign out, sign in, sign
// out everywhere; a missing or unknown passkey and a signed-out visit are refused. Passkeys are
// bound to a host name, so these pages are opened on http://localhost (see
// playwright.sync.config.ts, project "desk").
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { cli } from '../server-support';
import { authenticator, passkeyCode, problem, register, signIn } from './support';

test('register a passkey with a one-time code, sign out, sign in again and sign out everywhere', async ({ page }) => {
  const key = await authenticator(page);
  // Signed out, the team page is not shown.
  await page.goto('/supervise');
  await expect(page).toHaveURL(/\/supervise\/sign-in$/);
  expect(await axeViolations(page)).toEqual([]);

  await register(page, 'DS-DEMO-01');
  expect(await key.credentials()).toHaveLength(1);
  await expect(page.getByText('Signed in as DS Demo Supervisor (DS-DEMO-01)')).toBeVisible();
  // The team dashboard: a column an officer of the unit, and how many nominals each holds.
  await expect(page.getByRole('columnheader', { name: 'PC Second Demo (PC-DEMO-02)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Nominals held \d+/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // The session cookie is out of reach of scripts and sent to this site only.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'scpo_session');
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/supervise' });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await page.goto('/supervise');
  await expect(page).toHaveURL(/\/supervise\/sign-in$/);

  await signIn(page, 'ds-demo-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your team');

  // A second desk with its own passkey and session; "sign out on every device" ends both.
  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const desk2 = await other.newPage();
  await authenticator(desk2);
  await register(desk2, 'DS-DEMO-01');
  await page.getByRole('button', { name: 'Sign out on every device' }).click();
  await expect(page.getByRole('status')).toHaveText('You have signed out on every device.');
  await desk2.goto('/supervise');
  await expect(desk2).toHaveURL(/\/supervise\/sign-in$/);
  await other.close();
});

test('a missing or wrong passkey is refused, and so is an officer with none', async ({ page, browser }) => {
  // DS-DEMO-01 registers on one desk.
  await authenticator(page);
  await register(page, 'DS-DEMO-01');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();

  // Another desk whose authenticator holds no passkey for DS-DEMO-01: refused.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await context.newPage();
  const key = await authenticator(other);
  await other.goto('/supervise/sign-in');
  await signIn(other, 'DS-DEMO-01');
  await expect(problem(other)).toBeVisible();
  await expect(problem(other)).toContainText('No passkey was used');
  expect(await axeViolations(other)).toEqual([]);

  // The same desk now holds a real passkey of this service, but another supervisor's: still
  // refused for DS-DEMO-01, and it opens nothing.
  cli('officer', 'add', '--id', 'DS-TEST-02', '--name', 'DS Second Test', '--unit', 'U-DEMO', '--supervisor');
  await register(other, 'DS-TEST-02');
  expect(await key.credentials()).toHaveLength(1);
  await other.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(other, 'DS-DEMO-01');
  await expect(problem(other)).toContainText('No passkey was used');
  await other.goto('/supervise');
  await expect(other).toHaveURL(/\/supervise\/sign-in$/);
  await context.close();

  // An officer who never registered one, and an ID that is no officer's: the server names
  // stand-in passkeys, so the desk's authenticator has none to offer, as for a wrong passkey.
  for (const officer of ['PC-DEMO-01', 'NOBODY-99']) {
    const started = page.waitForResponse((r) => r.url().endsWith('/supervise/api/sign-in/start'));
    await signIn(page, officer);
    expect((await started).status(), officer).toBe(200);
    await expect(problem(page)).toContainText(
      'No passkey was used. Check your officer ID, and use a passkey registered for this service.',
    );
  }
  await expect(page).toHaveURL(/\/supervise\/sign-in\?signed-out=1$/);
});

test('a used or wrong code registers nothing', async ({ page }) => {
  await authenticator(page);
  const code = passkeyCode('DS-DEMO-01');
  await page.goto('/supervise/register');
  await page.getByLabel('One-time code').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(problem(page)).toContainText('That code is not valid');
  await page.getByLabel('One-time code').fill(code);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your team');
  // The same code again, from a signed-out desk: refused.
  await page.context().clearCookies();
  await page.goto('/supervise/register');
  await page.getByLabel('One-time code').fill(code);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(problem(page)).toContainText('That code is not valid');
});

test('a cancelled passkey prompt leaves the code usable, and a phone’s code is not a passkey’s', async ({ page }) => {
  const key = await authenticator(page);
  const code = passkeyCode('DS-DEMO-01');
  await page.goto('/supervise/register');
  // The prompt closes without a passkey (as when the DS cancels it): nothing made, code kept.
  await key.verifies(false);
  await page.getByLabel('One-time code').fill(code);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(problem(page)).toContainText('No passkey was made. Your code still works until it expires: try again.');
  expect(await key.credentials()).toHaveLength(0);
  // The retry with the same code registers the passkey.
  await key.verifies(true);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your team');
  expect(await key.credentials()).toHaveLength(1);

  // A phone's code typed here is refused in words, and still enrols the phone.
  await page.context().clearCookies();
  const phone = cli('enrol', 'PC-DEMO-01');
  await page.goto('/supervise/register');
  await page.getByLabel('One-time code').fill(phone);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(problem(page)).toContainText('That code is for enrolling a phone, not for registering a passkey.');
  const enrolled = await page.request.post('/api/enrol', { data: { code: phone, label: 'Sign-in test phone' } });
  expect(enrolled.status()).toBe(200);
});
