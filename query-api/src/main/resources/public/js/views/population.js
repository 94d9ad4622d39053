import { get } from '../api.js';
import { h, fill, num, errorText } from '../dom.js';
import { chart, palette, emptyGraphic } from '../charts.js';

export const NAME = 'population';

export const AXES = {
  openness: 'openness (0–1)', conscientiousness: 'conscientiousness (0–1)', extraversion: 'extraversion (0–1)',
  agreeableness: 'agreeableness (0–1)', neuroticism: 'neuroticism (0–1)', heart_rate: 'heart rate (bpm)',
  resting_hr: 'resting HR (bpm)', spo2: 'SpO₂ (%)', systolic_bp: 'systolic BP (mmHg)', body_temp_c: 'temperature (°C)',
  baseline_confidence: 'baseline confidence (0–1)',
};
const STATUS_COLOR = { normal: '#16a34a', elevated_hr: '#dc2626', high_stress: '#ea580c', low_energy: '#ca8a04' };
const AXIS_COLOR = ['#2563eb', '#db2777', '#0d9488'];
const CUBE = [[-1, -1, -1], [1, -1, -1], [1, 1, -1], [-1, 1, -1], [-1, -1, 1], [1, -1, 1], [1, 1, 1], [-1, 1, 1]];
const EDGES = [[0, 1], [1, 2], [2, 3], [3, 0], [4, 5], [5, 6], [6, 7], [7, 4], [0, 4], [1, 5], [2, 6], [3, 7]];

/** Rotates a point of the unit cube by yaw (about the vertical) and pitch; returns [screen x, screen y, depth]. */
export function project([x, y, z], yawDeg, pitchDeg) {
  const a = (yawDeg * Math.PI) / 180;
  const b = (pitchDeg * Math.PI) / 180;
  const x1 = x * Math.cos(a) + z * Math.sin(a);
  const z1 = -x * Math.sin(a) + z * Math.cos(a);
  const y2 = y * Math.cos(b) - z1 * Math.sin(b);
  const z2 = y * Math.sin(b) + z1 * Math.cos(b);
  const f = 6 / (6 + z2); // mild perspective: nearer (negative depth) is larger
  return [x1 * f, y2 * f, z2];
}

/**
 * Every twin as a point in personality and health space: the cloud is rotated and projected to 2D with
 * plain ECharts (nearer points are larger); drag or use the sliders to rotate.
 */
