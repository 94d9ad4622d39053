import { get, query, twinPath } from '../api.js';
import { h, fill, num, time, errorText } from '../dom.js';

/**
 * "As of" time travel: pick an instant, see the twin's state, profile and last reading as they were
 * then, and every panel's window ends there. Back to live clears it.
 */
export function renderAsOf(slot, ctx, change) {
  const input = h('input#asof-input', { type: 'datetime-local', step: '60', 'aria-label': 'as of (UTC)' });
  const go = h('button.btn#asof-go', { type: 'submit' }, 'Show as of');
  const back = h('button.btn.ghost#asof-live', { type: 'button', hidden: !ctx.asOf }, 'Back to live');
  const result = h('div#asof-result');
  const form = h('form.row', h('h2', 'Time travel'), h('span.spacer'), h('label.row', h('span.muted.small', 'as of (UTC)'), input), go, back);
  if (ctx.twin.last_event) input.value = ctx.twin.last_event.slice(0, 16);
  fill(slot, form, result);
  if (!ctx.routes.state) {
    go.disabled = true;
    fill(result, h('p.muted.small', 'This server has no time-travel endpoint.'));
    return;
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!input.value) return;
    const asOf = new Date(input.value + ':00Z').toISOString();
    try {
      const data = await get(twinPath(ctx.id, '/state') + query({ as_of: asOf }));
      await change(asOf, data);
      back.hidden = false;
      show(result, data);
    } catch (e) {
      fill(result, h('p.error', errorText(e)));
    }
  });
  back.addEventListener('click', async () => {
    back.hidden = true;
    fill(result);
    await change(null);
  });
}

function show(result, data) {
  const s = data.state || {};
  const r = data.registry || {};
  const l = data.last_reading || {};
  const rows = [
    ['status then', data.status + (data.open_anomalies && data.open_anomalies.length ? ' (anomaly open then)' : '')],
    ['state at', time(s.ts)], ['status of that state', s.status], ['mood', s.mood], ['heart rate', num(s.heart_rate, 0) + ' bpm'],
    ['SpO₂', num(s.spo2, 1) + ' %'], ['baseline confidence', num(s.baseline_confidence, 3)],
    ['profile at', time(r.ts) + ' (' + (r.action || '–') + ')'], ['name', r.name], ['occupation', r.occupation],
    ['traits', ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'].map((t) => t.slice(0, 1).toUpperCase() + ' ' + num(r[t], 2)).join(' · ')],
    ['last reading', time(l.ts) + ' — HR ' + num(l.heart_rate, 0) + ' bpm, SpO₂ ' + num(l.spo2, 1) + ' %'],
  ];
  fill(result, h('div.table-wrap', h('table.small#asof-table', { dataset: { asOf: data.as_of } },
    h('tbody', rows.map(([k, v]) => h('tr', h('th', k), h('td', v === undefined || v === null ? '–' : String(v))))))));
}
