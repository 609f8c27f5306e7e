// Passkey sign-in and registration for the supervisor's pages (no inline script: the CSP allows
// only files from this origin). The server's WebAuthn options come as JSON with base64url
// strings; the browser wants ArrayBuffers, and the server wants base64url back.
'use strict';

const fromB64 = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
const toB64 = (b) =>
  btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function showProblem(message) {
  const box = document.getElementById('problem');
  box.querySelector('[data-message]').textContent = message;
  box.hidden = false;
  box.focus();
}

async function post(url, body) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || 'Something went wrong. Try again.');
  return data;
}

async function register(form) {
  const code = form.querySelector('[name=code]').value;
  const start = await post('/supervise/api/register/start', { code });
  const pk = start.options.publicKey;
  pk.challenge = fromB64(pk.challenge);
  pk.user.id = fromB64(pk.user.id);
  for (const c of pk.excludeCredentials || []) c.id = fromB64(c.id);
  const cred = await navigator.credentials.create({ publicKey: pk });
  const done = await post('/supervise/api/register/finish', {
    ceremony: start.ceremony,
    credential: {
      id: cred.id,
      rawId: toB64(cred.rawId),
      type: cred.type,
      extensions: cred.getClientExtensionResults(),
      response: {
        attestationObject: toB64(cred.response.attestationObject),
        clientDataJSON: toB64(cred.response.clientDataJSON),
      },
    },
  });
  window.location.assign(done.next);
}

async function signIn(form) {
  const officer = form.querySelector('[name=officer]').value;
  if (!officer.trim()) throw new Error('Enter your officer ID.');
  const start = await post('/supervise/api/sign-in/start', { officer });
  const pk = start.options.publicKey;
  pk.challenge = fromB64(pk.challenge);
  for (const c of pk.allowCredentials || []) c.id = fromB64(c.id);
  const cred = await navigator.credentials.get({ publicKey: pk });
  const r = cred.response;
  const done = await post('/supervise/api/sign-in/finish', {
    ceremony: start.ceremony,
    credential: {
      id: cred.id,
      rawId: toB64(cred.rawId),
      type: cred.type,
      extensions: cred.getClientExtensionResults(),
      response: {
        authenticatorData: toB64(r.authenticatorData),
        clientDataJSON: toB64(r.clientDataJSON),
        signature: toB64(r.signature),
        userHandle: r.userHandle ? toB64(r.userHandle) : null,
      },
    },
  });
  window.location.assign(done.next);
}

for (const form of document.querySelectorAll('form[data-passkey]')) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await (form.dataset.passkey === 'register' ? register(form) : signIn(form));
    } catch (e) {
      // The browser's prompt closed without a passkey: cancelled, or (signing in) none on this
      // device for that officer ID, which the server never says either way.
      const cancelled = e && e.name === 'NotAllowedError';
      const registering = form.dataset.passkey === 'register';
      const noPasskey = registering
        ? 'No passkey was made. Your code still works until it expires: try again.'
        : 'No passkey was used. Check your officer ID, and use a passkey registered for this service.';
      showProblem(cancelled ? noPasskey : e.message);
    } finally {
      button.disabled = false;
    }
  });
}

// A page sent back with problems opens on its error summary (GOV.UK), so a screen reader reads
// it first: every supervisor page loads this file, and no inline script may do it.
function focusErrorSummary() {
  const summary = document.querySelector('.error-summary');
  if (summary && !summary.hidden) summary.focus();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', focusErrorSummary);
else focusErrorSummary();
