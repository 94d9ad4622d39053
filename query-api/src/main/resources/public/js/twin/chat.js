import { get, post, twinPath } from '../api.js';
import { h, fill, num, time, errorText } from '../dom.js';

/**
 * Chat with the twin. Each answer shows how it was reached: intent and confidence, sentiment, mood,
 * time taken, and the evidence (each SQL query, the values of its parameters and the rows it returned)
 * behind a fold.
 */
export async function renderChat(slot, ctx) {
  if (!ctx.routes.chat) {
    fill(slot, h('h2', 'Chat'), h('p.muted#chat-unavailable', 'Chat is not available on this server.'));
    return;
  }
  const log = h('div.chat-log#chat-log', { 'aria-live': 'polite' });
  const input = h('input#chat-input', { maxlength: '1000', placeholder: 'Ask ' + ((ctx.twin.profile || {}).name || 'the twin') + ' something', autocomplete: 'off' });
  const send = h('button.btn#chat-send', { type: 'submit' }, 'Send');
  const error = h('p.error#chat-error');
  const form = h('form.row', input, send);
  input.style.flex = '1';
  fill(slot, h('h2', 'Chat'), log, form, error);

  if (ctx.routes.chatHistory) {
    try {
      const history = await get(twinPath(ctx.id, '/chat/history'));
      const items = Array.isArray(history) ? history : history.items || history.messages || [];
      // the history comes newest first; the log reads top to bottom like a conversation
      items.slice().reverse().forEach((m) => log.appendChild(historyMessage(m)));
    } catch (e) {
      error.textContent = errorText(e);
    }
  }
  log.scrollTop = log.scrollHeight;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    send.disabled = true;
    error.textContent = '';
    log.appendChild(h('div.msg.user', text));
    try {
      const answer = await post(twinPath(ctx.id, '/chat'), { message: text });
      log.appendChild(reply(answer));
      input.value = '';
    } catch (e) {
      error.textContent = errorText(e);
    } finally {
      send.disabled = false;
      log.scrollTop = log.scrollHeight;
    }
  });
  slot.dataset.ready = 'true';
}

function historyMessage(m) {
  const twin = m.role && m.role !== 'user';
  return h('div.msg.' + (twin ? 'twin' : 'user'), { dataset: { history: 'true' } }, m.text || m.message || m.reply || '',
    h('div.meta', time(m.ts) + (m.intent ? ' · ' + m.intent : '') + (m.sentiment_label ? ' · ' + m.sentiment_label : '')));
}

function reply(a) {
  const s = a.sentiment || {};
  const evidence = a.evidence || [];
  return h('div.msg.twin.reply', { dataset: { intent: a.intent || '' } }, a.reply,
    h('div.meta', 'intent ' + (a.intent || '–') + ' (' + num(a.confidence, 2) + ') · sentiment ' + (s.label || '–') + ' ' + num(s.score, 2) +
      ' · mood ' + (a.mood || '–') + ' · ' + num(a.processing_ms, 0) + ' ms'),
    evidence.length ? h('details.evidence', h('summary', 'evidence (' + evidence.length + ' quer' + (evidence.length === 1 ? 'y' : 'ies') + ')'),
      evidence.map((e) => h('div.evidence-query', h('pre.evidence-sql', e.sql), paramsList(e.params || []), rowsTable(e.rows || [])))) : null);
}

/** The values of the query's ? placeholders, in order: with them the SQL can be run again as it was. */
function paramsList(params) {
  if (!params.length) return null;
  return h('ol.small.evidence-params', { dataset: { params: JSON.stringify(params) } },
    params.map((p) => h('li', h('code', typeof p === 'string' ? p : JSON.stringify(p)))));
}

function rowsTable(rows) {
  if (!rows.length) return h('p.muted.small', 'no rows');
  const cols = Array.isArray(rows[0]) ? rows[0].map((_, i) => '#' + i) : Object.keys(rows[0]);
  return h('div.table-wrap', h('table.small.evidence-rows',
    h('thead', h('tr', cols.map((c) => h('th', c)))),
    h('tbody', rows.slice(0, 50).map((r) => h('tr', cols.map((c, i) => h('td', String(Array.isArray(r) ? r[i] : r[c]))))))));
}
