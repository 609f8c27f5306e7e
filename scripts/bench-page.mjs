// In-page halves of the benchmark (scripts/bench.mjs). Each function is serialised by Playwright
// and runs inside the page, so it may use nothing from this module's scope.

/**
 * Page init script for one cached-start run. Watches the DOM from the first byte and records
 * performance.now() (ms since navigation start) at each milestone, "painted" meaning after a
 * double requestAnimationFrame. For the app it also plays the officer: as soon as the unlock
 * screen has painted, it types the passcode and taps Unlock (found by their visible text).
 * Resolves window.__bench with the marks.
 */
export function startProbe({ kind, passcode }) {
  const afterPaint = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const byText = (selector, text) =>
    [...document.querySelectorAll(selector)].find((e) => e.textContent.trim() === text);
  const marks = {};
  let resolveDone;
  window.__bench = new Promise((resolve) => (resolveDone = resolve));
  let stage = kind === 'empty' ? 'empty' : 'passcode';
  const finish = () => {
    observer.disconnect();
    marks.controlled = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
    marks.rows = document.querySelectorAll('li.cohort-list__item').length;
    resolveDone(marks);
  };
  const step = () => {
    if (stage === 'empty' && document.querySelector('h1')) {
      stage = 'waiting';
      afterPaint().then(() => {
        marks.painted = performance.now();
        finish();
      });
    } else if (stage === 'passcode') {
      const button = byText('button', 'Unlock');
      const label = byText('label', 'Passcode');
      const input = label && document.getElementById(label.htmlFor);
      if (!button || !input) return;
      stage = 'waiting';
      afterPaint().then(() => {
        marks.passcodePainted = performance.now();
        input.value = passcode;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        marks.unlockTapped = performance.now();
        button.click();
        stage = 'cohort';
        step();
      });
    } else if (stage === 'cohort') {
      if (!byText('h1', 'Cohort') || !document.querySelector('li.cohort-list__item')) return;
      stage = 'waiting';
      afterPaint().then(async () => {
        marks.cohortPainted = performance.now();
        marks.kdf = await keyDerivation(passcode);
        finish();
      });
    }
  };
  // The unlock's key derivation as the app does it (PBKDF2-SHA256, 600,000 iterations, a
  // 16-byte salt, to an AES-KW key), timed on its own in the same throttled page, so that the
  // app's own work after Unlock can be told apart from the cost of the passcode hashing.
  const keyDerivation = async (secret) => {
    const raw = new TextEncoder().encode(secret);
    const base = await crypto.subtle.importKey('raw', raw, 'PBKDF2', false, ['deriveKey']);
    const start = performance.now();
    await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 600_000 },
      base,
      { name: 'AES-KW', length: 256 },
      false,
      ['unwrapKey'],
    );
    return performance.now() - start;
  };
  const observer = new MutationObserver(step);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * One keystroke in the cohort search. Waits for a quiet frame, then at the START of a frame
 * (inside requestAnimationFrame) sets the field's value and dispatches 'input'; a task queued
 * there runs once that frame's style, layout and paint are done, and reads the clock. So the
 * figure is input event → next paint, without the wait for the next vsync (which a double rAF
 * from an arbitrary moment would add). Also returns the rows shown then and two frames later: if
 * they differ, the update missed the frame and the figure would be too low.
 */
export async function keystroke(value) {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const label = [...document.querySelectorAll('label')].find(
    (e) => e.textContent.trim() === 'Search by name, alias or order reference',
  );
  const input = document.getElementById(label.htmlFor);
  const rows = () => document.querySelectorAll('li.cohort-list__item').length;
  await frame();
  await frame();
  const sample = await new Promise((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = performance.now() - start;
      setTimeout(() => resolve({ ms: performance.now() - start, handled, rows: rows() }), 0);
    }),
  );
  await frame();
  await frame();
  return { ...sample, rowsLater: rows() };
}

/**
 * Runs `action` ('cohort-link': tap the header's Cohort link; 'clear': empty the cohort search)
 * and resolves with the ms until
 * `rows` list rows are on screen and painted (double rAF), checked every frame.
 */
export async function untilRowsPainted({ action, rows }) {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const count = () => document.querySelectorAll('li.cohort-list__item').length;
  const start = performance.now();
  if (action === 'cohort-link') {
    [...document.querySelectorAll('header a')].find((a) => a.textContent.trim() === 'Cohort').click();
  } else if (action === 'clear') {
    const input = document.querySelector('input[type="search"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const deadline = start + 300_000;
  while (count() !== rows) {
    if (performance.now() > deadline) throw new Error(`${count()} rows, expected ${rows}`);
    await frame();
  }
  await frame();
  await frame();
  return performance.now() - start;
}
