// The scenario steps. Each runs the same step on both sides and returns
// { session: [exchanges], token: [exchanges], shared: [exchanges], narration }.
// The narration says what to notice, from what the server actually answered;
// the exchanges are the evidence.

import { errorCode, ok, publicCall, send, sessionCall, tokenCall } from './api.js';
import { decodeJWT, sha256Hex } from './jwt.js';
import { state } from './state.js';

export { state } from './state.js';
export { tamper } from './tamper.js';

/** The demo admin from api.md's seed table, used only by "change permissions". */
const adminCredentials = { username: 'admin', password: 'admin-demo' };
/** How long to wait for the server to come back after a real restart. */
const restartWaitMilliseconds = 20_000;
const restartPollMilliseconds = 400;

async function keepTokens(body) {
  state.token.access = body.access_token;
  state.token.refresh = body.refresh_token;
  state.token.notice = null;
  const hex = body.refresh_token ? await sha256Hex(body.refresh_token) : undefined;
  state.token.refreshPrefix = hex ? hex.slice(0, 8) : null;
}

/** Keeps the page's idea of the coat-check user in line with what /session/me answered. */
function noteSessionAnswer(me) {
  if (ok(me)) {
    state.session.user = me.json?.user ?? state.session.user;
    state.session.forgotten = false;
  } else if (errorCode(me) === 'no_session') {
    state.session.forgotten = state.session.user !== null || state.session.forgotten;
    state.session.user = null;
  }
}

/** "200" or "401 no_session": what to quote in a narration. */
function outcome(x) {
  if (x.error) return `no answer (${x.error})`;
  return `${x.status}${errorCode(x) ? ` ${errorCode(x)}` : ''}`;
}

function scopeOf(accessToken) {
  try {
    return String(decodeJWT(accessToken).claims.scope ?? '');
  } catch {
    return '';
  }
}

/** After step 6 took write:cart away, say how to give it back. */
function scopeHint(...exchanges) {
  if (!exchanges.some((x) => errorCode(x) === 'insufficient_scope')) return '';
  return ' A 403 insufficient_scope means this user lacks write:cart now: tick it under "Scopes", press 6 to give it back, '
    + 'then sign in again (or refresh) for a token that carries it.';
}

const needToken = (text) => ({ token: [], narration: text });

export async function signIn({ username, password }) {
  const s = await sessionCall('POST', '/session/login', { username, password });
  if (ok(s)) Object.assign(state.session, { user: s.json?.user ?? null, forgotten: false });
  const t = await tokenCall('POST', '/token/login', undefined, { username, password });
  if (ok(t)) await keepTokens(t.json ?? {});
  if (!ok(s) || !ok(t)) {
    return { session: [s], token: [t], narration: `Sign-in answered ${outcome(s)} and ${outcome(t)}: check the username and password (the seed users are in the picker).` };
  }
  return {
    session: [s], token: [t],
    narration: 'Coat-check: the server made an entry in its memory and gave the browser only a random ticket (the sid cookie). '
      + 'Passport: the server signed a token that itself says who you are and what you may do; it keeps nothing about you in memory, '
      + 'only a hash of the refresh token in the database.',
  };
}

export async function addToCart({ bookId, qty }) {
  const body = { book_id: bookId, qty };
  const s = await sessionCall('POST', '/session/cart/items', body);
  const t = await tokenCall('POST', '/token/cart/items', state.token.access, body);
  return {
    session: [s], token: [t],
    narration: `Same request body on both sides (it sets that book's line to qty ${qty}; it does not add to it). Answers: ${outcome(s)} and ${outcome(t)}. `
      + 'The coat-check cart is in the session entry (server memory); the passport cart is a row in SQLite keyed by the token\'s sub.'
      + scopeHint(s, t),
  };
}

export async function checkout() {
  const s = await sessionCall('POST', '/session/checkout');
  const t = await tokenCall('POST', '/token/checkout', state.token.access);
  return {
    session: [s], token: [t],
    narration: `Answers: ${outcome(s)} and ${outcome(t)}. Both sides write the order to the database: orders are lasting data whichever way you signed in. `
      + 'An empty cart answers 409 empty_cart.',
  };
}

