// Step 8: tamper with each credential and watch the server notice.
//
// Coat-check: the sid is HttpOnly, so a script can neither read it nor
// overwrite it. It can, though, add a second cookie named sid on a narrower
// Path ("cookie tossing"): the browser sends the narrower one first, so the
// server really receives a made-up id. That is the honest test of a forged
// ticket, and the reason a session id must be unguessable, not merely hidden.
//
// Passport: anyone can edit the claims; the signature check catches it.

import { send, sessionCall, tokenCall } from './api.js';
import { flipPayloadCharacter, forgeAlgNone } from './jwt.js';
import { state } from './state.js';

/** 43 characters, the shape of a real 256-bit base64url id, but obviously made up. */
const forgedSid = `forged${'A'.repeat(37)}`;
const narrowPath = '/session/me';

function cookieNote(text) {
  return `Cookie: ${text}`;
}

/** The coat-check half: returns its exchanges and a sentence on what happened. */
async function tamperWithSession() {
  // 1. Overwrite sid on Path=/ — refused while an HttpOnly sid exists.
  document.cookie = `sid=${forgedSid}; Path=/; SameSite=Lax`;
  const planted = document.cookie.includes(`sid=${forgedSid}`);
  const s1 = await sessionCall('GET', '/session/me', undefined,
    planted ? 'a sid written by JavaScript (there was no HttpOnly one to protect)' : 'after JavaScript tried to overwrite sid');
  s1.cookieNote = cookieNote(planted
    ? `sid=${forgedSid}  ← made up by JavaScript`
    : 'sid=…  ← still your real one: the browser refused the overwrite');
  if (planted) document.cookie = 'sid=; Path=/; Max-Age=0';

  // 2. A second sid on a narrower path: the browser sends it first.
  document.cookie = `sid=${forgedSid}; Path=${narrowPath}; SameSite=Lax`;
  const s2 = await sessionCall('GET', narrowPath, undefined, `a made-up sid, added on Path=${narrowPath}`);
  s2.cookieNote = cookieNote(`sid=${forgedSid}; sid=…  ← the made-up one first (longer Path), then yours if you hold one`);
  document.cookie = `sid=; Path=${narrowPath}; Max-Age=0`;

  const overwrite = planted
    ? 'There was no HttpOnly sid, so JavaScript could write one; the server had never issued it: '
    : 'JavaScript could not overwrite the HttpOnly sid (the first call still carried yours: ';
  const firstResult = `${s1.status}${s1.json?.error ? ` ${s1.json.error}` : ''}`;
  const sentence = `Coat-check: ${overwrite}${firstResult}${planted ? '.' : ').'} `
    + `A script can still add a second sid on a narrower path, and the browser sends that one first; the server hashed the made-up id, `
    + `found no entry and answered ${s2.status}${s2.json?.error ? ` ${s2.json.error}` : ''}. The ticket carries no data to edit: `
    + 'it is only safe because nobody can guess a real one. '
    + `Same test from a terminal: curl -i -H 'Cookie: sid=${forgedSid}' ${location.origin}/session/me`;
  return { exchanges: [s1, s2], sentence };
}

export async function tamper() {
  const session = await tamperWithSession();
  if (!state.token.access) {
    return { session: session.exchanges, token: [], narration: `${session.sentence} Passport: sign in first to get a token to tamper with.` };
  }
  const t1 = await tokenCall('GET', '/token/me', flipPayloadCharacter(state.token.access), undefined, 'one character of the claims changed');
  const t2 = await tokenCall('GET', '/token/me', forgeAlgNone(state.token.access), undefined, 'alg "none", no signature, admin:users added');
  const t3 = await send({ method: 'GET', path: '/token/me', credentials: 'omit', label: 'no Authorization header at all' });
  return {
    session: session.exchanges, token: [t1, t2, t3],
    narration: `${session.sentence} — Passport: anyone can read and edit the claims, but the signature covers them: `
      + `one changed character gives ${t1.status}, alg "none" gives ${t2.status} (read error_description and WWW-Authenticate), `
      + `and no token at all gives ${t3.status} with a bare WWW-Authenticate: Bearer challenge.`,
  };
}
