// Live updates: server-sent events of the twin's state and anomalies. EventSource cannot send headers,
// so the token goes as access_token (the API accepts it only on /stream). When the server has no
// stream route, the twin's latest state is polled instead, and the page says which it is doing.
import { get, twinPath } from '../api.js';
import { session } from '../session.js';

const POLL_MS = 5000;

export function connectLive(ctx, handlers) {
  const state = { paused: false, source: null, timer: null, close };
  const deliver = (kind, data) => {
    if (state.paused) return;
    const box = document.getElementById('live');
    if (box) box.dataset.events = String(Number(box.dataset.events || 0) + 1);
    handlers[kind](data);
  };
  if (ctx.routes.stream) {
    const s = session();
    const url = twinPath(ctx.id, '/stream') + '?access_token=' + encodeURIComponent(s ? s.token : '');
    const source = new EventSource(url);
    state.source = source;
    source.addEventListener('open', () => handlers.status('live (SSE)'));
    // a reading that changes the twin's status is shown at once, before the job folds it into its
    // history; snapshots of earlier moments that arrive after it are history, not news, so not shown
    let newest = -Infinity;
    source.addEventListener('state', (ev) => {
      const data = JSON.parse(ev.data);
      const at = typeof data.ts === 'number' ? data.ts : Date.parse(data.ts);
      if (at < newest) return;
      newest = at;
      deliver('state', data);
    });
    source.addEventListener('anomaly', (ev) => deliver('anomaly', JSON.parse(ev.data)));
    source.addEventListener('error', () => {
      handlers.status(source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting');
    });
  } else {
    handlers.status('polling');
    let last = ctx.twin.state ? ctx.twin.state.ts : null;
    state.timer = setInterval(async () => {
      try {
        const twin = await get(twinPath(ctx.id));
        if (twin.state && twin.state.ts && twin.state.ts !== last) {
          last = twin.state.ts;
          deliver('state', twin.state);
        }
      } catch (e) {
        handlers.status('polling failed');
      }
    }, POLL_MS);
  }
  function close() {
    if (state.source) state.source.close();
    if (state.timer) clearInterval(state.timer);
  }
  return state;
}
