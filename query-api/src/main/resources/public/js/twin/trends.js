import { get, query, twinPath } from '../api.js';
import { h, fill, errorText } from '../dom.js';
import { chart, palette, emptyGraphic } from '../charts.js';
import { windowEnding } from './window.js';

const HOUR = 3600000;
const DAY = 24 * HOUR;
export const METRICS = {
  heart_rate: ['Heart rate', 'bpm'], spo2: ['SpO₂', '%'], systolic_bp: ['Systolic BP', 'mmHg'],
  diastolic_bp: ['Diastolic BP', 'mmHg'], body_temp_c: ['Body temperature', '°C'], resp_rate: ['Respiration', 'breaths/min'],
  hrv_ms: ['HRV (RMSSD)', 'ms'], steps: ['Steps', 'steps'], stress: ['Stress', '0–1'], energy: ['Energy', '0–1'],
};
export const RANGES = {
  '24h': { span: 24 * HOUR, bucket: 'hour', label: 'last 24 h, hourly' },
  '7d': { span: 7 * 24 * HOUR, bucket: 'hour', label: 'last 7 days, hourly' },
  '30d': { span: 30 * 24 * HOUR, bucket: 'day', label: 'last 30 days, daily' },
  '90d': { span: 90 * 24 * HOUR, bucket: 'day', label: 'last 90 days, daily' },
};

// The vitals the daily rollup holds: over ranges of days they are drawn per local day of the twin from
// /health/daily (daily_summaries where the rollup answers the day, the readings for the rest).
const DAILY = {
  heart_rate: (d) => ({ bucket: d.day_start, mean: d.hr_mean, min: d.hr_min, max: d.hr_max }),
  steps: (d) => ({ bucket: d.day_start, sum: d.steps }),
};

/** The date (YYYY-MM-DD) of an instant in a time zone; UTC if the zone is unknown to the browser. */
function localDate(ms, zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
  } catch (e) {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

function addDays(date, n) {
  return new Date(Date.parse(date + 'T00:00:00Z') + n * DAY).toISOString().slice(0, 10);
}

/** The twin's local days of a range ending at the data's clock, from the daily figures. */
async function dailyPoints(ctx, metric, r) {
  const zone = (ctx.twin.profile && ctx.twin.profile.timezone) || 'UTC';
  const to = addDays(localDate(Date.parse(ctx.ref), zone), 1);
  const from = addDays(to, -Math.round(r.span / DAY));
  const data = await get(twinPath(ctx.id, '/health/daily') + query({ from, to }));
  const days = data.days;
  const rolled = days.filter((d) => d.source === 'rollup').length;
  return {
    from, to, zone, points: days.map(DAILY[metric]),
    note: days.length + ' local days (' + zone + '): ' + rolled + ' from the daily rollup, ' + (days.length - rolled)
      + ' from the readings; ' + days.reduce((n, d) => n + d.readings, 0) + ' readings.',
  };
}

/**
 * One vital over a chosen range: mean per bucket with the min–max band (steps: the sum per bucket). Hours
 * are UTC buckets of the readings; days of heart rate and steps are the twin's local days as the daily
 * rollup sums them, other vitals' days UTC buckets of the readings.
 */
export async function renderTrends(slot, ctx) {
  const metric = h('select#trend-metric', { 'aria-label': 'metric' },
    Object.entries(METRICS).map(([k, [name]]) => h('option', { value: k }, name)));
  const range = h('select#trend-range', { 'aria-label': 'range' },
    Object.entries(RANGES).map(([k, r]) => h('option', { value: k }, r.label)));
  const el = h('div.chart.tall#chart-trend');
  const note = h('p.muted.small#trend-note');
  fill(slot, h('div.row', h('h2', 'Trends'), h('span.spacer'), metric, range), el, note);
  if (!ctx.routes.trends) {
    note.textContent = 'This server has no trends endpoint.';
    chart(el).setOption({ graphic: [emptyGraphic('Trends are not available on this server')] });
    return;
  }
  const c = chart(el);
  async function load() {
    const m = metric.value;
    const r = RANGES[range.value];
    const [name, unit] = METRICS[m];
    slot.dataset.ready = 'false';
    try {
      let pts;
      let axis;
      let text;
      if (r.bucket === 'day' && DAILY[m] && ctx.routes.daily) {
        const daily = await dailyPoints(ctx, m, r);
        Object.assign(slot.dataset, { from: daily.from, to: daily.to, bucket: 'local day', source: 'daily' });
        pts = daily.points;
        axis = 'local day (' + daily.zone + ')';
        text = daily.note;
      } else {
        const win = windowEnding(ctx.ref, r.span);
        const data = await get(twinPath(ctx.id, '/health/trends') + query({ metric: m, bucket: r.bucket, ...win }));
        Object.assign(slot.dataset, { from: win.from, to: win.to, bucket: r.bucket, source: 'trends' });
        pts = data.points;
        axis = r.bucket + ' (UTC)';
        text = pts.length + ' ' + r.bucket + ' buckets, ' + pts.reduce((n, q) => n + q.n, 0) + ' readings, ending ' + data.to.slice(0, 16).replace('T', ' ') + ' UTC.';
      }
      const sum = m === 'steps';
      const p = palette();
      c.clear();
      c.setOption({
        backgroundColor: 'transparent',
        graphic: pts.length ? [] : [emptyGraphic('No data in this range')],
        title: { text: name + (sum ? ' per ' + r.bucket : ', mean per ' + r.bucket + ' with min–max'), textStyle: { fontSize: 13, color: p.text } },
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(1) + ' ' + unit) },
        grid: { left: 56, right: 14, top: 42, bottom: 42 },
        xAxis: { type: 'time', name: axis, nameLocation: 'middle', nameGap: 26, axisLabel: { hideOverlap: true, color: p.muted } },
        yAxis: { type: 'value', name: unit, scale: !sum, axisLabel: { color: p.muted } },
        series: sum
          ? [{ name: 'sum', type: 'bar', data: pts.map((q) => [q.bucket, q.sum]) }]
          : [
            { name: 'min', type: 'line', data: pts.map((q) => [q.bucket, q.min]), lineStyle: { opacity: 0 }, stack: 'band', symbol: 'none' },
            { name: 'max − min', type: 'line', data: pts.map((q) => [q.bucket, q.max - q.min]), lineStyle: { opacity: 0 }, stack: 'band', symbol: 'none', areaStyle: { opacity: 0.18 }, tooltip: { show: false } },
            { name: 'mean', type: 'line', data: pts.map((q) => [q.bucket, q.mean]), showSymbol: pts.length < 60 },
          ],
      });
      note.textContent = text;
      slot.dataset.metric = m;
      slot.dataset.ready = 'true';
    } catch (e) {
      note.textContent = errorText(e);
    }
  }
  metric.addEventListener('change', load);
  range.addEventListener('change', load);
  await load();
}