export async function render(view) {
  const select = (id, value) => h('select#' + id, { 'aria-label': id }, Object.entries(AXES).map(([k, label]) => h('option', { value: k, selected: k === value }, label)));
  const ax = { x: select('axis-x', 'extraversion'), y: select('axis-y', 'neuroticism'), z: select('axis-z', 'resting_hr') };
  const yaw = h('input#rot-yaw', { type: 'range', min: '-180', max: '180', value: '35', 'aria-label': 'rotate left/right' });
  const pitch = h('input#rot-pitch', { type: 'range', min: '-90', max: '90', value: '20', 'aria-label': 'tilt' });
  const el = h('div.chart.huge#chart-population');
  const note = h('p.muted.small#population-note');
  fill(view, h('div.panel.stack',
    h('h1', 'Population in personality and health space'),
    h('div.row', h('label.row', 'x ', ax.x), h('label.row', 'y ', ax.y), h('label.row', 'z ', ax.z)),
    h('div.row', h('label.row', 'turn ', yaw), h('label.row', 'tilt ', pitch)),
    el, note));
  let items = [];
  try {
    items = (await get('/api/v1/population')).items;
  } catch (e) {
    note.textContent = errorText(e);
  }
  const c = chart(el);
  const draw = () => {
    const p = palette();
    const keys = [ax.x.value, ax.y.value, ax.z.value];
    const usable = items.filter((t) => keys.every((k) => t[k] !== null && t[k] !== undefined));
    const ranges = keys.map((k) => {
      const vs = usable.map((t) => Number(t[k]));
      return [Math.min(...vs), Math.max(...vs)];
    });
    const norm = (v, [lo, hi]) => (hi > lo ? ((v - lo) / (hi - lo)) * 2 - 1 : 0);
    const [yw, pt] = [Number(yaw.value), Number(pitch.value)];
    const points = usable.map((t) => {
      const raw = keys.map((k) => Number(t[k]));
      const [sx, sy, depth] = project(raw.map((v, i) => norm(v, ranges[i])), yw, pt);
      return { name: t.name || t.twin_id, twin: t.twin_id, raw, value: [sx, sy, depth], symbolSize: 9 + (1 - depth) * 5,
        itemStyle: { color: STATUS_COLOR[t.status] || '#6366f1', opacity: 0.55 + (1 - depth) * 0.2 } };
    }).sort((a, b) => b.value[2] - a.value[2]);
    const edges = EDGES.map(([i, j]) => [project(CUBE[i], yw, pt), project(CUBE[j], yw, pt)]);
    // the three axes leave the corner where every value is lowest; each is labelled with its range
    const axes = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]].map((end, i) => ({
      id: 'axis-' + 'xyz'[i], type: 'line', silent: true, symbol: 'none', z: 2, tooltip: { show: false },
      data: [project(CUBE[0], yw, pt), project(end, yw, pt)].map((q) => [q[0], q[1]]),
      lineStyle: { color: AXIS_COLOR[i], width: 2.5 },
      endLabel: { show: true, color: AXIS_COLOR[i], fontSize: 11, fontWeight: 600,
        formatter: 'xyz'[i] + ': ' + keys[i].replace(/_/g, ' ') + ' ' + num(ranges[i][0], 2) + '–' + num(ranges[i][1], 2) },
    }));
    c.setOption({
      backgroundColor: 'transparent',
      animation: false,
      graphic: points.length ? [] : [emptyGraphic('No twin has all three values yet')],
      tooltip: { formatter: (i) => (i.data && i.data.raw ? i.data.name + '<br>' + keys.map((k, j) => AXES[k] + ': ' + num(i.data.raw[j], 2)).join('<br>') : '') },
      // the rotated cube reaches √3 from its centre, a little more with perspective: keep it all in view
      xAxis: { type: 'value', min: -2.3, max: 2.3, show: false },
      yAxis: { type: 'value', min: -2.3, max: 2.3, show: false },
      grid: { left: 8, right: 8, top: 8, bottom: 8 },
      series: [
        { id: 'twins', type: 'scatter', data: points, z: 3,
          label: { show: points.length <= 12, position: 'right', formatter: (i) => i.data.name, color: p.muted, fontSize: 11 } },
        ...edges.map((e, i) => ({ id: 'edge' + i, type: 'line', data: e.map((q) => [q[0], q[1]]), symbol: 'none', silent: true,
          lineStyle: { color: p.muted, width: 0.6, opacity: 0.45 }, tooltip: { show: false }, z: 1 })),
        ...axes,
      ],
    }, { replaceMerge: ['series'] });
    note.textContent = points.length + ' of ' + items.length + ' twins have all three values; colour is the status (green normal, red elevated HR, orange high stress, yellow low energy).';
    view.dataset.ready = 'true';
  };
  Object.values(ax).forEach((s) => s.addEventListener('change', draw));
  yaw.addEventListener('input', draw);
  pitch.addEventListener('input', draw);
  let drag = null;
  c.getZr().on('mousedown', (e) => { drag = [e.offsetX, e.offsetY, Number(yaw.value), Number(pitch.value)]; });
  c.getZr().on('mousemove', (e) => {
    if (!drag) return;
    yaw.value = String(Math.max(-180, Math.min(180, drag[2] + (e.offsetX - drag[0]) / 2)));
    pitch.value = String(Math.max(-90, Math.min(90, drag[3] - (e.offsetY - drag[1]) / 2)));
    draw();
  });
  c.getZr().on('mouseup', () => { drag = null; });
  c.getZr().on('globalout', () => { drag = null; });
  c.on('click', (i) => { if (i.data && i.data.twin) location.hash = '#/twins/' + encodeURIComponent(i.data.twin); });
  draw();
}
