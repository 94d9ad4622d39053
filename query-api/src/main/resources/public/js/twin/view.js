// One twin: header, "as of" time travel, profile and personality, vitals, trends, drift, behaviour,
// anomalies and chat. Times are on the data's clock: windows end at the twin's last event (or the
// "as of" instant), since a simulation may run ahead of or behind the wall clock.
import { get, has, twinPath } from '../api.js';
import { h, fill, errorText } from '../dom.js';
import { renderHeader } from './header.js';
import { renderProfile } from './profile.js';
import { renderVitals } from './vitals.js';
import { renderTrends } from './trends.js';
import { renderPersonality } from './personality.js';
import { renderBehavior } from './behavior.js';
import { renderAnomalies } from './anomalies.js';
import { renderChat } from './chat.js';
import { renderAsOf } from './asof.js';
import { connectLive } from './live.js';

export const NAME = 'twin';

export async function render(view, id) {
  let twin;
  try {
    twin = await get(twinPath(id));
  } catch (e) {
    fill(view, h('div.panel', h('h1', 'Twin ' + id), h('p.error', errorText(e)), h('a', { href: '#/twins' }, 'All twins')));
    return null;
  }
  const slots = {
    header: h('section.panel#twin-header'),
    asof: h('section.panel#asof'),
    profile: h('section.panel#profile'),
    vitals: h('section.panel#vitals'),
    trends: h('section.panel#trends'),
    personality: h('section.panel#personality'),
    behavior: h('section.panel#behavior'),
    anomalies: h('section.panel#anomalies'),
    chat: h('section.panel#chat'),
  };
  const nav = h('nav.section-nav', ['vitals', 'trends', 'personality', 'behavior', 'anomalies', 'chat', 'profile']
    .map((s) => h('a', { href: '#/twins/' + encodeURIComponent(id), onclick: (ev) => {
      ev.preventDefault();
      slots[s].scrollIntoView({ behavior: 'smooth', block: 'start' });
    } }, s)));
  fill(view, h('div.stack', slots.header, nav, slots.asof,
    h('div.grid.two', slots.profile, slots.personality),
    slots.vitals, slots.trends, slots.behavior, slots.anomalies, slots.chat));

  const routes = {
    trends: await has('GET', '/api/v1/twins/{id}/health/trends'),
    daily: await has('GET', '/api/v1/twins/{id}/health/daily'),
    personality: await has('GET', '/api/v1/twins/{id}/personality'),
    behavior: await has('GET', '/api/v1/twins/{id}/behavior'),
    anomalies: await has('GET', '/api/v1/twins/{id}/anomalies'),
    state: await has('GET', '/api/v1/twins/{id}/state'),
    stream: await has('GET', '/api/v1/twins/{id}/stream'),
    chat: await has('POST', '/api/v1/twins/{id}/chat'),
    chatHistory: await has('GET', '/api/v1/twins/{id}/chat/history'),
  };

  const ctx = { id, twin, routes, ref: twin.last_event || new Date().toISOString(), asOf: null, asOfData: null };
  let vitals = null;
  let anomalies = null;

  async function loadAll() {
    const header = renderHeader(slots.header, ctx);
    const tasks = [
      renderProfile(slots.profile, ctx, async () => { ctx.twin = await get(twinPath(id)); if (!ctx.asOf) header.update(ctx.twin.state); }),
      renderVitals(slots.vitals, ctx).then((v) => { vitals = v; }),
      renderTrends(slots.trends, ctx),
      renderPersonality(slots.personality, ctx),
      renderBehavior(slots.behavior, ctx),
      renderAnomalies(slots.anomalies, ctx).then((a) => { anomalies = a; }),
    ];
    await Promise.all(tasks.map((t) => t.catch((e) => console.warn('panel failed', e))));
    return header;
  }

  let header = await loadAll();
  renderChat(slots.chat, ctx).catch((e) => console.warn('chat failed', e));
  renderAsOf(slots.asof, ctx, async (asOf, data) => {
    ctx.asOf = asOf;
    ctx.asOfData = asOf ? data : null;
    ctx.ref = asOf || (ctx.twin.last_event || new Date().toISOString());
    live.paused = Boolean(asOf);
    header = await loadAll();
  });

  const live = connectLive(ctx, {
    state: (s) => {
      if (s.ts && (!ctx.twin.last_event || s.ts > ctx.twin.last_event)) ctx.twin.last_event = s.ts;
      header.update(s);
      if (vitals) vitals.append(s);
    },
    anomaly: (a) => { if (anomalies) anomalies.add(a); if (vitals) vitals.mark(a); },
    status: (mode) => header.live(mode),
  });
  view.dataset.ready = 'true';
  return () => {
    live.close();
    if (vitals) vitals.close();
  };
}
