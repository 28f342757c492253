// The scenario steps. Each runs the same step on both sides and returns
// { session: [exchanges], token: [exchanges], shared: [exchanges], narration }.
// The narration says what to notice; the exchanges are the evidence.

import { ok, publicCall, send, sessionCall, tokenCall } from './api.js';
import { decodeJWT, flipPayloadCharacter, forgeAlgNone, sha256Hex } from './jwt.js';

/** Everything the page remembers. Tokens live only here, in memory: a reload forgets them. */
export const state = {
  session: { user: null, exchanges: [] },
  token: { access: null, refresh: null, previousRefresh: null, refreshPrefix: null, loggedOut: false, exchanges: [] },
  admin: { access: null },
  shared: [],
  inspect: null,
};

/** The demo admin from api.md's seed table, used only by "change permissions". */
const adminCredentials = { username: 'admin', password: 'admin-demo' };
/** How long to wait for the server to come back after a real restart. */
const restartWaitMilliseconds = 20_000;
const restartPollMilliseconds = 400;

async function keepTokens(body) {
  state.token.access = body.access_token;
  state.token.refresh = body.refresh_token;
  state.token.loggedOut = false;
  const hex = body.refresh_token ? await sha256Hex(body.refresh_token) : undefined;
  state.token.refreshPrefix = hex ? hex.slice(0, 8) : null;
}

const needToken = (x) => ({ token: [], narration: x });

export async function signIn({ username, password }) {
  const s = await sessionCall('POST', '/session/login', { username, password });
  if (ok(s)) state.session.user = s.json?.user ?? null;
  const t = await tokenCall('POST', '/token/login', undefined, { username, password });
  if (ok(t)) await keepTokens(t.json ?? {});
  return {
    session: [s], token: [t],
    narration: 'Coat-check: the server made an entry in its memory and gave the browser only a random ticket (the sid cookie). '
      + 'Passport: the server signed a token that itself says who you are and what you may do; it keeps nothing about you in memory, '
      + 'only a hash of the refresh token in the database.',
  };
}

export async function addToCart({ bookId, qty }) {
  const body = { book_id: bookId, qty };
  return {
    session: [await sessionCall('POST', '/session/cart/items', body)],
    token: [await tokenCall('POST', '/token/cart/items', state.token.access, body)],
    narration: 'Same request body on both sides. The coat-check cart is in the session entry (memory); the passport cart is a row in SQLite keyed by the token\'s sub.',
  };
}

export async function checkout() {
  return {
    session: [await sessionCall('POST', '/session/checkout')],
    token: [await tokenCall('POST', '/token/checkout', state.token.access)],
    narration: 'Both sides write the order to the database: orders are lasting data whichever way you signed in. An empty cart answers 409 empty_cart.',
  };
}

export async function viewOrders() {
  return {
    session: [await sessionCall('GET', '/session/orders')],
    token: [await tokenCall('GET', '/token/orders', state.token.access)],
    narration: 'The server finds "you" differently: from the session entry the cookie points to, or from the sub claim of a verified token.',
  };
}

export async function whoAmI() {
  return {
    session: [await sessionCall('GET', '/session/me')],
    token: [await tokenCall('GET', '/token/me', state.token.access)],
    narration: '/session/me reads the session entry (note last_page: the server remembers your previous request). /token/me shows the claims the token carries.',
  };
}

export async function refreshToken() {
  if (!state.token.refresh) return needToken('There is no refresh token in memory: sign in first.');
  const t = await tokenCall('POST', '/token/refresh', undefined, { refresh_token: state.token.refresh });
  if (ok(t)) {
    state.token.previousRefresh = state.token.refresh;
    await keepTokens(t.json ?? {});
  }
  return {
    token: [t],
    narration: 'A new pair: the old refresh token is now "spent" in the database. New scopes from the database appear only now, in the new access token.',
  };
}

