#!/usr/bin/env node
// Size check, run by `make test` after the release build (scripts/test.sh, step build): the
// app's code as a phone downloads it (wasm + JS + CSS of dist/, each gzip -9, the .br/.gz copies
// left out) must not pass the budget. Prints the figures either way; exits 1 over budget.
//
// The goal is 250 kB (issue 10). The app is not there yet, so the budget is a ratchet: the size
// of main when it was last lowered, plus 1 % for noise. Lower it whenever the app shrinks; raise
// it only with a reason in the commit message (what was added and what it costs), so that the
// size never grows back unseen. `make bench` gives the full table (brotli, every file).
//
// Usage: node scripts/size-check.mjs [dist]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appCode, compressed } from './sizes.mjs';

const GOAL = 250_000;
// Raised from 621,000 (issue 11): the phones keep and show the DS's breach decisions (a record
// type read from pulls and cohort files, checked on import, kept in a store of its own, shown on
// the history and the print view), +6.9 kB gzip of wasm (593.1 -> 600.0 kB). Raised by the least
// amount: to the size measured then (622,579 bytes), rounded up to the next 100 bytes.
// Issue 12 (photo exhibits on the phone and on the team server, the s.25 evidence pack, the
// recall referral to probation) allows the wasm to grow 40 kB gzip. Measured on this script's
// figures (wasm + JS + CSS; the wasm alone in brackets), before issue 12 at 415c493 it was
// 622.6 kB (604.5). What each part added, each measured on its own branch: exhibits in the
// cohort +7.1, the exhibit screens and store +35.5, the evidence pack +17.4, exhibits on the
// team server +0.9, the referral's records +11.6, the referral's screens +34.4 (after 6.2 won
// back in the same change). What the size passes won back, in wasm: the own path-tracking JSON
// reader (domain::json_de) -17.7, outbox records written as text -4.7, dates by hand -5.9, the
// draft hook compiled once -12.1, one set of print controls -0.4 (then one referral per breach
// report +0.2, the status form's error summary moved +0.05); then each type read in the one
// JSON shape it is written in (no visit_seq for structs and the like) -20.5, one EnumAccess for
// both enum shapes -0.8, record dates read by hand (domain::iso, no chrono parser) -7.3, no
// serde_json::to_value for submitted records -4.9; then history entries that open their breach
// report or referral, and the report's page saying "submitted" only straight after submitting,
// +0.55. Issue 12 ends at 657.5 kB (638.8): +34.9 kB (+34.3 of wasm), inside its allowance. The
// budget is that size (657,457 bytes) rounded up to the next 100.
// Raised for rules that were wrong or unsafe, not for features: the id grammar checked on every
// id field and the text bounds on every stored field (issue 24), provisions and variations
// replayed in order with the checks on import (issue 19, items 4-8): 657.1 -> 660.3 kB (+3.2;
// the sync fixes of items 11-13 are server-side only). Then the referral's "Made: not sent yet",
// release-day briefings due from 14 days before to 28 days after release and "no release-day
// briefing on record", and five wordings built in the domain (items 17, 19, 20): +1.9 -> 662.2 kB
// (wasm 643.3). Then the rest of issue 19, measured branch by branch on 662.2: recall refused
// without a licence in force, charge as a fourth level with the admission and caution questions,
// in_community custody and the short references (items 1-3, 21) +3.1 before references; photo
// exhibits on the print view, one reference sequence, the photo on the check page, the DS's
// decision on the report page and the cohort badges (14-16, 22) +6.1; the breach day asked
// first with that day's provisions, notifications judged on their event's day (9, 10, 18) +2.0;
// the nominal page split in three with its routes, the enrol-first welcome and the officer's
// contact kept encrypted (23, 25) +6.8; merged with the references: 685.2 kB (wasm 666.0). The
// budget is that size rounded up to the next 100. Issue 20 (the layout, no behaviour change):
// the desk's tables scroll in their own region with the first column kept, in the stylesheet the
// desk shares with the app, +109 B (CSS 5,491 B); the domain in folders and the UI's session
// owning sync move code between modules, wasm 666.0 -> 666.2 kB (666,220 B): 685,484 B in all.
// Issue 21: the order's schedules on the phone (a v6 store, shown under each provision, and the
// offline search "is this person, address or vehicle on a schedule?") +13.3 kB as the schedules
// branch measured it (domain and store +5.2, views +8.1): 698.8 kB. Taken knowingly, for a
// feature the issue asks of the phone; issue 22 lowers the budget to 600 kB. Then "Released
// today?" in the release-day briefing (issue 21 item 5: the field record, its form with the
// licence's last day and the probation practitioner, a v7 store, the phone showing its own
// release until the server's versions arrive) and the schedules' natural order: +8.4 kB on
// main, 707.2 kB, rounded up to the next 100. Taken knowingly again; issue 22 is the place to
// win it back. Issue 22 item 1 (the phone's half): the three printouts (breach report print view,
// s.25 evidence pack, police information for Part A) built once in the domain as documents
// (src/domain/document/) and drawn by one renderer (src/ui/pages/breach/document.rs) instead of
// three sets of views (-1.5 kB), and the report's page using the renderer's rows (-0.5 kB):
// 707,148 -> 705,187 B (wasm 687,858 -> 685,899), rounded up to the next 100. (`into_any()` on
// every route's view in src/ui/mod.rs was tried on the way: +0.3 kB, not kept: the pages
// already return `AnyView`s.) Then a release after a recall (issue 21): the phone keeps the
// recall through the release it records, asks "Released today?" again after a recall, and counts
// the licence a recall ended when a breach is dated in it: +0.8 kB, 706.0 kB, rounded up to the
// next 100. A rule the phone must apply offline; issue 22 is still where the budget comes down.
const BUDGET = 706_100;

const dist = process.argv[2] ?? 'dist';
const files = appCode(dist);
if (!files.some((f) => f.endsWith('.wasm'))) {
  console.error(`size-check: no .wasm in ${dist}/: build first (trunk build --release --offline)`);
  process.exit(2);
}
let total = 0;
for (const f of files) {
  const gz = compressed(readFileSync(path.join(dist, f)), { brotli: false }).gzip;
  total += gz;
  console.log(`  ${f.padEnd(48)} ${(gz / 1000).toFixed(1).padStart(8)} kB gzip`);
}
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`  wasm + JS + CSS: ${kb(total)} gzip; budget ${kb(BUDGET)} (goal ${kb(GOAL)})`);
if (total > BUDGET) {
  console.error(`size-check: the app grew past its budget by ${kb(total - BUDGET)}. Find what grew (twiggy top on`);
  console.error('target/wasm32-unknown-unknown/release/scpo-field.wasm) or raise BUDGET with a reason.');
  process.exit(1);
}
