// Building DOM without innerHTML: every piece of data goes in as text, so nothing from the API can inject markup.

/** h('div.panel#id', {attr: v, onclick: f}, child, ...) */
export function h(spec, attrs, ...children) {
  const [tagAndClasses, id] = spec.split('#');
  const [tag, ...classes] = tagAndClasses.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (id) el.id = id;
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function fill(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/** Numbers with a fixed number of decimals; a dash for missing values. */
export function num(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(Number(v)) ? '–' : Number(v).toFixed(digits);
}

export function pct(v) {
  return v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(1) + ' %';
}

export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** How long ago an instant was, relative to the browser's clock; future instants say so. */
export function age(iso, now = Date.now()) {
  if (!iso) return 'never';
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  const text = duration(Math.abs(s));
  return s >= 0 ? text + ' ago' : text + ' ahead (simulated clock)';
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.abs(seconds);
  if (s < 90) return s.toFixed(s < 10 ? 1 : 0) + ' s';
  if (s < 5400) return Math.round(s / 60) + ' min';
  if (s < 172800) return (s / 3600).toFixed(1) + ' h';
  return (s / 86400).toFixed(1) + ' d';
}

export function statusBadge(status) {
  const s = status || 'no_data';
  const kind = s === 'normal' ? 'ok' : s === 'no_data' || s === 'warming_up' ? '' : s.includes('elevated') || s.includes('high') ? 'bad' : 'warn';
  return h('span.badge' + (kind ? '.' + kind : ''), { dataset: { status: s } }, s.replace(/_/g, ' '));
}

export function errorText(e) {
  return e && e.message ? e.message : String(e);
}
