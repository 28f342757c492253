// Rendering: turns exchanges, credentials and /api/inspect into DOM, through
// the safe helpers in dom.js only.

import { clock, display, el, pre, show, table } from './dom.js';
import { decodeJWT } from './jwt.js';

/** "eyJhbGciOiJFUzI1NiIsInR5…(612 chars)": enough to recognise, short enough to read. */
export function abbreviate(token, keep = 24) {
  const text = String(token);
  return text.length <= keep + 8 ? text : `${text.slice(0, keep)}…(${text.length} chars)`;
}

function statusClass(status) {
  if (!status) return 'status-error';
  return `status-${Math.floor(status / 100)}xx`;
}

/** The request as it went out, minus what the browser adds on its own. */
function requestText(x) {
  const lines = [`${x.method} ${x.path} HTTP/1.1`];
  for (const [name, value] of Object.entries(x.requestHeaders)) {
    lines.push(name === 'Authorization' ? `Authorization: Bearer ${abbreviate(value.slice(7))}` : `${name}: ${value}`);
  }
  if (x.credentials === 'same-origin') {
    lines.push('Cookie: sid=…  ← added by the browser if it holds one; HttpOnly, so JavaScript cannot show it');
  } else {
    lines.push("(no Cookie header: sent with credentials: 'omit')");
  }
  if (x.requestBody !== undefined) {
    const shown = { ...x.requestBody };
    if ('password' in shown) shown.password = '••••••••';
    lines.push('', JSON.stringify(shown, null, 2));
  }
  return lines.join('\n');
}

/** The response as fetch lets JavaScript see it. */
function responseText(x) {
  if (x.error) return `(no response: ${x.error})`;
  const lines = [`HTTP/1.1 ${x.status} ${x.statusText}`];
  for (const [name, value] of x.responseHeaders) lines.push(`${name}: ${value}`);
  if (x.credentials === 'same-origin') {
    lines.push('(Set-Cookie, if sent, is hidden from fetch; see devtools → Network)');
  }
  const body = x.json !== undefined ? JSON.stringify(x.json, null, 2) : x.responseText;
  if (body) lines.push('', body);
  return lines.join('\n');
}

/** One request/response pair with a status badge. */
export function renderExchange(x) {
  const badge = el('span', { class: `status ${statusClass(x.status)}`, text: x.error ? 'network error' : `${x.status}` });
  return el(
    'article',
    { class: 'exchange' },
    el('h4', {}, badge, ' ', el('code', { text: `${x.method} ${x.path}` }), x.label ? ` — ${x.label}` : '', ` (${x.ms} ms)`),
    el('div', { class: 'pair' }, el('div', {}, el('h5', { text: 'Request' }), pre(requestText(x))),
      el('div', {}, el('h5', { text: 'Response' }), pre(responseText(x), statusClass(x.status)))),
  );
}

/** The exchanges of the last step that touched this side, or a hint before any. */
export function renderExchanges(node, exchanges, stepName) {
  if (!exchanges || exchanges.length === 0) return show(node, el('p', { class: 'empty', text: 'No call yet on this side.' }));
  show(node, stepName ? el('p', { class: 'note', text: `From the step “${stepName}”.` }) : null, exchanges.map(renderExchange));
}

function term(name, ...value) {
  return [el('dt', { text: name }), el('dd', {}, ...value)];
}

