// Hash router: each view renders into #view and returns a cleanup (close streams, stop timers).
import { session, endSession } from './session.js';
import { disposeAll } from './charts.js';
import { installToggle, onThemeChange } from './theme.js';
import { fill, h } from './dom.js';
import * as login from './views/login.js';
import * as twins from './views/twins.js';
import * as twin from './twin/view.js';
import * as pipeline from './views/pipeline.js';
import * as population from './views/population.js';

const routes = [
  [/^#\/login$/, login, false],
  [/^#\/twins$/, twins, true],
  [/^#\/twins\/([A-Za-z0-9_-]{1,64})$/, twin, true],
  [/^#\/pipeline$/, pipeline, true],
  [/^#\/population$/, population, true],
];

const view = document.getElementById('view');
let cleanup = null;

function header() {
  const s = session();
  document.getElementById('nav').hidden = !s;
  document.getElementById('logout').hidden = !s;
  document.getElementById('whoami').textContent = s ? s.user.username + ' (' + s.user.role + ')' : '';
  const hash = location.hash;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    a.classList.toggle('active', hash.startsWith('#/' + a.dataset.nav));
  });
}

async function route() {
  if (cleanup) {
    try { cleanup(); } catch (e) { /* the old view is gone either way */ }
    cleanup = null;
  }
  disposeAll();
  let hash = location.hash || '#/twins';
  if (!session() && hash !== '#/login') {
    sessionStorage.setItem('twin.after-login', hash);
    hash = '#/login';
    history.replaceState(null, '', hash);
  }
  header();
  const match = routes.map(([re, mod]) => [hash.match(re), mod]).find(([m]) => m);
  if (!match) {
    fill(view, h('div.panel', h('h1', 'Not found'), h('a', { href: '#/twins' }, 'Back to the twins')));
    return;
  }
  const [m, mod] = match;
  // a fresh page per route: a slow render of the previous view can only touch its own, detached page
  const page = h('div.page', { dataset: { view: mod.NAME } });
  fill(view, page);
  cleanup = (await mod.render(page, ...m.slice(1).map(decodeURIComponent))) || null;
}

document.getElementById('logout').addEventListener('click', () => {
  endSession();
  location.hash = '#/login';
});
installToggle(document.getElementById('theme-toggle'));
onThemeChange(() => route());
window.addEventListener('hashchange', route);
route();
