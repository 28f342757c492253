// The teaching page: wires the buttons to the scenario steps, then redraws
// both panels from the step's exchanges and a fresh GET /api/inspect.
//
// Module map: js/api.js (fetch and the two credential styles), js/jwt.js
// (decode and forge), js/scenarios.js and js/tamper.js (the steps),
// js/state.js (what the page remembers), js/credentials.js,
// js/exchanges.js and js/server-state.js (drawing), js/dom.js (safe DOM
// building: text only, never innerHTML).

import { ok, publicCall } from './js/api.js';
import { countdownText, renderSessionCredential, renderTokenCredential } from './js/credentials.js';
import { el, show } from './js/dom.js';
import { renderExchangeSummary, renderExchanges } from './js/exchanges.js';
import * as steps from './js/scenarios.js';
import { renderSessionServer, renderTokenServer } from './js/server-state.js';
import { state } from './js/state.js';
const $ = (id) => document.getElementById(id);

/** Reads the form: who signs in, which cart line, which scopes. */
function inputs() {
  const picked = $('user-picker').selectedOptions[0];
  const qty = Number.parseInt($('qty').value, 10);
  return {
    username: $('username').value,
    password: $('password').value,
    bookId: Number.parseInt($('book').value, 10),
    qty: Number.isFinite(qty) ? qty : 1,
    scopes: [...$('scopes').querySelectorAll('input:checked')].map((box) => box.value),
    userID: steps.learnerUserID(Number(picked?.dataset.id)),
  };
}

/** Runs one step, keeps its exchanges, refreshes /api/inspect and redraws. */
async function run(stepName, title) {
  const step = steps[stepName];
  if (typeof step !== 'function') return;
  setBusy(true, `Running “${title}”…`);
  try {
    const result = await step(inputs());
    if (result.session) Object.assign(state.session, { exchanges: result.session, step: title });
    if (result.token) Object.assign(state.token, { exchanges: result.token, step: title });
    if (result.shared) state.shared = result.shared;
    if (result.narration) show($('narration'), el('p', { text: result.narration }));
    await refreshInspect();
    if (!state.inspect) return;
    setBusy(false, `Done: “${title}”.`);
  } catch (error) {
    setBusy(false, `“${title}” failed in the page: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    render();
  }
}

async function refreshInspect() {
  const x = await publicCall('GET', '/api/inspect');
  state.inspect = ok(x) && x.json ? x.json : null;
  if (!state.inspect) setBusy(false, `GET /api/inspect: ${x.error ?? `${x.status} ${x.statusText}`}`, true);
}

function setBusy(busy, message, isError = false) {
  $('main').setAttribute('aria-busy', String(busy));
  for (const button of document.querySelectorAll('button[data-step]')) button.disabled = busy;
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** Redraws everything from `state`. */
function render() {
  renderSessionCredential($('session-credential'), state.session, state.inspect);
  renderTokenCredential($('token-credential'), state.token);
  renderExchanges($('session-exchanges'), state.session.exchanges, state.session.step);
  renderExchanges($('token-exchanges'), state.token.exchanges, state.token.step);
  renderExchanges($('shared-exchanges'), state.shared);
  renderExchangeSummary($('shared-summary'), state.shared);
  renderSessionServer($('session-memory'), $('session-database'), state.inspect);
  renderTokenServer($('token-memory'), $('token-database'), state.inspect, state.token);
}

/** Fills the book picker from the public catalogue. */
async function loadBooks() {
  const x = await publicCall('GET', '/api/books');
  const books = ok(x) && Array.isArray(x.json?.books) ? x.json.books : null;
  if (!books) {
    show($('book'), el('option', { value: '1', text: 'book 1 (catalogue unavailable)' }));
    setBusy(false, `Could not load GET /api/books: ${x.error ?? `${x.status} ${x.statusText}`}. Is the server running?`, true);
    return;
  }
  show($('book'), books.map((b) =>
    el('option', { value: String(b.id), text: `${b.title} — ${b.author} (${(b.price_cents / 100).toFixed(2)})` })));
}

/** The seed-user picker fills in the demo credentials from api.md. */
function pickUser() {
  const option = $('user-picker').selectedOptions[0];
  $('username').value = option.value;
  $('password').value = option.dataset.password ?? '';
}

/** Ticks every expiry countdown once a second. */
function tick() {
  for (const span of document.querySelectorAll('.countdown[data-exp]')) {
    span.textContent = countdownText(span.dataset.exp);
    span.classList.toggle('expired', Number(span.dataset.exp) < Date.now() / 1000);
  }
}

function start() {
  $('user-picker').addEventListener('change', pickUser);
  $('controls').addEventListener('submit', (event) => event.preventDefault());
  for (const button of document.querySelectorAll('button[data-step]')) {
    button.addEventListener('click', () => run(button.dataset.step, button.textContent.trim()));
  }
  setInterval(tick, 1000);
  render();
  loadBooks().then(refreshInspect).then(render);
}

start();