/** Coat-check credential: a cookie the page can name but not read. */
export function renderSessionCredential(node, session, inspect) {
  const visible = document.cookie;
  const user = session.user;
  const mine = user && sessionsOf(inspect, user.username)[0];
  show(node, el('dl', {},
    term('Cookie', el('code', { text: 'sid' }), ' — HttpOnly, SameSite=Lax: the browser keeps it and sends it, JavaScript cannot read it.'),
    term('document.cookie', el('code', { text: visible ? visible : '(empty)' }),
      visible ? ' (these are other, non-HttpOnly cookies)' : ' — proof that sid is invisible here'),
    term('Signed in as', user ? `${user.username} (id ${user.id}${user.role ? `, ${user.role}` : ''})` : 'nobody, as far as this page knows'),
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
    token.loggedOut ? el('p', { class: 'notice', text: 'Logged out: the refresh family is revoked, but this access token is still a valid signature until exp (unless the server runs with --revocation denylist).' }) : null,
    el('dl', {},
      term('Access token (JS variable)', pre(token.access, 'token')),
      term('Header', pre(JSON.stringify(header, null, 2))),
      term('Claims', pre(JSON.stringify(claims, null, 2))),
      term('Times', `issued ${timeOf(claims.iat)}, expires ${timeOf(claims.exp)} — `,
        el('span', { class: 'countdown', 'data-exp': Number(claims.exp) || '', 'aria-live': 'off' }, countdownText(claims.exp))),
      term('Refresh token (JS variable, never stored)', token.refresh
        ? [pre(token.refresh, 'token'), token.refreshPrefix ? ['SHA-256 prefix ', el('code', { text: token.refreshPrefix }), ' — look for it in the database below.'] : null]
        : '(none held)'),
    ));
}

function timeOf(seconds) {
  return Number.isFinite(Number(seconds)) ? new Date(Number(seconds) * 1000).toLocaleTimeString() : '?';
}

/** "expires in 4:51" / "expired 12 s ago (the server allows its leeway first)". */
export function countdownText(exp) {
  const left = Math.round(Number(exp) - Date.now() / 1000);
  if (!Number.isFinite(left)) return 'no exp claim';
  if (left >= 0) return `expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return `expired ${-left} s ago (the server still allows its small leeway)`;
}

const cartColumn = (lines) => Array.isArray(lines) && lines.length
  ? lines.map((l) => `book ${l.book_id} × ${l.qty}`).join(', ')
  : '(empty)';

const orderColumns = [['id', 'order'], ['user_id', 'user'], ['total_cents', 'total', cents], ['created_at', 'created', clock]];

function cents(value) {
  return Number.isFinite(value) ? `${(value / 100).toFixed(2)}` : display(value);
}

/** Coat-check: memory holds the session table; the database holds orders only. */
export function renderSessionServer(memoryNode, databaseNode, inspect) {
  if (!inspect) return unavailable(memoryNode, databaseNode);
  const memory = inspect.memory || {};
  show(memoryNode,
    el('p', { text: `Session table: ${display(memory.count)} entr${memory.count === 1 ? 'y' : 'ies'}, about ${display(memory.approx_bytes)} bytes.` }),
    table(memory.sessions, [
      ['sid_sha256_prefix', 'SHA-256(sid)…'], ['username', 'user'], ['cart', 'cart', cartColumn],
      ['last_page', 'last page'], ['created_at', 'created', clock], ['last_seen_at', 'last seen', clock],
    ], 'The table is empty: nobody is signed in here.'));
  show(databaseNode,
    el('p', { class: 'note', text: 'No session and no cart rows: the coat-check cart lives only in memory. Orders are lasting data.' }),
    el('h5', { text: 'orders' }), table(inspect.database?.orders, orderColumns));
}

/** Passport: nothing per user in memory; carts, refresh tokens and orders in the database. */
export function renderTokenServer(memoryNode, databaseNode, inspect, token) {
  if (!inspect) return unavailable(memoryNode, databaseNode);
  const db = inspect.database || {};
  show(memoryNode, el('p', { text: 'Nothing per user. Each request carries its token; the server checks the signature with its key and reads everything else from the database.' }));
  const mark = (prefix) => (token.refreshPrefix && prefix === token.refreshPrefix ? `${prefix} ← yours` : display(prefix));
  show(databaseNode,
    el('h5', { text: 'carts' }), table(db.carts, [['user_id', 'user'], ['book_id', 'book'], ['qty', 'qty']]),
    el('h5', { text: 'refresh_tokens (hashed)' }), table(db.refresh_tokens, [
      ['token_sha256_prefix', 'SHA-256(token)…', mark], ['family', 'family', (f) => display(f).slice(0, 8)],
      ['user_id', 'user'], ['expires_at', 'expires', clock], ['state', 'state'],
    ]),
    el('h5', { text: 'revoked_jtis (denylist: state again)' }), table(db.revoked_jtis, [['jti', 'jti'], ['expires_at', 'expires', clock]]),
    el('h5', { text: 'orders' }), table(db.orders, orderColumns));
}

function unavailable(...nodes) {
  for (const node of nodes) show(node, el('p', { class: 'error', text: 'GET /api/inspect did not answer; see the status line above.' }));
}
