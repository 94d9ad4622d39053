// Big Five sliders, shared by the create form and the personality editor.
import { h } from './dom.js';

export const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

/** Sliders 0..1 in steps of 0.01; values() returns {trait: number}, or throws naming a bad trait. */
export function traitSliders(initial, idPrefix) {
  const inputs = {};
  const rows = TRAITS.map((t) => {
    const v = initial && initial[t] !== null && initial[t] !== undefined ? Number(initial[t]) : 0.5;
    const out = h('output', { for: idPrefix + t }, v.toFixed(2));
    const input = h('input#' + idPrefix + t, { type: 'range', min: '0', max: '1', step: '0.01', value: String(v), name: t,
      'aria-label': t });
    input.addEventListener('input', () => { out.textContent = Number(input.value).toFixed(2); });
    inputs[t] = input;
    return h('div.slider-row', h('label', { for: idPrefix + t }, t), input, out);
  });
  return {
    el: h('div.sliders', rows),
    values() {
      const out = {};
      for (const t of TRAITS) {
        const v = Number(inputs[t].value);
        if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(t + ' must be between 0 and 1');
        out[t] = Math.round(v * 100) / 100;
      }
      return out;
    },
    set(values) {
      for (const t of TRAITS) {
        if (values && values[t] !== null && values[t] !== undefined) {
          inputs[t].value = String(values[t]);
          inputs[t].dispatchEvent(new Event('input'));
        }
      }
    },
  };
}
