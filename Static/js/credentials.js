// Rendering what each side holds in the browser: a ticket the page cannot
// read, or a token anyone can read. Through dom.js's safe helpers only.

import { clock, display, el, pre, show } from './dom.js';
import { decodeJWT } from './jwt.js';

function term(name, value, id) {
  return [el('dt', { text: name }), el('dd', { id }, ...[value].flat())];
}

/** Coat-check credential: a cookie the page can name but not read. */
export function renderSessionCredential(node, session, inspect) {
  const visible = document.cookie;
  const user = session.user;
  const mine = user && sessionsOf(inspect, user.username)[0];
  let signedIn = 'nobody, as far as this page knows';
  if (user) signedIn = `${user.username} (id ${user.id}${user.role ? `, ${user.role}` : ''})`;
  else if (session.forgotten) signedIn = 'nobody: the browser still sends its sid, but the server answered 401 no_session';
  show(node, el('dl', {},
    term('Cookie', [el('code', { text: 'sid' }), ' — HttpOnly, SameSite=Lax: the browser keeps it and sends it, JavaScript cannot read it.']),
    term('document.cookie', [el('code', { text: visible || '(empty)' }),
      visible ? ' (other, non-HttpOnly cookies)' : user ? ' — the sid is there, yet invisible to this page' : '']),
    term('Signed in as', signedIn, 'session-user'),
    term('Your entry in server memory', mine
      ? [el('code', { text: mine.sid_sha256_prefix }), ` — the newest entry for ${user.username}; the server shows only the first 8 hex characters of SHA-256(sid).`]
      : user ? 'none found: the server holds no live session for this user' : '—'),
  ));
}

function sessionsOf(inspect, username) {
  const sessions = inspect?.memory?.sessions;
  if (!Array.isArray(sessions)) return [];
  return sessions.filter((s) => s.username === username)
    .sort((a, b) => String(b.last_seen_at).localeCompare(String(a.last_seen_at)));
}

/** What each registered claim (RFC 7519) means, in a few words. */
const claimMeanings = {
  iss: 'issuer: who signed it', aud: 'audience: who should accept it', sub: 'subject: the user id',
  role: 'role, copied at sign-in', scope: 'what it may do, copied at sign-in', iat: 'issued at',
  nbf: 'not valid before', exp: 'expires at', jti: 'token id (for a denylist)',
};
const timeClaims = new Set(['iat', 'nbf', 'exp']);

/** Who and what first, then the fine print; unknown claims last. */
const claimOrder = ['sub', 'role', 'scope', 'iss', 'aud', 'iat', 'nbf', 'exp', 'jti'];
const rank = (name) => (claimOrder.includes(name) ? claimOrder.indexOf(name) : claimOrder.length);

/** The claims as a table: name, value (times also as clock time), meaning. */
function claimsTable(claims) {
  const entries = Object.entries(claims).sort(([a], [b]) => rank(a) - rank(b));
  const rows = entries.map(([name, value]) => {
    const shown = timeClaims.has(name) && Number.isFinite(Number(value)) ? `${value}  (${timeOf(value)})` : display(value);
    return el('tr', {}, el('th', { scope: 'row', text: name }), el('td', { 'data-claim': name, text: shown }),
      el('td', { class: 'meaning', text: claimMeanings[name] ?? '' }));
  });
  return el('div', { class: 'table-wrap' }, el('table', { class: 'claims' }, el('tbody', {}, rows)));
}

/** The compact token with its three parts coloured: header.payload.signature. */
function tokenParts(token) {
  const [header, payload, signature] = String(token).split('.');
  return el('pre', { class: 'raw token' },
    el('span', { class: 'jwt-header', text: header }), '.',
    el('span', { class: 'jwt-payload', text: payload }), '.',
    el('span', { class: 'jwt-signature', text: signature ?? '' }));
}

/** Passport credential: the whole token, readable by anyone who holds it. */
export function renderTokenCredential(node, token) {
  if (!token.access) return show(node, el('p', { class: 'empty', text: 'No token held. Sign in to get one.' }));
  let decoded;
  try {
    decoded = decodeJWT(token.access);
  } catch (error) {
    return show(node, el('p', { class: 'error', text: `Cannot decode the access token: ${error.message}` }), pre(token.access, 'token'));
  }
  const { header, claims } = decoded;
  show(node,
    token.notice ? el('p', { class: 'notice', text: token.notice }) : null,
    el('dl', { class: 'stacked' },
      term('Access token: a JavaScript variable, three base64url parts (header.claims.signature)', tokenParts(token.access)),
      term('Header, decoded (no key needed)', el('code', { text: JSON.stringify(header) })),
      term('Claims, decoded: anyone holding the token can read them; only the signature stops edits', claimsTable(claims), 'token-claims'),
      term('Lifetime', [`expires ${timeOf(claims.exp)}: `,
        el('span', { class: 'countdown', 'data-exp': Number(claims.exp) || '', 'aria-live': 'off' }, countdownText(claims.exp))]),
      term('Refresh token: a JavaScript variable, sent only to /token/refresh and /token/logout', token.refresh
        ? [pre(token.refresh, 'token'), token.refreshPrefix ? ['SHA-256 prefix ', el('code', { text: token.refreshPrefix }), ' — marked “yours” in the database below.'] : null]
        : '(none held)'),
    ));
}

function timeOf(seconds) {
  return Number.isFinite(Number(seconds)) ? clock(new Date(Number(seconds) * 1000).toISOString()) : '?';
}

/** "expires in 4:51" / "expired 12 s ago (the server allows its leeway first)". */
export function countdownText(exp) {
  const left = Math.round(Number(exp) - Date.now() / 1000);
  if (!Number.isFinite(left)) return 'no exp claim';
  if (left >= 0) return `in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return `expired ${-left} s ago (the server still accepts it for its leeway, 30 s by default)`;
}
