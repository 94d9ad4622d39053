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
    const warming = st.status === 'warming_up';
    fill(status, statusBadge(st.status || (s ? 'normal' : 'no_data')));
    fill(facts,
      kpi('heart-rate', 'Heart rate', num(st.heart_rate, 0) + ' bpm',
        'resting ' + num(st.resting_hr, 0) + ' bpm · all-day mean ' + num(st.hr_baseline, 0)),
      kpi('spo2', 'SpO₂', num(st.spo2, 1) + ' %', 'blood oxygen saturation'),
      kpi('bp', 'Systolic BP', num(st.systolic_bp, 0) + ' mmHg', 'blood pressure, upper value'),
      kpi('mood', 'Mood', st.mood || (warming ? 'warming up' : '–'), 'activity: ' + (st.activity || '–')),
      kpi('confidence', 'Baseline confidence', warming ? 'warming up' : pct(st.baseline_confidence),
        warming ? 'the first state comes once the stream job has folded the first readings' : num(st.readings, 0) + ' readings'),
      kpi('last-event', 'Last event', time(st.ts || ctx.twin.last_event), ctx.asOf ? 'as of ' + time(ctx.asOf) : age(st.ts || ctx.twin.last_event)));
  }
  // as of an instant, every card shows the twin then: the state of that time with the vitals of the
  // last reading by then and the status of that instant (an anomaly open then counts)
  update(ctx.asOf && ctx.asOfData ? asOfState(ctx.asOfData) : t.state);
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

function kpi(id, label, value, sub) {
  return h('div.kpi#twin-kpi-' + id, h('div.label', label), h('div.value', value), h('div.sub', sub));
}

/** The header's state for a GET /state?as_of= answer: see update() above. */
export function asOfState(data) {
  const s = Object.assign({}, data.state || {});
  const r = data.last_reading;
  if (r) {
    for (const k of ['ts', 'heart_rate', 'spo2', 'systolic_bp', 'activity']) {
      if (r[k] !== null && r[k] !== undefined) s[k] = r[k];
    }
  }
  s.status = data.status;
  return s;
}
