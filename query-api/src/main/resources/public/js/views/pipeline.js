import { get } from '../api.js';
import { h, fill, num, pct, time, duration, errorText } from '../dom.js';
import { chart, timeOption } from '../charts.js';

export const NAME = 'pipeline';
const POLL_MS = 3000;

/** The pipeline, measured: every figure comes from GET /api/v1/pipeline, polled every few seconds. */
export async function render(view) {
  const kpis = h('div.kpis#pipeline-kpis');
  const rateEl = h('div.chart#chart-throughput');
  const lagEl = h('div.chart#chart-lag');
  const tables = h('div.table-wrap#iceberg-tables');
  const dead = h('div.table-wrap#dead-letters');
  const error = h('p.error');
  const at = h('span.muted.small#pipeline-at');
  fill(view, h('div.stack',
    h('div.panel', h('div.row', h('h1', 'Pipeline'), h('span.spacer'), at), error,
      h('p.muted.small', 'Generator → Kafka → Flink stream job → Iceberg → DuckDB → this API. Each figure is measured now.'), kpis),
    h('div.grid', h('div.panel', rateEl), h('div.panel', lagEl)),
    h('div.grid.two', h('div.panel', h('h2', 'Iceberg tables'), tables), h('div.panel', h('h2', 'Dead letters'), dead))));
  const rate = [];
  const lag = [];
  const rateChart = chart(rateEl);
  const lagChart = chart(lagEl);

  async function load() {
    try {
      const p = await get('/api/v1/pipeline');
      error.textContent = '';
      at.textContent = 'measured ' + time(p.at);
      const k = p.kafka || {};
      const groups = k.consumer_groups || [];
      const stream = groups.find((g) => g.group === 'twin-stream') || groups[0];
      if (k.events_per_minute !== null && k.events_per_minute !== undefined) rate.push([p.at, k.events_per_minute]);
      if (stream) lag.push([p.at, stream.lag]);
      if (rate.length > 200) rate.shift();
      if (lag.length > 200) lag.shift();
      const f = p.flink || {};
      const i = p.iceberg || {};
      const q = p.query_latency || {};
      const d = p.detection || {};
      const b = p.baseline_confidence || {};
      const dl = p.dead_letters || {};
      const batch = p.batch || {};
      const ru = batch.rollup || {};
      const bt = batch.backtest || {};
      fill(kpis,
        kpi('events-per-minute', 'Events/min into Kafka', k.error || num(k.events_per_minute, 1),
          k.error ? '' : num(k.events_in_window, 0) + ' events in the last ' + duration(k.rate_window_s) + ' · ' + num(k.events_per_second, 2) + ' per second'),
        kpi('consumer-lag', 'Consumer lag', stream ? num(stream.lag, 0) : k.error || 'no group yet', stream ? 'group ' + stream.group + ' (records not yet committed)' : ''),
        kpi('checkpoint', 'Last Flink checkpoint', f.error || (f.last_checkpoint_at ? duration(f.last_checkpoint_age_s) + ' ago' : f.status || '–'), f.last_checkpoint ? f.last_checkpoint + ' · job ' + (f.job_status || f.status) : 'job ' + (f.job_status || f.status || '–')),
        kpi('iceberg-commit', 'Iceberg last commit', i.error || (i.last_commit ? duration(i.last_commit_age_s) + ' ago' : 'none yet'), num(i.snapshots, 0) + ' snapshots in ' + (i.tables || []).length + ' tables'),
        kpi('query-latency', 'Query latency (DuckDB)', q.error || (q.p50_ms !== undefined ? num(q.p50_ms, 1) + ' ms p50' : 'no queries yet'), q.p99_ms !== undefined ? num(q.p99_ms, 1) + ' ms p99 · ' + num(q.count, 0) + ' queries' : ''),
        kpi('dead-letters', 'Dead letters', dl.error || num(dl.total, 0), 'records that could not be decoded'),
        kpi('detection', 'Detection quality', d.error || ('precision ' + pct(d.precision)), d.error ? '' : 'recall ' + pct(d.recall) + ' · ' + num(d.detected, 0) + ' detected, ' + num(d.found, 0) + '/' + num(d.injected, 0) + ' injected found'),
        kpi('baseline', 'Baseline confidence', b.error || pct(b.mean), b.error ? '' : 'mean of ' + num(b.twins, 0) + ' twins · min ' + pct(b.min) + ' · max ' + pct(b.max)),
        kpi('rollup', 'Last daily rollup', batch.error || (ru.at ? duration(ru.age_s) + ' ago' : 'never'),
          ru.at ? num(ru.rows_written, 0) + ' rows in ' + num(ru.changed_days, 0) + ' days written · ' + num(ru.rows_total, 0) + ' in daily_summaries' : './twin batch rollup, or the stack\'s schedule'),
        kpi('backtest', 'Last backtest', batch.error || (bt.at ? duration(bt.age_s) + ' ago' : 'never'),
          bt.at ? num(bt.readings, 0) + ' readings · F1 ' + (bt.f1 === null ? '–' : num(bt.f1, 3)) + ' (fixed rules ' + (bt.fixed_rules_f1 === null ? '–' : num(bt.fixed_rules_f1, 3)) + ')' : './twin batch backtest'));
      rateChart.setOption(timeOption({ title: 'Events per minute into the input topics', unit: 'events/min', series: [{ name: 'events/min', data: rate, area: true }] }));
      lagChart.setOption(timeOption({ title: 'Consumer lag of the stream job', unit: 'records', series: [{ name: 'lag', data: lag, area: true }] }));
      fill(tables, h('table#iceberg-table', h('thead', h('tr', h('th', 'table'), h('th', 'snapshots'), h('th', 'files'), h('th', 'last commit'))),
        h('tbody', (i.tables || []).map((t) => h('tr', h('td', t.table), h('td', num(t.snapshots, 0)), h('td', num(t.files, 0)),
          h('td', t.last_commit ? duration(t.last_commit_age_s) + ' ago' : '–'))))));
      fill(dead, (dl.by_reason || []).length
        ? h('table', h('thead', h('tr', h('th', 'topic'), h('th', 'reason'), h('th', 'count'), h('th', 'last'))),
          h('tbody', dl.by_reason.map((r) => h('tr', h('td', r.topic), h('td', r.reason), h('td', num(r.count, 0)), h('td', time(r.last))))))
        : h('p.muted', dl.error || 'None: every record was decoded.'));
      view.dataset.ready = 'true';
      view.dataset.polls = String(Number(view.dataset.polls || 0) + 1);
    } catch (e) {
      error.textContent = errorText(e);
    }
  }
  await load();
  const timer = setInterval(load, POLL_MS);
  return () => clearInterval(timer);
}

function kpi(id, label, value, sub) {
  return h('div.kpi#kpi-' + id, h('div.label', label), h('div.value', String(value)), h('div.sub', sub));
}
