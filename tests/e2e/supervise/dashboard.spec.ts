// The team dashboard: per officer and for the unit, what needs doing; each figure a link to the
// list of nominals behind it, and opening a list is logged as a consultation of each (s.62).
// The e2e server's database is shared by every spec, so the figures are read, not assumed.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../axe';
import { cli } from '../server-support';
import { signedInSupervisor } from './support';

test('the dashboard shows the demo unit by officer and a figure opens the list behind it', async ({ page }) => {
  await signedInSupervisor(page);
  const board = page.getByRole('table', { name: 'What needs doing, by officer' });
  for (const officer of ['PC Demo Officer (PC-DEMO-01)', 'PC Second Demo (PC-DEMO-02)', 'PC Third Demo (PC-DEMO-03)', 'Total']) {
    await expect(board.getByRole('columnheader', { name: officer })).toBeVisible();
  }
  for (const figure of [
    'Contacts overdue',
    'Risk reviews due or overdue',
    'Notifications late',
    'Release-day briefings due',
    'No release-day briefing on record',
    'Breach reports awaiting a decision',
    'Recall referrals awaiting an outcome',
    'Orders and provisions ending within 4 weeks',
    'Releases in the next 4 weeks',
  ]) {
    await expect(board.getByRole('rowheader', { name: figure })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Records waiting on phones' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The demo's released nominals have no briefing signed off on the server: the unit's figure
  // is a link, and its list has as many lines as the figure says.
  const total = board.getByRole('link', { name: /Release-day briefings due, Total$/ });
  const count = Number((await total.innerText()).match(/^\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await total.click();
  await expect(page).toHaveURL(/\/supervise\/lists\/briefings-due$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Release-day briefings due');
  const list = page.getByRole('table', { name: `Release-day briefings due: ${count}` });
  await expect(list.locator('tbody tr')).toHaveCount(count);
  const first = (await list.locator('tbody tr th .hint').first().innerText()).trim();
  expect(first).toMatch(/^N-\d{4}$/);
  // Each nominal by name, a link to their page.
  await expect(list.locator('tbody tr th a').first()).toHaveAttribute('href', `/supervise/nominals/${first}`);
  expect(await axeViolations(page)).toEqual([]);

  // Opening the list consulted each nominal on it, and the log says so.
  const today = new Date().toISOString().slice(0, 10);
  const log = cli('audit', '--since', today);
  expect(log).toContain(`,DS-DEMO-01,,consulted,nominal,${first},${first}`);

  // One officer's column opens that officer's lines only.
  await page.getByRole('link', { name: 'Back to your team' }).click();
  const theirs = board.getByRole('link', { name: /Release-day briefings due, PC Demo Officer \(PC-DEMO-01\)$/ });
  if ((await theirs.count()) > 0) {
    await theirs.click();
    await expect(page.getByText('PC Demo Officer (PC-DEMO-01)', { exact: true }).first()).toBeVisible();
    const officers = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(officers.every((o) => o === 'PC Demo Officer (PC-DEMO-01)')).toBe(true);
  }
});
