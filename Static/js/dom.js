// Small, safe DOM helpers.
//
// Every string that came from the server goes into the page as a text node
// (textContent), never as HTML, so a username like "<img onerror=...>" is
// shown as those characters and never runs. There is no innerHTML anywhere.

/** Creates an element. `props.text` sets textContent; `props.class` the class;
 *  `on...` props add listeners; other props become attributes (constants only). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...clean(children));
  return node;
}

/** Replaces a node's children; strings become text nodes (Node.append does that). */
export function show(node, ...children) {
  node.replaceChildren(...clean(children));
}

function clean(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);
}

/** A <pre> block for raw HTTP or JSON. */
export function pre(text, className = '') {
  return el('pre', { class: `raw ${className}`.trim(), text });
}

/** A small table from an array of objects. `columns` is [[key, heading, format?], ...]. */
export function table(rows, columns, emptyText = '(none)') {
  if (!Array.isArray(rows) || rows.length === 0) return el('p', { class: 'empty', text: emptyText });
  const head = el('tr', {}, columns.map(([, heading]) => el('th', { scope: 'col', text: heading })));
  const body = rows.map((row) =>
    el('tr', {}, columns.map(([key, , format]) => el('td', { text: format ? format(row[key], row) : display(row[key]) }))),
  );
  return el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), el('tbody', {}, body)));
}

/** A value as short text for a table cell. */
export function display(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An RFC 3339 time as local clock time, e.g. "14:03:27", with the date in
 *  front when it is not today (refresh tokens live for days); other text unchanged. */
export function clock(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return display(value);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}
