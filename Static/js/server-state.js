// Rendering GET /api/inspect: what the server keeps in memory and in SQLite,
// split by side. Through dom.js's safe helpers only.

import { clock, display, el, show, table } from './dom.js';

const cartColumn = (lines) => Array.isArray(lines) && lines.length
  ? lines.map((l) => `book ${l.book_id} × ${l.qty}`).join(', ')
  : '(empty)';

const orderColumns = [['id', 'order'], ['user_id', 'user'], ['total_cents', 'total', cents], ['created_at', 'created', clock]];
const ordersNote = 'One orders table for both sides: the rows do not say which side wrote them.';

function cents(value) {
  return Number.isFinite(value) ? `${(value / 100).toFixed(2)}` : display(value);
}

/** Coat-check: memory holds the session table; the database holds orders only. */
export function renderSessionServer(memoryNode, databaseNode, inspect) {
  if (!inspect) return unavailable(memoryNode, databaseNode);
  const memory = inspect.memory || {};
  show(memoryNode,
    el('p', { text: `Session table: ${display(memory.count)} entr${memory.count === 1 ? 'y' : 'ies'}, about ${display(memory.approx_bytes)} bytes (with the room it keeps allocated). Gone when the process stops.` }),
    tagged('sessions', table(memory.sessions, [
      ['sid_sha256_prefix', 'SHA-256(sid)…'], ['username', 'user'], ['cart', 'cart', cartColumn],
      ['last_page', 'last page'], ['created_at', 'created', clock], ['last_seen_at', 'last seen', clock],
    ], 'The table is empty: nobody is signed in here.')));
  show(databaseNode,
    el('p', { class: 'note', text: 'No session rows and no cart rows: the coat-check cart lives only in memory. Orders are lasting data.' }),
    el('h5', { text: 'orders' }), el('p', { class: 'note', text: ordersNote }), tagged('orders', table(inspect.database?.orders, orderColumns)));
}

/** Passport: nothing per user in memory; carts, refresh tokens and orders in the database. */
export function renderTokenServer(memoryNode, databaseNode, inspect, token) {
  if (!inspect) return unavailable(memoryNode, databaseNode);
  const db = inspect.database || {};
  show(memoryNode, el('p', { text: 'Nothing per user. Each request carries its token; the server checks the signature with its key and reads everything else from the database.' }));
  const mark = (prefix) => (token.refreshPrefix && prefix === token.refreshPrefix ? `${prefix} ← yours` : display(prefix));
  show(databaseNode,
    el('h5', { text: 'carts (keyed by the token’s sub)' }), tagged('carts', table(db.carts, [['user_id', 'user'], ['book_id', 'book'], ['qty', 'qty']])),
    el('h5', { text: 'refresh_tokens (only a hash of each)' }), tagged('refresh_tokens', table(db.refresh_tokens, [
      ['token_sha256_prefix', 'SHA-256(token)…', mark], ['family', 'family', (f) => display(f).slice(0, 8)],
      ['user_id', 'user'], ['expires_at', 'expires', clock], ['state', 'state'],
    ])),
    el('h5', { text: 'revoked_jtis (the denylist: state again)' }), tagged('revoked_jtis', table(db.revoked_jtis, [['jti', 'jti'], ['expires_at', 'expires', clock]],
      '(none: without --revocation denylist the server keeps no list)')),
    el('h5', { text: 'orders' }), el('p', { class: 'note', text: ordersNote }), tagged('orders', table(db.orders, orderColumns)));
}

/** Names a table by its /api/inspect key, for readers of the DOM (the browser test). */
function tagged(name, node) {
  return el('div', { 'data-table': name }, node);
}

function unavailable(...nodes) {
  for (const node of nodes) show(node, el('p', { class: 'error', text: 'GET /api/inspect did not answer; see the status line above.' }));
}
