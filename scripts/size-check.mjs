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
// Raised again (issue 12's first step): the cohort now carries photo exhibits and their
// withdrawals (two record types read from pulls, cohort files and the store), +7.1 kB gzip
// (622.6 -> 629.7 kB) before any screen uses them. Issue 12 allows 40 kB for all of it;
// this counts against that.
// Raised again (issue 12, photo exhibits on the phone: capture, hash, encrypted photo store,
// view, withdraw, export): +35.5 kB gzip in all. With the 7.1 kB above that is 42.6 kB, past the
// 40 kB issue 12 allows for everything; to be won back before issue 12 is done (see the note).
// Raised again (issue 12, the s.25 evidence pack: the pack page and its rules, how the person is
// bound (s.10) on the order, "Any explanation given" on the breach report): +17.4 kB gzip. Issue
// 12 has now cost 60.0 kB (622.6 -> 682.6) against its 40 kB allowance, with the recall referral's screens and
// the server's side of exhibits still to come: the size pass comes first next (see the note).
// Raised again (issue 12, exhibits to the team server: the sync engine uploads each exhibit's
// photo before the push that carries its record; exhibits pulled and removed with their
// nominal; the outbox names them): +0.9 kB on this measure (682.6 -> 683.5 kB;
// the wasm alone 659,610 -> 660,311 bytes gzip -9).
// Raised again (issue 12, the recall referral's data side, merged after the two above): the
// phones keep recall referrals and their status updates (two record types read from pulls and
// cohort files, checked on import, kept in two stores, shown on the history): +11.6 kB on this
// measure (682.6 -> 694.2 kB; +12.85 kB of gzip -9 wasm measured on its branch).
// Raised again (issue 12, the recall referral's screens: the question flow with its draft, check
// answers, the referral's page with its status history and update, the A4 police information
// for Part A, the links from the breach report and the nominal page): +34.4 kB (694.2 -> 728.6
// kB, 728,610 bytes, rounded up to the next 100), after winning back 6.2 kB in the same change
// (one compiled Store::submit path for every record kind; the referral's draft kept as a list of
// strings; the referral's summary drawn with the evidence pack's rows). Issue 12 has now cost
// 106.0 kB against its 40 kB allowance: the size pass must win back the difference before
// issue 12 is done.
const BUDGET = 728_700;

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