export async function replaySpentRefresh() {
  if (!state.token.previousRefresh) return needToken('Refresh once first, so there is a spent refresh token to replay.');
  const t = await tokenCall('POST', '/token/refresh', undefined, { refresh_token: state.token.previousRefresh });
  return {
    token: [t],
    narration: 'Reuse detection: a spent refresh token should only come back if it was stolen, so the server answers 401 invalid_grant and revokes the whole family, '
      + 'including the refresh token you hold now. Check the state column below.',
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
      narration: 'This server was not started with --allow-restart (on a loopback address), so it refused. Restart it by hand, or start it with '
        + '--allow-restart and try again. What a restart does is forget memory: the session table empties, so the sid your browser still '
        + 'holds points at nothing (401 no_session) and the coat-check cart is gone. The passport side loses nothing: the signing keys are '
        + 'on disk, the token still verifies, and its cart is in SQLite.',
    };
  }
  if (!ok(r)) return { shared: [r], narration: 'The restart request failed; see the shared calls.' };
  const health = await waitForServer();
  if (!health) return { shared: [r], narration: 'The server did not come back within 20 seconds.' };
  return {
    shared: [r, health],
    session: [await sessionCall('GET', '/session/me'), await sessionCall('GET', '/session/cart')],
    token: [await tokenCall('GET', '/token/me', state.token.access), await tokenCall('GET', '/token/cart', state.token.access)],
    narration: 'A real restart. The browser still sends its sid, but the new process never heard of it: 401 no_session, cart gone. '
      + 'The same access token still verifies (keys persisted) and the passport cart is still in SQLite.',
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
    const login = await tokenCall('POST', '/token/login', undefined, adminCredentials, 'admin signs in on a separate token');
    shared.push(login);
    if (!ok(login)) return { shared, narration: 'The admin could not sign in; see the shared calls.' };
    state.admin.access = login.json?.access_token;
  }
  let put = await send({ method: 'PUT', path: `/api/admin/users/${encodeURIComponent(userID)}/scopes`, body: { scopes }, bearer: state.admin.access, credentials: 'omit', label: 'as admin' });
  if (put.status === 401 && !retried) { // the admin's own token expired: sign in again, once
    state.admin.access = null;
    return changePermissions({ userID, scopes, bookId, qty }, true);
  }
  shared.push(put);
  const body = { book_id: bookId, qty };
  return {
    shared,
    session: [await sessionCall('POST', '/session/cart/items', body, 'right after the change')],
    token: [await tokenCall('POST', '/token/cart/items', state.token.access, body, 'right after the change')],
    narration: `Scopes of user ${userID} are now: ${scopes.join(' ') || '(none)'}. The coat-check reads permissions from the database on every request, `
      + 'so the change applies at once. The access token still carries the scopes it was issued with, so it keeps working until it expires or is refreshed.',
  };
}

export async function logout() {
  const s1 = await sessionCall('POST', '/session/logout');
  const s2 = await sessionCall('GET', '/session/me', undefined, 'after logout');
  if (ok(s1)) state.session.user = null;
  if (!state.token.access) return { session: [s1, s2], token: [], narration: 'Coat-check: entry deleted, cookie cleared. No token to log out.' };
  const t1 = await tokenCall('POST', '/token/logout', undefined, { refresh_token: state.token.refresh ?? '' });
  const t2 = await tokenCall('GET', '/token/me', state.token.access, undefined, 'the old access token, after logout');
  if (ok(t1)) {
    state.token.refresh = null;
    state.token.refreshPrefix = null;
    state.token.loggedOut = true;
  }
  return {
    session: [s1, s2], token: [t1, t2],
    narration: 'Coat-check logout is immediate: the entry is gone from memory. Passport logout revokes the refresh family, but the access token '
      + 'is a signed statement that stays valid until exp, unless the server keeps a jti denylist (state again).',
  };
}

export async function tamper() {
  const forged = `forged${'A'.repeat(37)}`; // 43 characters, the shape of a real id
  const s1 = await send({ method: 'GET', path: '/session/me', credentials: 'omit', label: 'no cookie at all (what any forged id gets)' });
  document.cookie = `sid=${forged}; Path=/; SameSite=Lax`;
  const planted = document.cookie.includes(`sid=${forged}`);
  const s2 = await sessionCall('GET', '/session/me', undefined,
    planted ? 'with a sid forged by JavaScript (there was no real one to protect)' : 'after JavaScript tried to overwrite sid: the browser refused');
  if (planted) document.cookie = 'sid=; Path=/; Max-Age=0';
  const sessionNote = `Coat-check: JavaScript cannot read the HttpOnly sid, and the browser refuses a script's write over it${planted ? '' : ' (the second call still used your real cookie)'}. `
    + 'Any HTTP client can send a made-up id, though; the server hashes it, finds no entry, and answers 401 no_session. '
    + `The id carries no data to alter. Try: curl -i -H 'Cookie: sid=${forged}' ${location.origin}/session/me`;
  if (!state.token.access) return { session: [s1, s2], token: [], narration: `${sessionNote} Passport: sign in first to get a token to tamper with.` };
  const t1 = await tokenCall('GET', '/token/me', flipPayloadCharacter(state.token.access), undefined, 'one payload character changed');
  const t2 = await tokenCall('GET', '/token/me', forgeAlgNone(state.token.access), undefined, 'alg "none", no signature, admin:users added');
  return {
    session: [s1, s2], token: [t1, t2],
    narration: `${sessionNote} Passport: anyone can read and edit the token's claims, but the signature covers them: one changed character `
      + 'or alg "none" gives 401 invalid_token (see WWW-Authenticate).',
  };
}
