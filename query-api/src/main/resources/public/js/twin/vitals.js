import { get, query, twinPath } from '../api.js';
import { h, fill, time, errorText } from '../dom.js';
import { chart, timeOption, emptyGraphic } from '../charts.js';

export const READINGS = 300;

/** The six vitals charts: what each plots, from which reading fields, in which unit. */
export const VITALS = [
  { id: 'chart-hr', title: 'Heart rate', unit: 'bpm', y: 'beats/min', fields: [['heart_rate', 'heart rate']], match: /heart|hr|pulse|brady|tachy/ },
  { id: 'chart-spo2', title: 'Blood oxygen (SpO₂)', unit: '%', y: 'SpO₂ %', fields: [['spo2', 'SpO₂']], match: /spo2|oxygen|hypox|desat/ },
  { id: 'chart-bp', title: 'Blood pressure', unit: 'mmHg', y: 'mmHg', fields: [['systolic_bp', 'systolic'], ['diastolic_bp', 'diastolic']], match: /bp|systolic|diastolic|pressure|hypert|hypot/ },
  { id: 'chart-temp', title: 'Body temperature', unit: '°C', y: '°C', fields: [['body_temp_c', 'temperature']], match: /temp|fever|pyrex|hypotherm/ },
  { id: 'chart-resp', title: 'Respiration', unit: 'breaths/min', y: 'breaths/min', fields: [['resp_rate', 'respiration']], match: /resp|breath/ },
  { id: 'chart-steps', title: 'Steps', unit: 'steps', y: 'steps/reading', fields: [['steps', 'steps']], type: 'bar', match: /step|activity|inactiv/ },
];

/** Which chart an anomaly belongs on, by its type (or the vitals named in its evidence); heart rate if unknown. */
export function vitalOf(anomaly) {
  const text = (anomaly.type + ' ' + JSON.stringify(anomaly.evidence || '')).toLowerCase();
  return VITALS.find((v) => v.match.test(anomaly.type.toLowerCase())) || VITALS.find((v) => v.match.test(text)) || VITALS[0];
}

export async function renderVitals(slot, ctx) {
  const els = Object.fromEntries(VITALS.map((v) => [v.id, h('div.chart#' + v.id)]));
  const note = h('p.muted.small#vitals-note');
  fill(slot, h('h2', 'Vitals'), note, h('div.grid', VITALS.map((v) => els[v.id])));
  let readings = [];
  try {
    readings = (await get(twinPath(ctx.id, '/health') + query({ limit: READINGS, as_of: ctx.asOf || undefined }))).readings.slice().reverse();
  } catch (e) {
    note.textContent = errorText(e);
  }
  let episodes = [];
  if (ctx.routes.anomalies && readings.length) {
    try {
      const from = readings[0].ts;
      const to = new Date(new Date(readings[readings.length - 1].ts).getTime() + 1).toISOString();
      episodes = (await get(twinPath(ctx.id, '/anomalies') + query({ from, to, limit: 500 }))).items;
    } catch (e) {
      note.textContent = errorText(e);
    }
  }
  if (!note.textContent) {
    note.textContent = readings.length
      ? 'Last ' + readings.length + ' readings' + (ctx.asOf ? ' up to ' + time(ctx.asOf) : '') +
        '; shaded: anomaly episodes (' + episodes.length + ' in view).'
      : 'No readings yet.';
  }
  const charts = {};
  const marks = Object.fromEntries(VITALS.map((v) => [v.id, []]));
  episodes.forEach((a) => marks[vitalOf(a).id].push(markArea(a, readings)));
  for (const v of VITALS) {
    const c = chart(els[v.id]);
    charts[v.id] = c;
    const option = timeOption({
      title: v.title, unit: v.unit, yName: v.y, markAreas: marks[v.id],
      series: v.fields.map(([field, name]) => ({ name, type: v.type, data: readings.filter((r) => r[field] !== null && r[field] !== undefined).map((r) => [r.ts, r[field]]) })),
    });
    if (!readings.length) option.graphic = [emptyGraphic('No readings yet')];
    c.setOption(option);
  }
  slot.dataset.ready = 'true';

  // A live state says new readings exist; the charts show readings from the tables only (a state's
  // vitals are the twin's model of them, not the readings), so they are fetched again, at most every 2 s.
  let pending = null;
  let lastFetch = 0;
  async function refetch() {
    pending = null;
    lastFetch = Date.now();
    let fresh;
    try {
      fresh = (await get(twinPath(ctx.id, '/health') + query({ limit: READINGS }))).readings.slice().reverse();
    } catch (e) {
      return;
    }
    if (!fresh.length || (readings.length && fresh[fresh.length - 1].ts === readings[readings.length - 1].ts)) return;
    readings = fresh;
    for (const v of VITALS) {
      charts[v.id].setOption({
        graphic: [],
        series: v.fields.map(([field]) => ({ data: readings.filter((r) => r[field] !== null && r[field] !== undefined).map((r) => [r.ts, r[field]]) })),
      });
    }
    slot.dataset.refreshes = String(Number(slot.dataset.refreshes || 0) + 1);
  }
  return {
    /** Leaving the page: no refetch after it. */
    close() {
      clearTimeout(pending);
      pending = null;
    },
    /** A live state: new readings exist (they reach the tables at the next commit). */
    append() {
      if (pending) return;
      pending = setTimeout(refetch, Math.max(0, 2000 - (Date.now() - lastFetch)));
    },
    /** A live anomaly: shaded on its chart. */
    mark(anomaly) {
      const v = vitalOf(anomaly);
      const c = charts[v.id];
      const series = c.getOption().series;
      const areas = (series[0].markArea && series[0].markArea.data) || [];
      areas.push(markArea(anomaly, []));
      c.setOption({ series: [{ markArea: { itemStyle: { color: 'rgba(220, 38, 38, 0.16)' }, data: areas } }] });
    },
  };
}

function markArea(a, readings) {
  const end = a.end_ts || (readings.length ? readings[readings.length - 1].ts : a.start_ts);
  return [{ name: a.type + ' (' + a.severity + ')', xAxis: a.start_ts }, { xAxis: end }];
}
