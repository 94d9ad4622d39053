import { get, query, twinPath } from '../api.js';
import { h, fill, num, time, errorText } from '../dom.js';
import { chart, palette, emptyGraphic } from '../charts.js';
import { windowEnding } from './window.js';

const DAY = 86400000;
const SEVERITY_COLOR = { low: '#eab308', medium: '#f97316', high: '#dc2626' };

/** Anomaly episodes of the last 30 days: a timeline by type and a table with the evidence. */
export async function renderAnomalies(slot, ctx) {
  const el = h('div.chart#chart-anomalies');
  const body = h('tbody#anomaly-rows');
  const note = h('p.muted.small#anomaly-note');
  fill(slot, h('h2', 'Anomalies (last 30 days)'), note, el,
    h('div.table-wrap', h('table#anomaly-table', h('thead', h('tr', h('th', 'start'), h('th', 'type'), h('th', 'severity'),
      h('th', 'score'), h('th.hide-narrow', 'layer'), h('th', 'end'), h('th', 'evidence'))), body)));
  let items = [];
  if (ctx.routes.anomalies) {
    try {
      const win = windowEnding(ctx.ref, 30 * DAY);
      Object.assign(slot.dataset, win);
      items = (await get(twinPath(ctx.id, '/anomalies') + query({ ...win, limit: 1000 }))).items;
    } catch (e) {
      note.textContent = errorText(e);
    }
  } else {
    note.textContent = 'This server has no anomalies endpoint.';
  }
  const c = chart(el);
  const draw = () => {
    const p = palette();
    const types = [...new Set(items.map((a) => a.type))].sort();
    c.setOption({
      backgroundColor: 'transparent',
      graphic: items.length ? [] : [emptyGraphic('No anomalies in the last 30 days')],
      tooltip: { formatter: (i) => i.data.a.type + ' (' + i.data.a.severity + ', score ' + num(i.data.a.score, 2) + ')<br>' + time(i.data.a.start_ts) },
      grid: { left: 120, right: 14, top: 16, bottom: 42 },
      xAxis: { type: 'time', name: 'episode start (UTC)',
        // an hour of margin (or 5 %) either side, so the first and last episodes are not cut in half
        min: (v) => v.min - Math.max(3600000, (v.max - v.min) * 0.05), max: (v) => v.max + Math.max(3600000, (v.max - v.min) * 0.05), nameLocation: 'middle', nameGap: 26, axisLabel: { hideOverlap: true, color: p.muted } },
      yAxis: { type: 'category', data: types, axisLabel: { color: p.muted } },
      series: [{ type: 'scatter', symbolSize: (v, i) => 8 + Math.min(14, 4 * Number(i.data.a.score || 0)),
        data: items.map((a) => ({ value: [a.start_ts, a.type], a, itemStyle: { color: SEVERITY_COLOR[a.severity] || p.bad } })) }],
    }, { replaceMerge: ['series'] });
    fill(body, items.map(row));
    if (!note.textContent || note.dataset.auto) {
      note.dataset.auto = '1';
      note.textContent = items.length + ' episode' + (items.length === 1 ? '' : 's') + ', ' + items.filter((a) => a.open || !a.end_ts).length + ' open.';
    }
  };
  draw();
  slot.dataset.ready = 'true';
  return {
    /** A live anomaly: replaces the row of its episode (type + start) or joins the top. */
    add(a) {
      items = [a, ...items.filter((x) => !(x.type === a.type && x.start_ts === a.start_ts))];
      draw();
    },
  };
}

function row(a) {
  let evidence = a.evidence;
  if (typeof evidence === 'string') {
    try { evidence = JSON.parse(evidence); } catch (e) { /* shown as text */ }
  }
  return h('tr', { dataset: { type: a.type, severity: a.severity } },
    h('td', time(a.start_ts)), h('td', a.type), h('td', h('span.badge' + (a.severity === 'high' ? '.bad' : '.warn'), a.severity)),
    h('td', num(a.score, 2)), h('td.hide-narrow', a.layer || '–'), h('td', a.end_ts ? time(a.end_ts) : 'open'),
    h('td', h('details', h('summary', 'evidence'), h('pre', typeof evidence === 'string' ? evidence : JSON.stringify(evidence, null, 2)),
      h('div.muted.small', 'detector ' + (a.detector_version || '–')))));
}
