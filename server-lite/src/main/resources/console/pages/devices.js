// Devices: search and filter the fleet, open one for its certificate, sessions and per-WAN figures,
// and (with devices:write) disable, enable, revoke or delete it. The list follows the live feed.

import {get, post, del, seg} from '../api.js';
import {h, replace, table, when, ago, badge, bits, toast, confirmAction, field} from '../dom.js';
import * as live from '../live.js';

export async function render(main, ctx, [id]) {
  return id ? detail(main, ctx, id) : list(main, ctx);
}

async function list(main, ctx) {
  let devices = await get('/api/v1/devices');
  const search = h('input', {type: 'search', placeholder: 'name, id, address, group, OS', autocomplete: 'off'});
  const status = h('select', {}, ['all', 'enabled', 'disabled', 'revoked'].map((s) => h('option', {value: s}, s)));
  const results = h('div', {});
  const count = h('p', {class: 'muted', 'aria-live': 'polite'});

  function draw() {
    const q = search.value.trim().toLowerCase();
    const shown = devices.filter((d) => (status.value === 'all' || d.status === status.value)
      && (!q || [d.name, d.id, d.overlayIpv4, d.overlayIpv6, d.os, ...d.groups].some((v) => v && v.toLowerCase().includes(q))));
    count.textContent = shown.length + ' of ' + devices.length + ' devices';
    replace(results, table('Devices', ['Name', 'Status', 'Overlay address', 'Groups', 'OS', 'Enrolled', 'Last seen'],
      shown.map((d) => h('tr', {'data-device': d.id},
        h('td', {}, h('a', {href: '#/devices/' + seg(d.id)}, d.name), h('div', {class: 'muted mono'}, d.id)),
        h('td', {}, badge(d.status)),
        h('td', {class: 'mono'}, d.overlayIpv4),
        h('td', {}, d.groups.join(', ') || '—'),
        h('td', {}, d.os || '—'),
        h('td', {}, when(d.createdAt)),
        h('td', {}, ago(d.lastSeenAt)))),
      devices.length ? 'No device matches.' : 'No device has enrolled yet. Create an enrollment key and use its link on a device.'));
  }

  search.addEventListener('input', draw);
  status.addEventListener('change', draw);
  replace(main,
    h('h1', {}, 'Devices'),
    h('div', {class: 'toolbar', role: 'search'}, field('Search', search), field('Status', status)),
    count, results);
  draw();
  return live.on('device.*', (e, type) => {
    devices = devices.filter((d) => d.id !== e.data.deviceId);
    if (type !== 'device.deleted') devices.push(e.data.device);
    devices.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    draw();
    if (type === 'device.enrolled') toast('Device ' + e.data.device.name + ' enrolled');
  });
}

