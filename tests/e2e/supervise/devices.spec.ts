// Devices at the desk: a one-time code made for an officer of the unit, used by a phone (through
// the API, as the app calls it, no command line), the phone's last sync and the records it says
// are waiting, and revoking it after a warning: its next call is refused and told to wipe.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { signedInSupervisor } from './support';

test('enrol a phone with a one-time code, see its last sync and records waiting, then revoke it', async ({
  page,
  request,
}) => {
  const label = `Desk test phone ${Date.now().toString(36)}`;
  await signedInSupervisor(page);
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Devices');
  expect(await axeViolations(page)).toEqual([]);

  // No officer chosen.
  await page.getByRole('button', { name: 'Make a one-time code' }).click();
  await expect(page).toHaveTitle('Error: Devices – SCPO Field supervision');
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('Choose the officer whose phone it is');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByLabel('Officer')).toBeFocused();

  await page.getByLabel('Officer').selectOption({ label: 'PC Third Demo (PC-DEMO-03)' });
  await page.getByRole('button', { name: 'Make a one-time code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One-time code for PC Third Demo');
  const code = (await page.locator('#code').textContent()) ?? '';
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  await expect(page.getByRole('main')).toContainText('15 minutes from now');
  expect(await axeViolations(page)).toEqual([]);

  // The phone enrols with it and syncs, saying 3 records are waiting.
  const enrolled = await request.post('/api/enrol', { data: { code, label } });
  expect(enrolled.status()).toBe(200);
  const { credential, officer } = await enrolled.json();
  expect(officer.id).toBe('PC-DEMO-03');
  const auth = { Authorization: `Bearer ${credential}` };
  expect((await request.get('/api/sync/pull?waiting=3', { headers: auth })).status()).toBe(200);

  await page.getByRole('link', { name: 'Back to devices' }).click();
  const row = page.getByRole('row', { name: new RegExp(label) });
  // The officer heads the row (a row header); the cells follow it.
  await expect(row.getByRole('rowheader')).toHaveText('PC Third Demo');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^3at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await expect(row).toContainText('Active');
  expect(await axeViolations(page)).toEqual([]);

  // Revoke: a warning first, naming what may be lost.
  await row.getByRole('link', { name: /^Revoke/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^Revoke ${label}`));
  await expect(page.locator('.warning-text')).toContainText('held 3 records not yet on the server');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Revoke this device' }).click();
  await expect(page.getByRole('status')).toContainText('The device is revoked');
  await expect(page.getByRole('row', { name: new RegExp(label) })).toContainText('Revoked');
  await expect(page.getByRole('row', { name: new RegExp(label) }).getByRole('link')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  const refused = await request.get('/api/sync/pull', { headers: auth });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: 'revoked', wipe: true });
});
