// Headends: the tunnel endpoints connected to this manager, with their sessions. Filled by the
// headends themselves over the live feed; empty, and saying so, until one connects.

import {get} from '../api.js';
import {h, replace, table, when} from '../dom.js';
import * as live from '../live.js';

export async function render(main) {
  const box = h('div', {});
  async function draw() {
    const [headends, sessions] = await Promise.all([get('/api/v1/headends'), get('/api/v1/sessions')]);
    if (!headends.length) {
      replace(box, h('section', {class: 'card wide empty-state'},
        h('h2', {}, 'No headend has connected yet'),
        h('p', {}, 'A headend terminates device tunnels and enforces the policies. This manager has not heard from one yet; '
          + 'each headend appears here, with its sessions, the moment it connects.')));
      return;
    }
    replace(box, table('Headends', ['Name', 'Address', 'Version', 'Connected', 'Sessions'],
      headends.map((x) => h('tr', {},
        h('td', {}, x.name, h('div', {class: 'muted mono'}, x.id)),
        h('td', {class: 'mono'}, x.address),
        h('td', {}, x.version || '—'),
        h('td', {}, when(x.connectedAt)),
        h('td', {}, String(sessions.filter((s) => s.headendId === x.id).length)))), ''));
  }
  replace(main, h('h1', {}, 'Headends'), box);
  await draw();
  const offs = [live.on('headend.*', draw), live.on('session.up', draw), live.on('session.down', draw)];
  return () => offs.forEach((f) => f());
}