async function detail(main, ctx, id) {
  let view;
  try {
    view = await get('/api/v1/devices/' + seg(id));
  } catch (e) {
    if (e.status === 404) { replace(main, h('h1', {}, 'Device'), h('p', {class: 'empty'}, 'There is no device ' + id + ' (deleted?).'), h('a', {href: '#/devices'}, 'All devices')); return null; }
    throw e;
  }
  const body = h('div', {});

  async function act(action, question, label) {
    if (!(await confirmAction(label + ' ' + view.device.name + '?', question, label))) return;
    try {
      if (action === 'delete') {
        await del('/api/v1/devices/' + seg(id));
        toast('Deleted ' + view.device.name);
        ctx.go('#/devices');
        return;
      }
      await post('/api/v1/devices/' + seg(id) + '/' + action);
      toast(view.device.name + ': ' + label.toLowerCase() + 'd');
      view = await get('/api/v1/devices/' + seg(id));
      draw();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  function actions() {
    if (!ctx.can('devices:write')) return h('p', {class: 'muted'}, 'Your role can look at devices but not change them.');
    const d = view.device;
    return h('div', {class: 'actions'},
      d.status === 'enabled' ? h('button', {class: 'secondary', onclick: () => act('disable',
        'The device cannot refresh its token or connect until it is enabled again.', 'Disable')}, 'Disable') : null,
      d.status === 'disabled' ? h('button', {class: 'secondary', onclick: () => act('enable', 'The device may connect again.', 'Enable')}, 'Enable') : null,
      d.status !== 'revoked' ? h('button', {class: 'danger', onclick: () => act('revoke',
        'Its certificates go on the revocation list now. The device must enroll again with a new key. This cannot be undone.', 'Revoke')}, 'Revoke') : null,
      h('button', {class: 'danger', onclick: () => act('delete',
        'The device record is removed; its certificates stay revoked until they expire.', 'Delete')}, 'Delete'));
  }

  function draw() {
    const d = view.device;
    replace(body,
      h('dl', {class: 'facts'},
        fact('Status', badge(d.status)), fact('Device id', h('span', {class: 'mono'}, d.id)),
        fact('Overlay addresses', h('span', {class: 'mono'}, d.overlayIpv4 + ' · ' + d.overlayIpv6)),
        fact('Groups', d.groups.join(', ') || '—'), fact('OS', d.os || '—'),
        fact('Enrolled', when(d.createdAt)), fact('Enrolled from', d.enrolledFrom || '—'),
        fact('Enrollment key', d.enrollmentKeyId || '—'), fact('Last seen by the manager', ago(d.lastSeenAt))),
      actions(),
      h('h2', {}, 'Certificates'),
      table('Certificates', ['Serial', 'SHA-256 fingerprint', 'Valid from', 'Valid until', 'State'],
        view.certificates.map((c) => h('tr', {},
          h('td', {class: 'mono'}, c.serial), h('td', {class: 'mono small'}, c.fingerprint),
          h('td', {}, when(c.notBefore)), h('td', {}, when(c.notAfter), ' ', expiry(c)),
          h('td', {}, c.revokedAt ? badge('revoked') : badge('valid', 'enabled')))),
        'No certificate on record.'),
      h('h2', {}, 'Sessions and WAN links'),
      view.sessions.length
        ? view.sessions.map((s) => h('section', {class: 'session'},
          h('p', {}, 'Session ', h('span', {class: 'mono'}, s.id), ' on headend ', s.headendId, ' since ', when(s.startedAt),
            ' · ↓ ', bits(s.rxBitsPerSecond), ' · ↑ ', bits(s.txBitsPerSecond)),
          table('WAN links', ['WAN', 'State', 'RTT', 'Loss', '↓', '↑'], s.wans.map((w) => h('tr', {},
            h('td', {}, w.name), h('td', {}, badge(w.state)), h('td', {}, w.rttMillis == null ? '—' : w.rttMillis.toFixed(1) + ' ms'),
            h('td', {}, w.lossPercent == null ? '—' : w.lossPercent.toFixed(1) + ' %'),
            h('td', {}, bits(w.rxBitsPerSecond)), h('td', {}, bits(w.txBitsPerSecond)))), 'No WAN reported.')))
        : h('p', {class: 'empty'}, 'No live session. Sessions and per-WAN figures appear when the device connects to a headend '
          + '(no headend has reported one).'));
  }

  replace(main, h('p', {}, h('a', {href: '#/devices'}, '← All devices')), h('h1', {}, view.device.name), body);
  draw();
  const reload = async () => { view = await get('/api/v1/devices/' + seg(id)); draw(); };
  const offs = [
    live.on('device.*', (e, type) => {
      if (e.data.deviceId !== id) return;
      if (type === 'device.deleted') { toast(view.device.name + ' was deleted'); ctx.go('#/devices'); } else reload();
    }),
    live.on('session.up', (e) => { if (e.data.session.deviceId === id) reload(); }),
    live.on('session.down', (e) => { if (e.data.session.deviceId === id) reload(); }),
    live.on('session.stats', (e) => {
      // Rates arrive every few seconds: patch them in place instead of asking the server again.
      const s = view.sessions.find((x) => x.id === e.data.sessionId);
      if (!s) return;
      s.rxBitsPerSecond = e.data.rxBitsPerSecond;
      s.txBitsPerSecond = e.data.txBitsPerSecond;
      if (e.data.wans.length) s.wans = e.data.wans;
      draw();
    }),
    live.on('wan.*', (e) => { if (e.data.deviceId === id) reload(); }),
  ];
  return () => offs.forEach((f) => f());
}

function fact(name, value) {
  return h('div', {}, h('dt', {}, name), h('dd', {}, value));
}

function expiry(c) {
  if (c.revokedAt) return null;
  const days = Math.floor((new Date(c.notAfter).getTime() - Date.now()) / 86400000);
  if (days < 0) return badge('expired', 'revoked');
  if (days <= 30) return badge('expires in ' + days + ' d', days <= 7 ? 'revoked' : 'disabled');
  return null;
}
