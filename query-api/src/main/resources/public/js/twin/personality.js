import { get, query, twinPath } from '../api.js';
import { h, fill, num, time, errorText } from '../dom.js';
import { chart, palette, emptyGraphic } from '../charts.js';
import { TRAITS } from '../traits.js';
import { windowEnding } from './window.js';

const DAY = 86400000;

/** Radar of the traits now against the ones the twin was created with, and their drift per day with causes. */
export async function renderPersonality(slot, ctx) {
  const radarEl = h('div.chart.tall#chart-radar');
  const driftEl = h('div.chart#chart-drift');
  const edits = h('div.small#personality-edits');
  const note = h('p.muted.small');
  fill(slot, h('h2', 'Personality: now, baseline and drift'), radarEl, note, h('h3', 'Drift per day'), driftEl, edits);
  const p = palette();
  let data = { current: ctx.twin.personality, baseline: null, drift: [], edits: [] };
  if (ctx.routes.personality) {
    try {
      data = await get(twinPath(ctx.id, '/personality') + query(windowEnding(ctx.ref, 90 * DAY)));
    } catch (e) {
      note.textContent = errorText(e);
    }
  } else {
    note.textContent = 'This server has no personality history endpoint: showing the current traits only.';
  }
  const current = data.current || ctx.twin.personality || {};
  const series = [{ name: 'now', value: TRAITS.map((t) => current[t]) }];
  if (data.baseline) series.push({ name: 'at creation', value: TRAITS.map((t) => data.baseline[t]) });
  chart(radarEl).setOption({
    backgroundColor: 'transparent',
    tooltip: {},
    legend: { bottom: 0, textStyle: { color: p.muted } },
    radar: { indicator: TRAITS.map((t) => ({ name: t, min: 0, max: 1 })), radius: '62%',
      axisName: { color: p.text } },
    series: [{ type: 'radar', data: series, areaStyle: { opacity: 0.15 } }],
  });
  const drift = data.drift || [];
  const causes = Object.fromEntries(drift.map((d) => [d.day, d.causes || []]));
  chart(driftEl).setOption({
    backgroundColor: 'transparent',
    graphic: drift.length ? [] : [emptyGraphic('No drift recorded in the last 90 days')],
    tooltip: { trigger: 'axis', formatter: (items) => {
      const day = items.length ? items[0].value[0] : '';
      const lines = items.map((i) => i.marker + i.seriesName + ': ' + num(i.value[1], 3));
      const c = causes[day] || [];
      return [String(day).slice(0, 10), ...lines, c.length ? 'causes: ' + c.join(', ') : 'no recorded cause'].join('<br>');
    } },
    legend: { type: 'scroll', top: 0, textStyle: { color: p.muted } },
    grid: { left: 48, right: 14, top: 56, bottom: 40 },
    xAxis: { type: 'time', name: 'day (UTC)', nameLocation: 'middle', nameGap: 26, axisLabel: { color: p.muted } },
    yAxis: { type: 'value', name: 'trait (0–1)', nameLocation: 'middle', nameGap: 34, min: 0, max: 1, axisLabel: { color: p.muted } },
    series: TRAITS.map((t) => ({ name: t, type: 'line', showSymbol: drift.length < 40,
      data: drift.map((d) => [d.day, d.traits[t]]) })),
  });
  const editRows = (data.edits || []).map((e) => h('tr', h('td', time(e.ts)), h('td', e.action), h('td', e.reason || '–'),
    h('td', TRAITS.map((t) => t.slice(0, 1).toUpperCase() + ' ' + num(e[t], 2)).join(' · '))));
  fill(edits, editRows.length ? h('div.table-wrap', h('table#edit-table', h('thead', h('tr', h('th', 'when'), h('th', 'change'),
    h('th', 'reason'), h('th', 'traits'))), h('tbody', editRows))) : null);
  slot.dataset.ready = 'true';
}
