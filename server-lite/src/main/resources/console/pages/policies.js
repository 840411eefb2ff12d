// Policies: which device groups may reach which networks. A rule allows group → destination CIDR over
// a protocol, optionally on a port range; what no rule allows is refused by the headend. The server
// validates every rule (the form's hints are only a help) and refuses duplicates.

import {get, post, put, del, seg} from '../api.js';
import {h, replace, table, toast, confirmAction, field} from '../dom.js';
import * as live from '../live.js';

export async function render(main, ctx) {
  let rules = await get('/api/v1/policies');
  const listBox = h('div', {});
  const canWrite = ctx.can('policies:write');
  const form = canWrite ? ruleForm(() => reload()) : null;

  function ports(r) {
    if (r.portFrom == null) return r.protocol === 'tcp' || r.protocol === 'udp' ? 'all' : '—';
    return r.portFrom === r.portTo ? String(r.portFrom) : r.portFrom + '–' + r.portTo;
  }

  function draw() {
    replace(listBox, table('Policy rules', ['Group', 'Destination', 'Protocol', 'Ports', 'Description', ''],
      rules.map((r) => h('tr', {'data-rule': r.id},
        h('td', {}, r.group === '*' ? h('span', {title: 'every device'}, '* (every device)') : r.group),
        h('td', {class: 'mono'}, r.destination),
        h('td', {}, r.protocol),
        h('td', {}, ports(r)),
        h('td', {}, r.description || '—'),
        h('td', {class: 'row-actions'}, canWrite ? [
          h('button', {class: 'secondary small', 'aria-label': 'Edit rule ' + r.group + ' ' + r.destination, onclick: () => form.edit(r)}, 'Edit'),
          h('button', {class: 'danger small', 'aria-label': 'Delete rule ' + r.group + ' ' + r.destination, onclick: () => remove(r)}, 'Delete'),
        ] : null))),
      'No rule: no device may reach anything through the headend. Add a rule to allow traffic.'));
  }

  async function remove(r) {
    if (!(await confirmAction('Delete this rule?', r.group + ' → ' + r.destination + ' ' + r.protocol
      + '. Devices that relied on it lose that access when the headend applies the change.', 'Delete'))) return;
    try {
      await del('/api/v1/policies/' + seg(r.id));
      toast('Rule deleted');
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  async function reload() {
    rules = await get('/api/v1/policies');
    draw();
  }

  replace(main, h('h1', {}, 'Policies'),
    h('p', {class: 'muted'}, 'Rules only allow. A device may reach a destination when a rule for one of its groups (or *) allows it. '
      + 'A new server starts with one rule per declared route for every device; narrow or delete them here.'),
    form ? form.element : h('p', {class: 'muted'}, 'Your role can read policies but not change them.'),
    h('h2', {}, 'Rules'), listBox);
  draw();
  return live.on('policy.*', reload);
}

function ruleForm(onSaved) {
  let editing = null;
  const group = h('input', {name: 'group', required: true, placeholder: 'staff or *', pattern: '\\*|[a-z0-9][a-z0-9_.\\-]{0,63}'});
  const destination = h('input', {name: 'destination', required: true, placeholder: '198.18.10.0/24', class: 'mono'});
  const protocol = h('select', {name: 'protocol'}, ['any', 'tcp', 'udp', 'icmp'].map((p) => h('option', {value: p}, p)));
  const portFrom = h('input', {name: 'portFrom', type: 'number', min: '1', max: '65535', disabled: true});
  const portTo = h('input', {name: 'portTo', type: 'number', min: '1', max: '65535', disabled: true});
  const description = h('input', {name: 'description', maxlength: '200'});
  const error = h('p', {class: 'error', role: 'alert'});
  const title = h('summary', {}, 'Add a rule');
  const submit = h('button', {type: 'submit'}, 'Add rule');
  const cancel = h('button', {type: 'button', class: 'secondary', hidden: true, onclick: () => reset()}, 'Cancel');
  const toggle = () => {
    const ported = protocol.value === 'tcp' || protocol.value === 'udp';
    portFrom.disabled = portTo.disabled = !ported;
    if (!ported) portFrom.value = portTo.value = '';
  };
  protocol.addEventListener('change', toggle);

  const formEl = h('form', {class: 'grid', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = {group: group.value.trim(), destination: destination.value.trim(), protocol: protocol.value,
      portFrom: portFrom.value ? Number(portFrom.value) : null, portTo: portTo.value ? Number(portTo.value) : null,
      description: description.value.trim() || null};
    try {
      if (editing) await put('/api/v1/policies/' + seg(editing.id), body);
      else await post('/api/v1/policies', body);
      toast(editing ? 'Rule saved' : 'Rule added');
      reset();
      onSaved();
    } catch (e) {
      error.textContent = e.message;
    }
  }},
  field('Group', group, 'A device group, or * for every device.'),
  field('Destination', destination, 'A network in CIDR form, IPv4 or IPv6.'),
  field('Protocol', protocol),
  field('From port', portFrom, 'tcp/udp only; empty for all ports.'),
  field('To port', portTo, 'Empty for a single port.'),
  field('Description', description),
  error, h('div', {class: 'actions'}, submit, cancel));

  const element = h('details', {class: 'panel', open: true}, title, formEl);

  function reset() {
    editing = null;
    formEl.reset();
    toggle();
    title.textContent = 'Add a rule';
    submit.textContent = 'Add rule';
    cancel.hidden = true;
    error.textContent = '';
  }

  return {
    element,
    edit(r) {
      editing = r;
      group.value = r.group;
      destination.value = r.destination;
      protocol.value = r.protocol;
      toggle();
      portFrom.value = r.portFrom ?? '';
      portTo.value = r.portTo ?? '';
      description.value = r.description || '';
      title.textContent = 'Edit rule';
      submit.textContent = 'Save rule';
      cancel.hidden = false;
      element.open = true;
      group.focus();
    },
  };
}
