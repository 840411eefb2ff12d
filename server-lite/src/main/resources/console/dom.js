// Small DOM helpers. Every piece of data reaches the page as text through these (never as HTML),
// so a device named "<img onerror=…>" is just a strange name.

/** Creates an element: h('a', {href: '#/x', class: 'btn'}, 'text', childNode, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table with a caption (for screen readers), header cells with scope, and one row per item. */
export function table(caption, headers, rows, emptyText) {
  if (!rows.length) return h('p', {class: 'empty'}, emptyText);
  return h('div', {class: 'scroll'},
    h('table', {},
      h('caption', {class: 'sr-only'}, caption),
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)));
}

export function field(label, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2, 9));
  input.id = id;
  const hintId = hint ? id + '-hint' : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'field'}, h('label', {for: id}, label), input, hint ? h('small', {id: hintId, class: 'muted'}, hint) : null);
}

export function when(instant) {
  if (!instant) return '—';
  const d = new Date(instant);
  return h('time', {datetime: d.toISOString(), title: d.toISOString()}, d.toLocaleString());
}

export function ago(instant) {
  if (!instant) return 'never';
  const s = Math.round((Date.now() - new Date(instant).getTime()) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}

export function bits(perSecond) {
  if (perSecond === null || perSecond === undefined) return '—';
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s'];
  let v = perSecond;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return (v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)) + ' ' + units[i];
}

export function badge(text, kind) {
  return h('span', {class: 'badge ' + (kind || text)}, text);
}

/** A toast in the polite live region: confirmations and errors that do not need a click. */
export function toast(message, kind) {
  const box = document.getElementById('toasts');
  const t = h('div', {class: 'toast ' + (kind || 'ok')}, message);
  box.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4000);
}

/** Asks before a change that cannot be undone; resolves true if confirmed. Uses <dialog> for focus handling. */
export function confirmAction(title, text, actionLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', {'aria-labelledby': 'confirm-title', class: 'confirm'},
      h('form', {method: 'dialog'},
        h('h2', {id: 'confirm-title'}, title),
        h('p', {}, text),
        h('div', {class: 'actions'},
          h('button', {value: 'cancel', class: 'secondary'}, 'Cancel'),
          h('button', {value: 'ok', class: 'danger'}, actionLabel))));
    dialog.addEventListener('close', () => { resolve(dialog.returnValue === 'ok'); dialog.remove(); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