export async function viewOrders() {
  return {
    session: [await sessionCall('GET', '/session/orders')],
    token: [await tokenCall('GET', '/token/orders', state.token.access)],
    narration: 'The server finds "you" differently: from the session entry the cookie points to, or from the sub claim of a verified token. '
      + 'Both see the same orders table, so each side lists the orders of user 42 from both sides.',
  };
}

export async function whoAmI() {
  const s = await sessionCall('GET', '/session/me');
  noteSessionAnswer(s);
  return {
    session: [s],
    token: [await tokenCall('GET', '/token/me', state.token.access)],
    narration: '/session/me reads the session entry (last_page is the path of your previous request: the server remembers where you were). '
      + '/token/me shows the claims the token carries, plus the user row read by sub.',
  };
}

export async function refreshToken() {
  if (!state.token.refresh) return needToken('There is no refresh token in memory: sign in first.');
  const before = scopeOf(state.token.access);
  const t = await tokenCall('POST', '/token/refresh', undefined, { refresh_token: state.token.refresh });
  if (!ok(t)) {
    return { token: [t], narration: `The refresh answered ${outcome(t)}: this refresh token is spent or revoked. Sign in again.` };
  }
  state.token.previousRefresh = state.token.refresh;
  await keepTokens(t.json ?? {});
  const after = scopeOf(state.token.access);
  return {
    token: [t],
    narration: 'A new pair; the old refresh token is now "spent" in the database. The new access token\'s scope is read from the database now: '
      + (before === after ? `unchanged ("${after}").` : `"${before}" became "${after}".`),
  };
}

export async function replaySpentRefresh() {
  if (!state.token.previousRefresh) return needToken('Refresh once first, so there is a spent refresh token to replay.');
  const t = await tokenCall('POST', '/token/refresh', undefined, { refresh_token: state.token.previousRefresh });
  if (errorCode(t) === 'invalid_grant') {
    state.token.notice = 'The refresh token below was revoked with its whole family by the replay. The access token still verifies until exp.';
  }
  return {
    token: [t],
    narration: `Answer: ${outcome(t)}. A spent refresh token should only come back if someone copied it, so the server revokes the whole family, `
      + 'including the refresh token you hold now (see the state column below). The access token in hand is not touched: it lives to exp.',
  };
}

async function waitForServer() {
  const deadline = Date.now() + restartWaitMilliseconds;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, restartPollMilliseconds));
    const health = await publicCall('GET', '/healthz', undefined, 'waiting for the restarted server');
    if (ok(health)) return health;
  }
  return null;
}

export async function restart() {
  const r = await publicCall('POST', '/api/admin/restart', undefined, 'restart the server process');
  if (r.status === 404) {
    return {
      shared: [r],
      narration: 'This server was not started with --allow-restart (on a loopback address), so it answered 404. Stop it (Ctrl-C) and start it '
        + 'again, then press "Who am I?": the session table is empty, so the sid your browser still holds points at nothing (401 no_session) '
        + 'and the coat-check cart is gone. The passport loses nothing: the signing keys are on disk, the token still verifies, its cart is in SQLite.',
    };
  }
  if (!ok(r)) return { shared: [r], narration: `The restart request answered ${outcome(r)}; see the shared calls.` };
  const health = await waitForServer();
  if (!health) return { shared: [r], narration: 'The server did not come back within 20 seconds. Is it still running?' };
  const me = await sessionCall('GET', '/session/me', undefined, 'after the restart');
  noteSessionAnswer(me);
  const s = [me, await sessionCall('GET', '/session/cart', undefined, 'after the restart')];
  const t = [await tokenCall('GET', '/token/me', state.token.access, undefined, 'same token, after the restart'),
    await tokenCall('GET', '/token/cart', state.token.access, undefined, 'after the restart')];
  return {
    shared: [r, health], session: s, token: t,
    narration: `A real restart: the process re-executed itself. Coat-check: ${outcome(s[0])} — the browser still sends its sid, but the new process `
      + `never heard of it, and the cart went with the memory. Passport: ${outcome(t[0])} — the same token still verifies (the signing keys are on disk) `
      + 'and its cart is still in SQLite.',
  };
}

