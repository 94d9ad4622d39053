import { h, fill, num, pct, time, age, statusBadge } from '../dom.js';

/** The twin's name and current condition; update() takes a state (from the API or a live event). */
export function renderHeader(slot, ctx) {
  const t = ctx.twin;
  const p = t.profile || {};
  const status = h('span#twin-status');
  const facts = h('div.kpis#twin-facts');
  const liveDot = h('span.live-dot');
  const liveText = h('span#live-mode', 'connecting');
  const liveBox = h('span.small.muted#live', { dataset: { mode: 'connecting', events: '0' } }, liveDot, liveText);
  fill(slot,
    h('div.row', h('h1#twin-name', p.name || t.twin_id), status, h('span.spacer'), liveBox),
    h('p.muted', [t.twin_id, p.age ? p.age + ' y' : null, p.sex, p.occupation, p.timezone].filter(Boolean).join(' · ')),
    ctx.asOf ? h('p.notice#asof-banner', 'Showing the twin as of ' + time(ctx.asOf) + ' (time travel; live updates paused)') : null,
    facts);

  function update(s) {
    const st = s || {};
    fill(status, statusBadge(st.status || (s ? 'normal' : 'no_data')));
    fill(facts,
      kpi('Heart rate', num(st.heart_rate, 0) + ' bpm', 'baseline ' + num(st.hr_baseline, 0) + ' ± ' + num(st.hr_baseline_sd, 1)),
      kpi('SpO₂', num(st.spo2, 1) + ' %', 'blood oxygen saturation'),
      kpi('Systolic BP', num(st.systolic_bp, 0) + ' mmHg', 'resting HR ' + num(st.resting_hr, 0) + ' bpm'),
      kpi('Mood', st.mood || '–', 'activity: ' + (st.activity || '–')),
      kpi('Baseline confidence', pct(st.baseline_confidence), num(st.readings, 0) + ' readings'),
      kpi('Last event', time(st.ts || ctx.twin.last_event), age(st.ts || ctx.twin.last_event)));
  }
  update(t.state);
  return {
    update,
    live(mode) {
      liveBox.dataset.mode = mode;
      liveDot.classList.toggle('on', mode === 'live (SSE)' || mode === 'polling');
      liveText.textContent = mode;
    },
    counted() {
      liveBox.dataset.events = String(Number(liveBox.dataset.events) + 1);
    },
  };
}

function kpi(label, value, sub) {
  return h('div.kpi', h('div.label', label), h('div.value', value), h('div.sub', sub));
}
