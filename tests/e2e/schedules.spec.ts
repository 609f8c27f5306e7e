// An order's schedules on the phone, offline: the demo's Schedule 1 of Rosalind QUARRIE's order
// (two people and a vehicle) shows under the no-contact provision that names it, and the
// schedule search finds the vehicle by its registration however it is typed. Names, addresses
// and registrations are the demo's, all invented.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { openNominal, setUpWithDemo, unlock } from './support';

async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
}

test('offline: a schedule shows under its provision and the search finds its vehicle', async ({
  page,
  context,
}) => {
  await setUpWithDemo(page);
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();

    // Under the provision that names it: Schedule 1, its two people and the vehicle.
    await openNominal(page, 'QUARRIE');
    await page.getByRole('main').getByRole('link', { name: 'Order and conditions' }).click();
    const provision = page
      .locator('li.condition')
      .filter({ hasText: 'No contact of any kind with the people in Schedule 1.' });
    await expect(provision.getByRole('heading', { name: 'Schedule 1' })).toBeVisible();
    const entries = provision.locator('.schedule li');
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toHaveText(
      'Alder VANCE (also known as Ally V), born 14 Mar 1986. Former co-defendant; tall, shaved head, scar on left hand.',
    );
    await expect(entries.nth(1)).toContainText('Merewen THORNBURY');
    await expect(entries.nth(2)).toHaveText('QX71 ZTV, Grey Ford Transit');
    // Schedule 2 (premises) is under its own provision, not this one.
    await expect(provision).not.toContainText('Cobble Yard');
    const premises = page
      .locator('li.condition')
      .filter({ hasText: 'Keep out of the premises in Schedule 2.' });
    await expect(premises).toContainText('Unit 4, Cobble Yard, Testford');
    // A provision naming no schedule shows none.
    const travel = page.locator('li.condition').filter({ hasText: 'travel abroad' });
    await expect(travel.locator('.schedule')).toHaveCount(0);
    expect(await axeViolations(page), 'conditions with schedules').toEqual([]);

    // From the cohort, the search: the registration typed in lower case with a space.
    await page.getByRole('link', { name: 'Cohort', exact: true }).click();
    await page
      .getByRole('link', { name: 'Is this person, address or vehicle on a schedule?' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Is this person, address or vehicle on a schedule?' }),
    ).toBeVisible();
    const search = page.getByLabel('Name, alias, street or registration');
    await search.fill('qx71 ztv');
    await expect(page.getByRole('status')).toHaveText('1 match');
    const result = page.locator('.cohort-list__item');
    await expect(result).toHaveCount(1);
    await expect(result).toContainText('QX71 ZTV, Grey Ford Transit');
    await expect(result.getByRole('link')).toHaveText('QUARRIE, Rosalind');
    await expect(result).toContainText(
      'Matched on registration. Schedule 1: No contact of any kind with the people in Schedule 1.',
    );
    expect(await axeViolations(page), 'schedule search with a match').toEqual([]);

    // By alias, and by street; nothing for someone on no schedule.
    await search.fill('ally');
    await expect(result).toHaveCount(1);
    await expect(result).toContainText('Matched on alias');
    await search.fill('cobble yard');
    await expect(result).toContainText('Unit 4, Cobble Yard, Testford');
    await search.fill('Nobody Atall');
    await expect(page.getByRole('status')).toHaveText(
      'Nothing on your nominals\u2019 schedules matches \u201cNobody Atall\u201d',
    );
    await expect(result).toHaveCount(0);

    // The nominal's name leads to their order and conditions.
    await search.fill('QX71ZTV');
    await result.getByRole('link', { name: /QUARRIE/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Order and conditions' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
