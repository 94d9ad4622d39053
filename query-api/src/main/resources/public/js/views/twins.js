import { get, post, query, has } from '../api.js';
import { h, fill, age, statusBadge, errorText } from '../dom.js';
import { traitSliders } from '../traits.js';

export const NAME = 'twins';
const ACTIVE_SECONDS = 600;

export async function render(view) {
  const search = h('input#twin-search', { type: 'search', placeholder: 'Search name or occupation', 'aria-label': 'Search twins' });
  const body = h('tbody#twin-rows');
  const summary = h('span.muted#twin-count');
  const error = h('p.error');
  const table = h('div.table-wrap', h('table#twin-table',
    h('thead', h('tr', h('th', 'Twin'), h('th.hide-narrow', 'Occupation'), h('th', 'Status'),
      h('th', 'Last event'), h('th', 'Open anomalies'))), body));
  fill(view, h('div.stack',
    h('div.panel', h('div.row', h('h1', 'Twins'), h('span.spacer'), summary), h('div.row', search), error, table),
    createForm()));

  let timer = null;
  let generation = 0;
  async function load() {
    const mine = ++generation;
    try {
      const [page, population] = await Promise.all([
        get('/api/v1/twins' + query({ q: search.value.trim(), limit: 200 })),
        (await has('GET', '/api/v1/population')) ? get('/api/v1/population') : { items: [] },
      ]);
      if (mine !== generation) return;
      const open = Object.fromEntries(population.items.map((p) => [p.twin_id, p.open_anomalies]));
      error.textContent = '';
      summary.textContent = page.total + ' twin' + (page.total === 1 ? '' : 's');
      fill(body, page.items.map((t) => row(t, open[t.twin_id])));
      view.querySelector('#twin-table').dataset.ready = 'true';
    } catch (e) {
      error.textContent = errorText(e);
    }
  }
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  await load();
  const refresh = setInterval(load, 10000);
  return () => { clearInterval(refresh); clearTimeout(timer); };
}

function row(t, openAnomalies) {
  const seconds = t.last_event ? (Date.now() - new Date(t.last_event).getTime()) / 1000 : null;
  const active = seconds !== null && seconds < ACTIVE_SECONDS;
  const tr = h('tr.clickable', { dataset: { twin: t.twin_id }, tabindex: '0' },
    h('td', h('a', { href: '#/twins/' + encodeURIComponent(t.twin_id) }, t.name || t.twin_id),
      h('div.muted.small', t.twin_id)),
    h('td.hide-narrow', t.occupation || '–'),
    h('td', h('span.badge' + (active ? '.ok' : ''), active ? 'active' : 'idle'), ' ', statusBadge(t.status)),
    h('td', age(t.last_event)),
    h('td', openAnomalies ? h('span.badge.bad', String(openAnomalies)) : '0'));
  tr.addEventListener('click', (ev) => {
    if (ev.target.tagName !== 'A') location.hash = '#/twins/' + encodeURIComponent(t.twin_id);
  });
  return tr;
}

function createForm() {
  const sliders = traitSliders(null, 'new-');
  const fields = {
    name: h('input#new-name', { required: true, maxlength: '100' }),
    age: h('input#new-age', { type: 'number', min: '16', max: '100', value: '35', required: true }),
    sex: h('select#new-sex', ['female', 'male', 'other'].map((s) => h('option', { value: s }, s))),
    occupation: h('input#new-occupation', { required: true, maxlength: '60' }),
    timezone: h('input#new-timezone', { value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }),
  };
  const message = h('p#new-message', { role: 'status' });
  const submit = h('button.btn', { type: 'submit' }, 'Create twin');
  // the page checks the fields itself (novalidate), so every message reads the same as the API's
  const form = h('form.grid', { novalidate: true },
    h('div', Object.entries(fields).map(([k, el]) => h('label.field', h('span', k), el))),
    h('div', h('h3', 'Personality (Big Five, 0–1)'), sliders.el, submit, message));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    message.className = '';
    const ageValue = Number(fields.age.value);
    const problem = !fields.name.value.trim() ? 'Name is required'
      : !fields.occupation.value.trim() ? 'Occupation is required'
        : !Number.isInteger(ageValue) || ageValue < 16 || ageValue > 100 ? 'Age must be a whole number from 16 to 100' : null;
    if (problem) {
      message.className = 'error';
      message.textContent = problem;
      return;
    }
    submit.disabled = true;
    try {
      const twin = await post('/api/v1/twins', {
        profile: { name: fields.name.value.trim(), age: ageValue, sex: fields.sex.value,
          occupation: fields.occupation.value.trim(), timezone: fields.timezone.value.trim(), interests: [] },
        personality: sliders.values(), reason: 'created from the dashboard',
      });
      location.hash = '#/twins/' + encodeURIComponent(twin.twin_id);
    } catch (e) {
      message.className = 'error';
      message.textContent = errorText(e);
    } finally {
      submit.disabled = false;
    }
  });
  return h('details.panel#create-twin', h('summary', 'Create a twin'), form);
}
