// The console shell: who is signed in, the navigation their role allows, the hash router, and the
// live feed. Each page is a module exporting render(main, ctx) and returning an optional cleanup.

import {get, del, ApiError} from './api.js';
import {h, replace, toast} from './dom.js';
import * as live from './live.js';

const PAGES = [
  {path: 'overview', title: 'Overview', needs: 'fleet:read', load: () => import('./pages/overview.js')},
  {path: 'devices', title: 'Devices', needs: 'devices:read', load: () => import('./pages/devices.js')},
  {path: 'keys', title: 'Enrollment keys', needs: 'keys:read', load: () => import('./pages/keys.js')},
  {path: 'policies', title: 'Policies', needs: 'policies:read', load: () => import('./pages/policies.js')},
  {path: 'headends', title: 'Headends', needs: 'fleet:read', load: () => import('./pages/headends.js')},
  {path: 'audit', title: 'Audit log', needs: 'audit:read', load: () => import('./pages/audit.js')},
  {path: 'accounts', title: 'Accounts', needs: 'accounts:read', load: () => import('./pages/accounts.js')},
];

const main = document.getElementById('main');
let me = null;
let cleanup = null;

/** What pages get: the caller, a permission check, and a way to navigate. */
const ctx = {
  get me() { return me; },
  can: (permission) => !!me && me.permissions.includes(permission),
  go: (hash) => { location.hash = hash; },
  refreshMe: async () => { me = await get('/api/v1/session'); renderChrome(); },
};

function setLive(state, text) {
  const el = document.getElementById('live');
  el.textContent = text;
  el.dataset.state = state;
}

function renderChrome() {
  const nav = document.getElementById('nav');
  const current = (location.hash.slice(2).split('/')[0]) || 'overview';
  replace(nav, h('ul', {}, PAGES.filter((p) => ctx.can(p.needs)).map((p) =>
    h('li', {}, h('a', {href: '#/' + p.path, 'aria-current': p.path === current ? 'page' : null}, p.title)))));
  nav.hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('whoami').textContent = me.name + ' · ' + me.role;
}

async function route() {
  if (!me) return;
  if (cleanup) { cleanup(); cleanup = null; }
  const [path, ...rest] = (location.hash.slice(2) || 'overview').split('/');
  const page = PAGES.find((p) => p.path === path);
  renderChrome();
  if (!page) { replace(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no page ' + path + '.')); return; }
  if (!ctx.can(page.needs)) {
    replace(main, h('h1', {}, page.title), h('p', {class: 'empty'}, 'Your role (' + me.role + ') cannot see this page.'));
    return;
  }
  document.title = page.title + ' · Braid console';
  const module = await page.load();
  replace(main);
  try {
    cleanup = await module.render(main, ctx, rest.map(decodeURIComponent)) || null;
  } catch (e) {
    showError(e);
  }
  // When the page is on screen with its data: what the page-load figure in docs/benchmarks.md measures.
  performance.mark('braid:page-rendered', {detail: page.path});
  main.focus({preventScroll: true});
}

export function showError(e) {
  if (e instanceof ApiError && e.status === 401) return; // the sign-in page takes over
  toast(e.message || String(e), 'error');
}

async function signedIn(session) {
  me = session;
  live.connect(setLive);
  if (!location.hash || location.hash === '#/') {
    history.replaceState(null, '', me.firstAccountNeeded ? '#/accounts' : '#/overview');
  }
  await route();
}

async function signedOut() {
  me = null;
  live.disconnect();
  if (cleanup) { cleanup(); cleanup = null; }
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  document.title = 'Sign in · Braid console';
  const module = await import('./pages/signin.js');
  module.render(main, signedIn);
}

async function start() {
  try {
    await signedIn(await get('/api/v1/session'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) await signedOut();
    else replace(main, h('p', {role: 'alert'}, 'The manager did not answer: ' + e.message));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('braid:signed-out', () => { if (me) { toast('Your session has ended. Please sign in again.', 'error'); signedOut(); } });
window.addEventListener('braid:check-session', async () => {
  try { await get('/api/v1/session'); } catch (e) { /* a 401 signs out through the api module */ }
});
document.getElementById('signout').addEventListener('click', async () => {
  try { await del('/api/v1/session'); } catch (e) { /* already gone */ }
  // Signing out on purpose starts the next sign-in at the overview; an expired session returns to where it was.
  history.replaceState(null, '', location.pathname);
  await signedOut();
});

start();
