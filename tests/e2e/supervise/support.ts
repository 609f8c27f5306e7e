// Shared by the supervisor's desk tests (project "desk" of playwright.sync.config.ts): a virtual
// passkey authenticator, registering with a one-time code and signing in.
import { expect, type Page } from '@playwright/test';
import { cli } from '../server-support';

/** A platform authenticator with user verification, as on a desktop with Windows Hello. */
export async function authenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    remove: () => cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }),
    /** Whether the person passes the authenticator's check (false: as if they cancelled). */
    verifies: (isUserVerified: boolean) => cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified }),
  };
}

/** The error summary the sign-in script fills in. */
export function problem(page: Page) {
  return page.locator('#problem');
}

/** A one-time code for `officer` (a supervisor) to register a passkey at the desk. */
export function passkeyCode(officer: string) {
  return cli('enrol', officer, '--passkey');
}

/** Register a passkey for `officer` with a fresh one-time code; lands on the team page. */
export async function register(page: Page, officer: string) {
  await page.goto('/supervise/register');
  await expect(page).toHaveTitle('Register a passkey – SCPO Field supervision');
  await page.getByLabel('One-time code').fill(passkeyCode(officer));
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your team');
}

export async function signIn(page: Page, officer: string) {
  await page.getByLabel('Your officer ID').fill(officer);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
}

/** A desk signed in as the demo unit's DS (a passkey of its own, registered now). */
export async function signedInSupervisor(page: Page, officer = 'DS-DEMO-01') {
  await authenticator(page);
  await register(page, officer);
}

/** The five parts of the national decision model, in the order the desk's form asks them. */
export interface Rationale {
  information: string;
  assessment: string;
  powers: string;
  options: string;
  action: string;
}

/** Fill the decision form's rationale, record it and see it recorded. */
export async function recordDecision(ds: Page, r: Rationale) {
  await ds.getByLabel('Information').fill(r.information);
  await ds.getByLabel('Assessment of threat and risk').fill(r.assessment);
  await ds.getByLabel('Powers and policy').fill(r.powers);
  await ds.getByLabel('Options considered').fill(r.options);
  await ds.getByLabel('Decision and rationale').fill(r.action);
  await ds.getByRole('button', { name: 'Record the decision' }).click();
  await expect(ds.getByRole('status')).toContainText('Decision recorded');
}
