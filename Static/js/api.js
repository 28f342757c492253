// Every HTTP call the page makes goes through `send`, which records the
// exchange (request and response, as raw as the browser lets JavaScript see
// it) so the panels can show it.
//
// Two ways to send a credential, and the whole lesson is in one option each:
//   coat-check: credentials: 'same-origin' — the browser attaches the sid
//               cookie itself; this code never sees or touches it.
//   passport:   credentials: 'omit' plus an Authorization: Bearer header —
//               no cookie rides along; the token is all the server gets.

const reasonPhrases = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Content Too Large',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/**
 * Sends one request and returns an exchange record:
 * { method, path, requestHeaders, requestBody, credentials, status, statusText,
 *   responseHeaders, responseText, json, error, ms }.
 * It never throws: a network failure becomes `error` so the panel can show it.
 */
export async function send({ method = 'GET', path, body, bearer, credentials = 'same-origin', label }) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const exchange = { label, method, path, requestHeaders: headers, requestBody: body, credentials, status: 0 };
  const started = performance.now();
  try {
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials,
      cache: 'no-store',
    });
    exchange.status = response.status;
    exchange.statusText = response.statusText || reasonPhrases[response.status] || '';
    // Set-Cookie is never exposed to fetch (a "forbidden response header"), HttpOnly or not.
    exchange.responseHeaders = [...response.headers.entries()];
    exchange.responseText = await response.text();
    exchange.json = parseJSON(exchange.responseText);
  } catch (error) {
    exchange.error = error instanceof Error ? error.message : String(error);
  }
  exchange.ms = Math.round(performance.now() - started);
  return exchange;
}

/** Calls on the coat-check side: the browser brings the cookie. */
export function sessionCall(method, path, body, label) {
  return send({ method, path, body, credentials: 'same-origin', label });
}

/** Calls on the passport side: the token, and no cookies at all. */
export function tokenCall(method, path, accessToken, body, label) {
  return send({ method, path, body, bearer: accessToken, credentials: 'omit', label });
}

/** Calls that belong to neither side (catalogue, inspect, health). */
export function publicCall(method, path, body, label) {
  return send({ method, path, body, credentials: 'omit', label });
}

function parseJSON(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `error` code of a JSON error body, if any. */
export function errorCode(exchange) {
  return exchange.json && typeof exchange.json.error === 'string' ? exchange.json.error : undefined;
}

/** Whether the call reached the server and got a 2xx. */
export function ok(exchange) {
  return exchange.status >= 200 && exchange.status < 300;
}
