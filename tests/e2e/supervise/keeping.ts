// Keeping the cohort at the desk through its pages, as a new DS would: record a nominal, an
// order from the sealed order, its provisions from the order's text, and a variation. Shared by
// supervise/keep-nominal.spec.ts and sync/desk-to-phone.spec.ts. Every name is invented.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { axeViolations } from '../axe';

export const ORDER_TEXT = readFileSync(new URL('../fixtures/sealed-order.txt', import.meta.url), 'utf8');

/** The summaries given to the three provisions of ORDER_TEXT, in its order. */
export const SUMMARIES = [
  'Keep out of the premises in Schedule 2.',
  'Ask police at least 7 clear days before travel abroad.',
  'Tell police about any vehicle used within 3 days.',
];

const FAMILIES = ['Premises', 'Travel', 'Notification requirements'];

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** axe in the light and dark colour schemes, on the narrowest phone and at a desk; the page
 * is left at 1280 px. `what` names the page in a failure (its address if not given). */
export async function scan(page: Page, what = '') {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `${what || page.url()} at ${width} px`).toEqual([]);
  }
}

/** A date `days` (and `years`) from today in London, where the desk and the phones keep
 * their days, as the boxes take it. */
export function day(days: number, years = 0): [string, string, string] {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-')
    .map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d + days));
  return [String(t.getUTCDate()), String(t.getUTCMonth() + 1), String(t.getUTCFullYear())];
}

/** The minute `ms` falls in, in London, as a `<time datetime>` of the desk writes it
 * ("2026-12-08T14:05"). */
export function londonMinute(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(ms))
    .replace(' ', 'T');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as the pages write it: "8 Dec 2026". */
export function inWords([d, m, y]: [string, string, string]): string {
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

export async function fillDate(page: Page, legend: string, [d, m, y]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(d);
  await group.getByLabel('Month').fill(m);
  await group.getByLabel('Year').fill(y);
}

export interface NewNominal {
  given: string;
  family: string;
  alias: string;
  /** The offender manager's name as the officer list shows it. */
  officer: string;
}

/** Each question page of /supervise/nominals/new, answered; `atEach` runs on every page
 * (and on check your answers) before it is submitted. Ends on the new nominal's page; returns
 * their id. */
export async function recordNominal(page: Page, n: NewNominal, atEach: (what: string) => Promise<void> = async () => {}) {
  await page.goto('/supervise/nominals/new');
  await expect(heading(page)).toHaveText('What is their name?');
  await atEach('name');
  await page.getByLabel('Given name').fill(n.given);
  await page.getByLabel('Family name').fill(n.family);
  await page.getByLabel('Aliases (optional)').fill(n.alias);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('What is their date of birth?');
  await fillDate(page, 'Date of birth', ['17', '5', '1984']);
  await atEach('date of birth');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Their risk rating');
  await page.getByLabel('High', { exact: true }).check();
  await fillDate(page, 'When was the risk last reviewed?', day(-10));
  await atEach('risk');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Their address and phone');
  await page.getByLabel('Address (optional)').fill('4 Invented Row, Exampleton, EX1 2ZZ');
  await atEach('address and phone');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Where is the nominal now?');
  await page.getByLabel('In the community with no licence').check();
  await atEach('custody');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Their custody dates');
  await fillDate(page, 'Since when?', day(-60));
  await atEach('custody dates');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Who is their offender manager?');
  await page.getByLabel('Offender manager').selectOption({ label: n.officer });
  await atEach('offender manager');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Check your answers before recording the nominal');
  const main = page.getByRole('main');
  await expect(main).toContainText(`${n.given} ${n.family}`);
  await expect(main).toContainText('17 May 1984');
  await expect(main).toContainText('In the community with no licence');
  await atEach('check your answers');
  await page.getByRole('button', { name: 'Record the nominal' }).click();
  await expect(page).toHaveURL(/\/supervise\/nominals\/N-[0-9A-F]{8}\?done=recorded$/);
  return new URL(page.url()).pathname.split('/').pop() as string;
}

/** The order (court reference `reference`, in force from 20 days ago) recorded from
 * orders/new, one question a page; ends on "Order recorded". */
export async function recordOrder(page: Page, nominalId: string, reference: string) {
  await page.goto(`/supervise/nominals/${nominalId}/orders/new`);
  await expect(heading(page)).toHaveText('Which court made the order?');
  await page.getByLabel('Court', { exact: true }).fill('Crown Court at Exampleton');
  await page.getByLabel('Court reference').fill(reference);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('When was the order granted?');
  await fillDate(page, 'Date granted', day(-30));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('When does the order come into force?');
  await page.getByLabel('On a date').check();
  await fillDate(page, 'If on a date: the date it comes into force', day(-20));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText("What is the order's last day?");
  await fillDate(page, 'Last day', day(-20, 4));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('How is the person bound by the order?');
  await page.getByLabel('Served with notice of the order').check();
  await fillDate(page, 'If served: the date served', day(-25));
  await page.getByLabel('In person').check();
  await page.getByLabel('Who served them').fill('PC Example Officer');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Check your answers before recording the order');
  await page.getByRole('button', { name: 'Record the order' }).click();
  await expect(heading(page)).toHaveText('Order recorded');
}

/** From "Order recorded": the three provisions of ORDER_TEXT, each confirmed on its page. */
export async function recordProvisions(page: Page) {
  await page.getByRole('link', { name: "Add the order's provisions" }).click();
  await expect(heading(page)).toHaveText("Add the order's provisions");
  await page.getByLabel("The provisions' wording").fill(ORDER_TEXT);
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const [i, summary] of SUMMARIES.entries()) {
    await expect(heading(page)).toHaveText(`Provision ${i + 1} of 3`);
    await expect(page.getByLabel(FAMILIES[i], { exact: true })).toBeChecked();
    await page.getByLabel('Plain-English summary').fill(summary);
    await page.getByRole('group', { name: 'Is it mirrored in the licence?' }).getByLabel('No', { exact: true }).check();
    if (i === 0) await page.getByLabel('No duty to notify').check();
    await page.getByRole('button', { name: 'Confirm this provision' }).click();
  }
  await expect(heading(page)).toHaveText('Check the provisions before recording them');
  await page.getByRole('button', { name: 'Record the 3 provisions' }).click();
  await expect(heading(page)).toHaveText('Provisions recorded');
}
