// Overview: the fleet at a glance. Device and key counts come from the manager's store; sessions,
// throughput and WAN health only from connected headends, so without one the page says so rather
// than showing zeros. Figures update from the live feed's snapshots and events.

import {get} from '../api.js';
import {h, replace, bits} from '../dom.js';
import * as live from '../live.js';

export async function render(main, ctx) {
  const cards = h('div', {class: 'cards', 'aria-live': 'polite'});
  const activity = h('ol', {class: 'activity', 'aria-label': 'Recent activity'});
  replace(main,
    h('h1', {}, 'Overview'),
    cards,
    h('h2', {}, 'Activity since you opened this page'),
    activity,
    h('p', {class: 'muted', id: 'activity-empty'}, 'Nothing yet: enrollments, revocations, sessions and WAN changes appear here as they happen.'));

  function card(title, value, detail, kind) {
    return h('section', {class: 'card ' + (kind || ''), 'aria-label': title},
      h('h2', {}, title), h('p', {class: 'figure'}, value), detail ? h('p', {class: 'muted'}, detail) : null);
  }

  function draw(o) {
    const d = o.devices;
    const items = [
      card('Devices', d.total, d.enabled + ' enabled · ' + d.disabled + ' disabled · ' + d.revoked + ' revoked'),
      card('Active enrollment keys', o.activeKeys, null),
      card('Headends', o.headends, o.headends ? 'connected now' : 'none connected'),
    ];
    if (o.live) {
      items.push(
        card('Devices online', o.live.devicesOnline, o.live.sessions + (o.live.sessions === 1 ? ' tunnel session' : ' tunnel sessions')),
        card('Throughput', bits(o.live.throughput.rxBitsPerSecond + o.live.throughput.txBitsPerSecond),
          '↓ ' + bits(o.live.throughput.rxBitsPerSecond) + ' · ↑ ' + bits(o.live.throughput.txBitsPerSecond)),
        card('WAN health', o.live.wans.up + ' up', o.live.wans.degraded + ' degraded · ' + o.live.wans.down + ' down',
          o.live.wans.down ? 'warn' : ''));
    } else {
      items.push(h('section', {class: 'card wide empty-state', 'aria-label': 'Live figures'},
        h('h2', {}, 'Sessions, throughput and WAN health'),
        h('p', {}, 'No headend has connected yet.'),
        h('p', {class: 'muted'}, 'These figures come from headends. When one connects to this manager, devices online, '
          + 'tunnel sessions, throughput and the health of every WAN link appear here live.')));
    }
    replace(cards, items);
  }

  function note(text) {
    document.getElementById('activity-empty')?.remove();
    activity.prepend(h('li', {}, h('span', {class: 'muted'}, new Date().toLocaleTimeString() + ' '), text));
    while (activity.children.length > 20) activity.lastChild.remove();
  }

  let reload = null;
  const refresh = () => { clearTimeout(reload); reload = setTimeout(async () => draw(await get('/api/v1/overview')), 200); };
  draw(await get('/api/v1/overview')); // the feed's first snapshot may be older than this page

  const off = [
    live.on('snapshot', (s) => draw(s.overview)),
    live.on('device.*', (e, type) => { note(describeDevice(e, type)); refresh(); }),
    live.on('key.*', (e, type) => { note('Enrollment key ' + (e.data.key.name || e.data.key.id) + ' ' + type.split('.')[1]); refresh(); }),
    live.on('headend.*', (e, type) => { note('Headend ' + e.data.headend.name + (type === 'headend.up' ? ' connected' : ' left')); refresh(); }),
    live.on('session.up', (e) => { note('Session up for device ' + e.data.session.deviceId); refresh(); }),
    live.on('session.down', (e) => { note('Session down for device ' + e.data.session.deviceId + (e.data.reason ? ' (' + e.data.reason + ')' : '')); refresh(); }),
    live.on('wan.*', (e, type) => { note('WAN ' + e.data.wan.name + ' of device ' + e.data.deviceId + ' is ' + type.split('.')[1]); refresh(); }),
    live.on('session.stats', refresh),
  ];
  return () => { off.forEach((f) => f()); clearTimeout(reload); };
}

function describeDevice(e, type) {
  const name = e.data.device ? e.data.device.name : e.data.deviceId;
  return 'Device ' + name + ' ' + type.split('.')[1];
}
