import { get, post, twinPath } from '../api.js';
import { h, errorText } from '../dom.js';

const SCALE = ['disagree strongly', 'disagree a little', 'neither', 'agree a little', 'agree strongly'];

/**
 * The BFI-10 questionnaire (Rammstedt & John 2007) for a real person: ten statements, each answered 1–5;
 * the API scores them and sets the twin's Big Five. Items come from the API, so the form asks exactly
 * what it scores.
 */
export function questionnaire(ctx, reload) {
  const body = h('div#bfi-body');
  const details = h('details#bfi', h('summary', 'Answer the BFI-10 questionnaire (for a real person)'), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || body.dataset.loaded) return;
    body.dataset.loaded = 'true';
    try {
      render(body, await get('/api/v1/questionnaires/bfi-10'), ctx, reload);
    } catch (e) {
      body.append(h('p.error', errorText(e)));
    }
  });
  return details;
}

function render(body, q, ctx, reload) {
  const message = h('p#bfi-message', { role: 'status' });
  const rows = q.items.map((item) => h('fieldset.bfi-item', { dataset: { item: String(item.item) } },
    h('legend', `${item.item}. … ${item.text}`),
    SCALE.map((label, i) => h('label.small',
      h('input', { type: 'radio', name: `bfi-${item.item}`, value: String(i + 1) }), ` ${i + 1} ${label}`))));
  const submit = h('button.btn#bfi-submit', { type: 'submit', disabled: ctx.asOf ? true : null }, 'Score and save');
  const form = h('form#bfi-form', h('p.small.muted', q.stem), rows, h('div.row', submit, message),
    h('p.small.muted', `Source: ${q.source}`));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const answers = q.items.map((item) => {
      const checked = form.querySelector(`input[name="bfi-${item.item}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    const missing = answers.findIndex((a) => a === null);
    if (missing >= 0) {
      message.className = 'error';
      message.textContent = `Please answer item ${missing + 1}.`;
      return;
    }
    submit.disabled = true;
    try {
      const result = await post(twinPath(ctx.id, '/personality/questionnaire'), { answers });
      message.className = 'ok';
      message.textContent = 'Saved: ' + Object.entries(result.scores).map(([k, v]) => `${k} ${v}`).join(', ');
      await reload();
    } catch (e) {
      message.className = 'error';
      message.textContent = errorText(e);
    } finally {
      submit.disabled = Boolean(ctx.asOf);
    }
  });
  body.append(form);
}
