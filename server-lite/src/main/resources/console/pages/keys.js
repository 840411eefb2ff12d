// Enrollment keys: create one (its secret, braid:// link and QR code are shown once), list them with
// their state and uses, revoke. Creating needs keys:write; the list follows the live feed.

import {get, post, seg} from '../api.js';
import {h, replace, table, when, badge, toast, confirmAction, field} from '../dom.js';
import * as live from '../live.js';

const EXPIRY = [['1 hour', 3600], ['1 day', 86400], ['7 days', 604800], ['30 days', 2592000], ['never', null]];

export async function render(main, ctx) {
  let keys = await get('/api/v1/keys');
  const listBox = h('div', {});
  const created = h('div', {'aria-live': 'polite'});

  function draw() {
    const rows = [...keys].reverse().map((k) => h('tr', {'data-key': k.id},
      h('td', {}, k.name || '—', h('div', {class: 'muted mono'}, k.id)),
      h('td', {}, badge(k.state, k.state === 'active' ? 'enabled' : 'revoked')),
      h('td', {}, k.uses + ' / ' + (k.maxUses == null ? '∞' : k.maxUses)),
      h('td', {}, k.expiresAt ? when(k.expiresAt) : 'never'),
      h('td', {}, k.groups.join(', ') || '—'),
      h('td', {}, when(k.createdAt), h('div', {class: 'muted'}, k.createdBy)),
      h('td', {}, ctx.can('keys:write') && !k.revokedAt
        ? h('button', {class: 'danger small', 'aria-label': 'Revoke key ' + (k.name || k.id), onclick: () => revoke(k)}, 'Revoke') : null)));
    replace(listBox, table('Enrollment keys', ['Name', 'State', 'Uses', 'Expires', 'Groups', 'Created', ''], rows,
      'No enrollment key yet.'));
  }

  async function revoke(k) {
    if (!(await confirmAction('Revoke key ' + (k.name || k.id) + '?', 'No more devices can enroll with it. Devices already enrolled stay.', 'Revoke'))) return;
    try {
      await post('/api/v1/keys/' + seg(k.id) + '/revoke');
      toast('Key ' + (k.name || k.id) + ' revoked');
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  replace(main, h('h1', {}, 'Enrollment keys'), ctx.can('keys:write') ? createForm(created) : null, created,
    h('h2', {}, 'All keys'), listBox);
  draw();
  const reload = async () => { keys = await get('/api/v1/keys'); draw(); };
  const offs = [live.on('key.*', reload), live.on('device.enrolled', reload)];
  return () => offs.forEach((f) => f());
}

function createForm(created) {
  const name = h('input', {name: 'name', maxlength: '64', placeholder: 'laptops, floor 2'});
  const reusable = h('input', {type: 'checkbox', name: 'reusable', id: 'key-reusable'});
  const maxUses = h('input', {type: 'number', name: 'maxUses', min: '1', max: '1000000', disabled: true});
  const expires = h('select', {name: 'expires'}, EXPIRY.map(([label, s]) => h('option', {value: s ?? 'never', selected: s === 604800}, label)));
  const groups = h('input', {name: 'groups', placeholder: 'staff, finance', pattern: '[a-z0-9_.,\\- ]*'});
  const error = h('p', {class: 'error', role: 'alert'});
  reusable.addEventListener('change', () => { maxUses.disabled = !reusable.checked; });

  async function submit(event) {
    event.preventDefault();
    error.textContent = '';
    const body = {
      name: name.value.trim() || null,
      reusable: reusable.checked,
      maxUses: reusable.checked && maxUses.value ? Number(maxUses.value) : null,
      expiresInSeconds: expires.value === 'never' ? null : Number(expires.value),
      groups: groups.value.split(',').map((g) => g.trim()).filter(Boolean),
    };
    try {
      const result = await post('/api/v1/keys', body);
      showCreated(created, result);
      event.target.reset();
      maxUses.disabled = true;
    } catch (e) {
      error.textContent = e.message;
    }
  }

  return h('details', {class: 'panel', open: true},
    h('summary', {}, 'Create a key'),
    h('form', {onsubmit: submit, class: 'grid'},
      field('Name', name),
      h('div', {class: 'field checkbox'}, reusable, h('label', {for: 'key-reusable'}, 'Reusable (more than one device)')),
      field('Maximum uses', maxUses, 'Only for reusable keys; empty for no limit.'),
      field('Expires after', expires),
      field('Groups', groups, 'Comma-separated; devices enrolled with this key join them (policies refer to groups).'),
      error,
      h('button', {type: 'submit'}, 'Create key')));
}

function showCreated(box, result) {
  const link = h('input', {readonly: true, value: result.link, class: 'mono'});
  const copy = h('button', {type: 'button', class: 'secondary', onclick: async () => {
    try { await navigator.clipboard.writeText(result.link); toast('Link copied'); } catch (e) { link.select(); }
  }}, 'Copy link');
  replace(box, h('section', {class: 'panel created', 'aria-labelledby': 'created-title'},
    h('h2', {id: 'created-title'}, 'Key ' + (result.key.name || result.key.id) + ' created'),
    h('p', {}, h('strong', {}, 'Shown only now. '), 'Scan the code with the Braid app, or run ',
      h('code', {}, 'braid enroll \'<link>\''), ' on the device.'),
    h('div', {class: 'qr-row'},
      h('img', {class: 'qr', alt: 'QR code of the enrollment link', width: '220', height: '220',
        src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(result.qrSvg)}),
      h('div', {class: 'grow'},
        field('Enrollment link', link),
        copy,
        h('p', {class: 'muted'}, 'Key: ', h('span', {class: 'mono', 'data-secret': ''}, result.secret))))));
  link.focus();
  link.select();
}
