import { get, query, twinPath } from '../api.js';
import { h, fill, num, errorText } from '../dom.js';
import { chart, palette, emptyGraphic } from '../charts.js';
import { windowEnding } from './window.js';

const DAY = 86400000;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Behaviour over four weeks: steps per hour by weekday × hour of day (a heatmap of when the person is
 * active), the activity mix by hour of day, and sleep per night.
 */
export async function renderBehavior(slot, ctx) {
  const heatEl = h('div.chart.tall#chart-heatmap');
  const mixEl = h('div.chart.tall#chart-activity');
  const sleepEl = h('div.chart#chart-sleep');
  const note = h('p.muted.small#behavior-note');
  fill(slot, h('h2', 'Behaviour and sleep (last 28 days)'), note,
    h('div.grid.two', heatEl, mixEl), h('h3', 'Sleep'), sleepEl);
  const win = windowEnding(ctx.ref, 28 * DAY);
  Object.assign(slot.dataset, win);
  const p = palette();

  // Heatmap: hourly step sums from the trends endpoint, averaged per (weekday, hour) in UTC.
  const cells = {};
  if (ctx.routes.trends) {
    try {
      const trend = await get(twinPath(ctx.id, '/health/trends') + query({ metric: 'steps', bucket: 'hour', ...win }));
      for (const q of trend.points) {
        const d = new Date(q.bucket);
        const key = ((d.getUTCDay() + 6) % 7) + ':' + d.getUTCHours();
        (cells[key] = cells[key] || []).push(q.sum);
      }
    } catch (e) {
      note.textContent = errorText(e);
    }
  }
  const heat = Object.entries(cells).map(([k, v]) => {
    const [wd, hr] = k.split(':').map(Number);
    return [hr, wd, Math.round(v.reduce((a, b) => a + b, 0) / v.length)];
  });
  const max = heat.reduce((m, c) => Math.max(m, c[2]), 0);
  chart(heatEl).setOption({
    backgroundColor: 'transparent',
    title: { text: 'Steps per hour (mean), weekday × hour UTC', textStyle: { fontSize: 13, color: p.text } },
    graphic: heat.length ? [] : [emptyGraphic('No step data')],
    tooltip: { formatter: (i) => WEEKDAYS[i.value[1]] + ' ' + i.value[0] + ':00 — ' + i.value[2] + ' steps/h' },
    grid: { left: 44, right: 64, top: 36, bottom: 40 },
    xAxis: { type: 'category', name: 'hour of day (UTC)', nameLocation: 'middle', nameGap: 24, data: [...Array(24).keys()].map(String), axisLabel: { color: p.muted } },
    yAxis: { type: 'category', data: WEEKDAYS, inverse: true, axisLabel: { color: p.muted } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 140, itemWidth: 12, textStyle: { color: p.muted }, text: ['steps/h', '0'] },
    series: [{ type: 'heatmap', data: heat }],
  });

  let behavior = null;
  if (ctx.routes.behavior) {
    try {
      behavior = await get(twinPath(ctx.id, '/behavior') + query(win));
    } catch (e) {
      note.textContent = errorText(e);
    }
  } else {
    note.textContent = 'This server has no behaviour endpoint.';
  }
  const byHour = behavior ? behavior.by_hour : [];
  const activities = [...new Set(byHour.flatMap((b) => Object.keys(b.mix)))].sort();
  chart(mixEl).setOption({
    backgroundColor: 'transparent',
    title: { text: 'Activity mix by hour of day', textStyle: { fontSize: 13, color: p.text } },
    graphic: byHour.length ? [] : [emptyGraphic('No behaviour events')],
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === undefined ? '–' : (v * 100).toFixed(0) + ' %') },
    legend: { type: 'scroll', top: 22, textStyle: { color: p.muted } },
    grid: { left: 50, right: 10, top: 60, bottom: 40 },
    xAxis: { type: 'category', name: 'hour of day (UTC)', nameLocation: 'middle', nameGap: 22, data: [...Array(24).keys()].map(String), axisLabel: { color: p.muted } },
    yAxis: { type: 'value', name: 'share of time', nameLocation: 'middle', nameGap: 36, max: 1, axisLabel: { formatter: (v) => v * 100 + '%', color: p.muted } },
    series: activities.map((a) => ({ name: a, type: 'bar', stack: 'mix',
      data: [...Array(24).keys()].map((hr) => { const b = byHour.find((x) => x.hour === hr); return b && b.mix[a] ? b.mix[a] : 0; }) })),
  });

  const sleep = behavior ? behavior.sleep : [];
  chart(sleepEl).setOption({
    backgroundColor: 'transparent',
    title: { text: 'Sleep per night' + (behavior && behavior.sleep_hours_mean !== null ? ' (mean ' + num(behavior.sleep_hours_mean, 1) + ' h)' : ''), textStyle: { fontSize: 13, color: p.text } },
    graphic: sleep.length ? [] : [emptyGraphic('No sleep recorded')],
    tooltip: { trigger: 'axis', valueFormatter: (v) => num(v, 2) + ' h' },
    grid: { left: 44, right: 10, top: 36, bottom: 40 },
    xAxis: { type: 'category', name: 'night of', nameLocation: 'middle', nameGap: 26, data: sleep.map((s) => String(s.night).slice(0, 10)), axisLabel: { color: p.muted } },
    yAxis: { type: 'value', name: 'hours asleep', nameLocation: 'middle', nameGap: 28, axisLabel: { color: p.muted } },
    series: [{ name: 'sleep', type: 'bar', data: sleep.map((s) => s.hours) }],
  });
  if (!note.textContent && behavior) {
    note.textContent = 'Steps per day: mean ' + num(behavior.steps_per_day_mean, 0) + '. Activity from behaviour events; a gap over 3 h is not counted.';
  }
  slot.dataset.ready = 'true';
}
