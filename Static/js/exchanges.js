// Rendering the raw HTTP of each call: the request as it went out and the
// response as fetch lets JavaScript see it. Through dom.js's safe helpers only.

import { el, pre, show } from './dom.js';

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
  if (x.cookieNote) {
    lines.push(x.cookieNote);
  } else if (x.credentials === 'same-origin') {
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

/** The status as a coloured badge: green 2xx, amber 4xx, red 5xx or no answer. */
export function statusBadge(x) {
  return el('span', { class: `status ${statusClass(x.status)}`, text: x.error ? 'network error' : `${x.status}` });
}

/** One request/response pair with a status badge. */
export function renderExchange(x) {
  return el(
    'article',
    { class: 'exchange' },
    el('h4', {}, statusBadge(x), ' ', el('code', { text: `${x.method} ${x.path}` }), x.label ? ` — ${x.label}` : '', ` (${x.ms} ms)`),
    el('div', { class: 'pair' }, el('div', {}, el('h5', { text: 'Request' }), pre(requestText(x))),
      el('div', {}, el('h5', { text: 'Response' }), pre(responseText(x), statusClass(x.status)))),
  );
}

/** The exchanges of the last step that touched this side, or a hint before any. */
export function renderExchanges(node, exchanges, stepTitle) {
  if (!exchanges || exchanges.length === 0) return show(node, el('p', { class: 'empty', text: 'No call yet on this side.' }));
  show(node, stepTitle ? el('p', { class: 'note', text: `From the step “${stepTitle}”.` }) : null, exchanges.map(renderExchange));
}

/** One line per call, for a collapsed summary: "202 POST /api/admin/restart · 200 GET /healthz". */
export function renderExchangeSummary(node, exchanges) {
  if (!exchanges || exchanges.length === 0) return show(node);
  show(node, exchanges.map((x) => el('span', { class: 'summary-call' }, statusBadge(x), ' ', el('code', { text: `${x.method} ${x.path}` }))));
}
