import { patch, twinPath } from '../api.js';
import { h, fill, errorText } from '../dom.js';
import { traitSliders } from '../traits.js';
import { questionnaire } from './questionnaire.js';
import { importData } from './importdata.js';

/**
 * Profile facts, the personality editor (saving is a PATCH, which the API turns into a registry event), the
 * BFI-10 questionnaire and the import of a wearable export.
 */
export async function renderProfile(slot, ctx, reload) {
  const t = ctx.twin;
  const p = t.profile || {};
  const sliders = traitSliders(t.personality, 'trait-');
  const reason = h('input#trait-reason', { maxlength: '200', placeholder: 'Why (kept in the history)', value: '' });
  const message = h('p#trait-message', { role: 'status' });
  const save = h('button.btn#trait-save', { type: 'submit', disabled: ctx.asOf ? true : null }, 'Save personality');
  const form = h('form#trait-form', sliders.el, h('label.field', h('span', 'Reason'), reason), h('div.row', save, message));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    message.className = '';
    let personality;
    try {
      personality = sliders.values();
    } catch (e) {
      message.className = 'error';
      message.textContent = errorText(e);
      return;
    }
    save.disabled = true;
    try {
      const body = { personality };
      if (reason.value.trim()) body.reason = reason.value.trim();
      await patch(twinPath(ctx.id), body);
      // the sliders keep what was saved: the API may still show the drifted traits of the last state
      // until the stream job has taken the edit (a registry event) into the twin's state
      message.className = 'ok';
      message.textContent = 'Saved';
      form.dataset.saved = JSON.stringify(personality);
      await reload();
    } catch (e) {
      message.className = 'error';
      message.textContent = errorText(e);
    } finally {
      save.disabled = Boolean(ctx.asOf);
    }
  });
  fill(slot,
    h('h2', 'Profile and personality'),
    h('table.small', h('tbody',
      [['Name', p.name], ['Age', p.age], ['Sex', p.sex], ['Occupation', p.occupation],
        ['Interests', (p.interests || []).join(', ') || '–'], ['Time zone', p.timezone], ['Owner', p.owner]]
        .map(([k, v]) => h('tr', h('th', k), h('td', v === null || v === undefined ? '–' : String(v)))))),
    h('h3', 'Big Five (0–1)'),
    ctx.asOf ? h('p.muted.small', 'Editing is off while looking at the past.') : null,
    form,
    questionnaire(ctx, reload),
    importData(ctx, reload));
}