/** The user the learner signed in as: from the session, else the token's sub. */
export function learnerUserID(fallback) {
  if (state.session.user?.id !== undefined) return state.session.user.id;
  try {
    return Number(decodeJWT(state.token.access).claims.sub);
  } catch {
    return fallback;
  }
}

export async function changePermissions({ userID, scopes, bookId, qty }, retried = false) {
  const shared = [];
  if (!state.admin.access) {
    const login = await tokenCall('POST', '/token/login', undefined, adminCredentials, 'the admin signs in, on a token of its own');
    shared.push(login);
    if (!ok(login)) return { shared, narration: `The admin could not sign in (${outcome(login)}); see the shared calls.` };
    state.admin.access = login.json?.access_token;
  }
  const put = await send({ method: 'PUT', path: `/api/admin/users/${encodeURIComponent(userID)}/scopes`, body: { scopes }, bearer: state.admin.access, credentials: 'omit', label: 'as admin' });
  if (put.status === 401 && !retried) { // the admin's own token expired: sign in again, once
    state.admin.access = null;
    return changePermissions({ userID, scopes, bookId, qty }, true);
  }
  shared.push(put);
  if (!ok(put)) return { shared, narration: `The scope change answered ${outcome(put)}; see the shared calls.` };
  const body = { book_id: bookId, qty };
  const s = await sessionCall('POST', '/session/cart/items', body, 'right after the change');
  const t = await tokenCall('POST', '/token/cart/items', state.token.access, body, 'same token, right after the change');
  return {
    shared, session: [s], token: [t],
    narration: `User ${userID}'s scopes in the database are now: ${scopes.join(' ') || '(none)'}. Then the same cart call on both sides: `
      + `coat-check ${outcome(s)}, passport ${outcome(t)}. The coat-check reads permissions from the database on every request, so the change `
      + `applies at once. The access token still carries the scope it was issued with ("${scopeOf(state.token.access)}") until it expires `
      + 'or is refreshed: try "Refresh the token", then add to the cart again.',
  };
}

export async function logout() {
  const s1 = await sessionCall('POST', '/session/logout');
  const s2 = await sessionCall('GET', '/session/me', undefined, 'after logout');
  if (ok(s1)) Object.assign(state.session, { user: null, forgotten: false });
  if (!state.token.access) return { session: [s1, s2], token: [], narration: 'Coat-check: entry deleted, cookie cleared. No token to log out.' };
  // The access token rides along so a denylisting server can put its jti on the list.
  const t1 = await tokenCall('POST', '/token/logout', state.token.access, { refresh_token: state.token.refresh ?? '' });
  const t2 = await tokenCall('GET', '/token/me', state.token.access, undefined, 'the same access token, after logout');
  if (ok(t1)) {
    state.token.refresh = null;
    state.token.refreshPrefix = null;
  }
  const stillValid = ok(t2);
  state.token.notice = stillValid
    ? 'Logged out: the refresh family is revoked, but this access token still verifies until exp: the server keeps no list of logged-out tokens.'
    : 'Logged out, and this access token is refused: the server put its jti on a denylist (revoked_jtis below).';
  return {
    session: [s1, s2], token: [t1, t2],
    narration: `Coat-check logout is immediate: the entry is gone from memory, so the next call gets ${outcome(s2)}. `
      + (ok(t1) ? 'Passport logout revoked the refresh family' : `Passport logout answered ${outcome(t1)} (this refresh token was already spent or revoked)`)
      + `; the old access token then got ${outcome(t2)}. `
      + (stillValid
        ? 'A signed statement stays true until exp unless the server keeps state to say otherwise: start it with --revocation denylist to see that.'
        : 'This server runs with --revocation denylist: it remembers the token\'s jti until exp. That is server state again, checked on every request.'),
  };
}
