// The audit log: who did what, when, from where. Filters go to the server (the log can be long);
// the CSV export (audit:export) downloads exactly the filtered entries and is itself audited.

import {get} from '../api.js';
import {h, replace, table, when, badge, field} from '../dom.js';
import * as live from '../live.js';

export async function render(main, ctx) {
  const inputs = {
    q: h('input', {type: 'search', name: 'q', placeholder: 'any text'}),
    actor: h('input', {name: 'actor', placeholder: 'admin, user:alice, key:k…'}),
    action: h('input', {name: 'action', placeholder: 'device. or session.login', list: 'audit-actions'}),
    outcome: h('select', {name: 'outcome'}, [['', 'any'], ['success', 'success'], ['failure', 'failure']].map(([v, t]) => h('option', {value: v}, t))),
    since: h('input', {name: 'since', type: 'datetime-local'}),
    until: h('input', {name: 'until', type: 'datetime-local'}),
  };
  const actions = h('datalist', {id: 'audit-actions'}, ['device.', 'key.', 'policy.', 'account.', 'session.', 'access.denied', 'audit.export']
    .map((a) => h('option', {value: a})));
  const results = h('div', {});
  const count = h('p', {class: 'muted', 'aria-live': 'polite'});
  const exportLink = ctx.can('audit:export') ? h('a', {class: 'button secondary', download: ''}, 'Export CSV') : null;

  function query() {
    const p = new URLSearchParams();
    for (const [name, input] of Object.entries(inputs)) {
      let v = input.value.trim();
      if (!v) continue;
      if (input.type === 'datetime-local') v = new Date(v).toISOString();
      p.set(name, v);
    }
    return p;
  }

  async function load(event) {
    if (event) event.preventDefault();
    const p = query();
    if (exportLink) exportLink.href = '/api/v1/audit/export' + (p.toString() ? '?' + p : '');
    p.set('limit', '500');
    try {
      const entries = (await get('/api/v1/audit?' + p)).reverse();
      count.textContent = entries.length === 500 ? 'The 500 most recent matching entries'
        : entries.length === 1 ? '1 entry' : entries.length + ' entries';
      replace(results, table('Audit entries', ['Time', 'Actor', 'Action', 'Target', 'Source', 'Outcome', 'Details'],
        entries.map((e) => h('tr', {},
          h('td', {}, when(e.at)), h('td', {class: 'mono'}, e.actor), h('td', {class: 'mono'}, e.action),
          h('td', {class: 'mono'}, e.target || '—'), h('td', {class: 'mono'}, e.source || '—'),
          h('td', {}, badge(e.outcome, e.outcome === 'success' ? 'enabled' : 'revoked')), h('td', {}, e.details || ''))),
        'No entry matches.'));
    } catch (e) {
      replace(results, h('p', {class: 'error', role: 'alert'}, e.message));
    }
  }

  replace(main, h('h1', {}, 'Audit log'),
    h('form', {class: 'toolbar', role: 'search', onsubmit: load},
      field('Text', inputs.q), field('Actor', inputs.actor), field('Action', inputs.action), actions,
      field('Outcome', inputs.outcome), field('From', inputs.since), field('Until', inputs.until),
      h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Filter'), exportLink)),
    count, results);
  await load();
  let timer = null;
  // Audited changes are announced on the live feed; one reload per burst of them.
  const later = () => { clearTimeout(timer); timer = setTimeout(load, 500); };
  const offs = ['device.*', 'key.*', 'policy.*'].map((type) => live.on(type, later));
  return () => { offs.forEach((f) => f()); clearTimeout(timer); };
}
