// An order's schedule kept at the desk reaches the phone: the DS records Schedule 1 of
// Marisol HEDGECOMBE's order (N-0010, PC-DEMO-03's) through the desk's pages (two people and a
// vehicle, each through check answers), and the officer's phone, after its next sync and then
// offline, shows it under the no-contact provision that names it, and its schedule search finds
// the vehicle by registration. Axe on every new desk page. Names and registrations invented.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { signedInSupervisor } from '../supervise/support';
import { enrol, nominalLink, phone } from './phone';

const PROVISION = 'No contact of any kind with the people in Schedule 1.';

async function noViolations(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

async function addPerson(
  ds: Page,
  p: { name: string; aliases?: string; born?: [string, string, string]; description?: string },
) {
  await ds.getByLabel('Name, as the order gives it').fill(p.name);
  if (p.aliases) await ds.getByLabel('Aliases (optional)').fill(p.aliases);
  if (p.born) {
    const dob = ds.getByRole('group', { name: 'Date of birth (optional)' });
    await dob.getByLabel('Day').fill(p.born[0]);
    await dob.getByLabel('Month').fill(p.born[1]);
    await dob.getByLabel('Year').fill(p.born[2]);
  }
  if (p.description) await ds.getByLabel('Description (optional)').fill(p.description);
  await ds.getByRole('button', { name: 'Continue' }).click();
}

test('a schedule recorded at the desk shows under its provision on the phone offline and its vehicle is found', async ({
  browser,
}) => {
  const { context, page: p } = await phone(browser);
  await enrol(p, 'PC-DEMO-03');

  // At the desk: the order's schedules, none yet.
  const desk = await browser.newContext({ baseURL: `http://localhost:${process.env.SYNC_E2E_PORT}` });
  const ds = await desk.newPage();
  await signedInSupervisor(ds);
  await ds.goto('/supervise/nominals/N-0010');
  await ds.getByRole('link', { name: /^The schedules of order / }).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText(/^Schedules of order /);
  await expect(ds.getByRole('main')).toContainText('No schedule of this order is recorded yet');
  await noViolations(ds, 'the order’s schedules, none yet');

  // A new schedule: nothing answered says what is missing, at each question.
  await ds.getByRole('button', { name: 'Add a schedule' }).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Add a schedule');
  await noViolations(ds, 'add a schedule');
  await ds.getByRole('button', { name: 'Continue' }).click();
  const summary = ds.locator('.error-summary');
  await expect(summary).toContainText("Enter the schedule's number as the order gives it");
  await expect(summary).toContainText('Select the provisions that refer to this schedule');
  await expect(summary).toContainText("Select what the schedule's first entry is");
  await noViolations(ds, 'add a schedule, with errors');
  await ds.getByLabel('Its number, as the order gives it').fill('Schedule 1');
  await ds.getByRole('checkbox', { name: PROVISION }).check();
  await ds.getByRole('radio', { name: 'A person' }).check();
  await ds.getByRole('button', { name: 'Continue' }).click();

  // The first person, check answers, recorded.
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Add a person to Schedule 1');
  await noViolations(ds, 'a person’s questions');
  await addPerson(ds, {
    name: 'Oswin HARROWGATE',
    aliases: 'Oz',
    born: ['7', '2', '1988'],
    description: 'Former co-director; beard, walks with a stick.',
  });
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Check the schedule before recording it');
  await expect(ds.getByRole('main')).toContainText(
    'Adds a person: Oswin HARROWGATE (also known as Oz), born 7 Feb 1988.',
  );
  await noViolations(ds, 'check the schedule');
  await ds.getByRole('button', { name: 'Record the schedule' }).click();
  await expect(ds.locator('.panel')).toContainText('Schedule 1 recorded');
  await noViolations(ds, 'schedule recorded');

  // A second person and a vehicle, each its own change.
  await ds.getByRole('link', { name: 'Add a person to Schedule 1' }).click();
  await addPerson(ds, { name: 'Linnet PARRISH' });
  await ds.getByRole('button', { name: 'Record the schedule' }).click();
  await expect(ds.locator('.panel')).toContainText('Schedule 1 recorded');
  await ds.getByRole('link', { name: 'Add a vehicle to Schedule 1' }).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Add a vehicle to Schedule 1');
  await ds.getByLabel('Registration').fill('kp19 wxz');
  await ds.getByLabel('Make and model (optional)').fill('Vauxhall Astra');
  await ds.getByLabel('Colour (optional)').fill('Silver');
  await noViolations(ds, 'a vehicle’s questions');
  await ds.getByRole('button', { name: 'Continue' }).click();
  await expect(ds.getByRole('main')).toContainText('Adds a vehicle: KP19 WXZ, Silver Vauxhall Astra');
  await ds.getByRole('button', { name: 'Record the schedule' }).click();
  await ds.getByRole('link', { name: "Go to the order's schedules" }).click();
  await expect(ds.getByRole('table', { name: 'People in Schedule 1' }).getByRole('row')).toHaveCount(3);
  await expect(ds.getByRole('table', { name: 'Vehicles in Schedule 1' })).toContainText('KP19 WXZ');
  await noViolations(ds, 'the order’s schedules');
  // Correcting an entry asks why.
  await ds.getByRole('link', { name: 'Correct Linnet PARRISH' }).click();
  await expect(ds.getByRole('heading', { level: 1 })).toHaveText('Correct the person on Schedule 1');
  await noViolations(ds, 'correct a person');
  await ds.getByRole('button', { name: 'Continue' }).click();
  await ds.getByRole('button', { name: 'Record the schedule' }).click();
  await expect(ds.locator('.error-summary')).toContainText('Enter the reason for the change');
  await noViolations(ds, 'check a correction, with errors');
  await desk.close();

  // The phone's next sync, then offline.
  await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Device' }).click();
  const log = p.locator('#sync-log li');
  const before = await log.count();
  await p.getByRole('button', { name: 'Sync now' }).click();
  await expect(log).toHaveCount(before + 1);
  await context.setOffline(true);
  try {
    await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cohort' }).click();
    await nominalLink(p, /^HEDGECOMBE/).click();
    await p.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
    const provision = p.locator('li.condition').filter({ hasText: PROVISION });
    await expect(provision.getByRole('heading', { name: 'Schedule 1' })).toBeVisible();
    const entries = provision.locator('.schedule li');
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toHaveText(
      'Oswin HARROWGATE (also known as Oz), born 7 Feb 1988. Former co-director; beard, walks with a stick.',
    );
    await expect(entries.nth(1)).toHaveText('Linnet PARRISH');
    await expect(entries.nth(2)).toHaveText('KP19 WXZ, Silver Vauxhall Astra');

    // The search, the registration typed without its space in lower case.
    await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cohort' }).click();
    await p.getByRole('link', { name: 'Is this person, address or vehicle on a schedule?' }).click();
    await p.getByLabel('Name, alias, street or registration').fill('kp19wxz');
    await expect(p.getByRole('status')).toHaveText('1 match');
    const result = p.locator('.cohort-list__item');
    await expect(result).toHaveCount(1);
    await expect(result).toContainText('KP19 WXZ, Silver Vauxhall Astra');
    await expect(result).toContainText(`Matched on registration. Schedule 1: ${PROVISION}`);
    await expect(result.getByRole('link')).toHaveText(/^HEDGECOMBE, Marisol/);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});
