// ECharts instances of the current view: created here, resized with the window, disposed on navigation.
import { currentTheme } from './theme.js';

const live = new Set();
let resizeTimer = null;

window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => live.forEach((c) => c.isDisposed() || c.resize()), 120);
});

export function chart(el) {
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const c = echarts.init(el, currentTheme() === 'dark' ? 'dark' : null, { renderer: 'canvas' });
  live.add(c);
  return c;
}

export function disposeAll() {
  live.forEach((c) => c.isDisposed() || c.dispose());
  live.clear();
}

export function palette() {
  const css = getComputedStyle(document.documentElement);
  return { text: css.getPropertyValue('--text').trim(), muted: css.getPropertyValue('--muted').trim(),
    bad: css.getPropertyValue('--bad').trim(), warn: css.getPropertyValue('--warn').trim(),
    panel: css.getPropertyValue('--panel').trim() };
}

/** A time series chart with a named, unit-labelled y axis; series are [[isoTime, value], ...]. */
export function timeOption({ title, unit, yName, series, yMin, yMax, markAreas = [], legend = true }) {
  const p = palette();
  return {
    backgroundColor: 'transparent',
    title: { text: title, left: 0, textStyle: { fontSize: 13, color: p.text } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(1) + ' ' + unit) },
    legend: legend && series.length > 1 ? { top: 0, right: 0, textStyle: { color: p.muted } } : undefined,
    grid: { left: 52, right: 14, top: 42, bottom: 42 },
    xAxis: { type: 'time', name: 'time (UTC)', nameLocation: 'middle', nameGap: 26,
      axisLabel: { hideOverlap: true, color: p.muted }, nameTextStyle: { color: p.muted } },
    yAxis: { type: 'value', name: yName || unit, nameTextStyle: { color: p.muted, align: 'left' },
      min: yMin, max: yMax, scale: yMin === undefined, axisLabel: { color: p.muted } },
    series: series.map((s, i) => ({
      name: s.name, type: s.type || 'line', showSymbol: false, data: s.data, step: s.step,
      lineStyle: { width: 1.6 }, areaStyle: s.area ? { opacity: 0.15 } : undefined,
      markArea: i === 0 && markAreas.length ? {
        silent: false, itemStyle: { color: 'rgba(220, 38, 38, 0.16)' },
        label: { color: p.bad, fontSize: 10, position: 'insideTop' }, data: markAreas,
      } : undefined,
    })),
  };
}

/** Shows a message in place of an empty chart (the chart instance stays, with empty data). */
export function emptyGraphic(text) {
  const p = palette();
  return { type: 'text', left: 'center', top: 'middle', style: { text, fill: p.muted, fontSize: 13 } };
}
