// Accounts: who may sign in to the console and with which role. A new account (or a reset second
// factor) shows its TOTP secret and QR code once. With the admin token and no account yet, this page
// asks for the first admin account.

import {get, post, seg} from '../api.js';
import {h, replace, table, when, badge, toast, confirmAction, field} from '../dom.js';

const ROLES = {
  admin: 'everything, including accounts and policies',
  operator: 'devices and enrollment keys; reads policies and the audit log',
  viewer: 'reads the fleet, devices, keys and policies',
  auditor: 'a viewer who also reads and exports the audit log and sees accounts',
};

export async function render(main, ctx) {
  let accounts = await get('/api/v1/accounts');
  const listBox = h('div', {});
  const secretBox = h('div', {'aria-live': 'polite'});
  const canWrite = ctx.can('accounts:write');

  function draw() {
    replace(listBox, table('Accounts', ['Username', 'Role', 'Status', 'Last sign-in', 'Created', ''],
      accounts.map((a) => h('tr', {'data-account': a.username},
        h('td', {}, a.username), h('td', {}, a.role), h('td', {}, badge(a.status)),
        h('td', {}, when(a.lastLoginAt)), h('td', {}, when(a.createdAt), h('div', {class: 'muted'}, a.createdBy)),
        h('td', {class: 'row-actions'}, canWrite ? [
          a.status === 'enabled'
            ? h('button', {class: 'secondary small', 'aria-label': 'Disable ' + a.username, onclick: () => act(a, 'disable')}, 'Disable')
            : h('button', {class: 'secondary small', 'aria-label': 'Enable ' + a.username, onclick: () => act(a, 'enable')}, 'Enable'),
          h('button', {class: 'secondary small', 'aria-label': 'New second factor for ' + a.username, onclick: () => act(a, 'reset-totp')}, 'New code'),
        ] : null))),
      'No account yet.'));
  }

  async function act(a, action) {
    const questions = {
      disable: ['Disable ' + a.username + '?', 'They are signed out now and cannot sign in until enabled.', 'Disable'],
      enable: ['Enable ' + a.username + '?', 'They can sign in again.', 'Enable'],
      'reset-totp': ['New second factor for ' + a.username + '?', 'Their authenticator codes stop working and they are signed out; '
        + 'give them the new code shown next.', 'Replace'],
    };
    if (!(await confirmAction(...questions[action]))) return;
    try {
      const result = await post('/api/v1/accounts/' + seg(a.id) + '/' + action);
      if (action === 'reset-totp') showSecret(secretBox, result);
      else toast(a.username + ' ' + action + 'd');
      accounts = await get('/api/v1/accounts');
      draw();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  const first = ctx.me.firstAccountNeeded
    ? h('section', {class: 'panel notice', id: 'first-account'}, h('h2', {}, 'Create the first admin account'),
      h('p', {}, 'You signed in with the admin token. Create an admin account for yourself now and use it from then on; '
        + 'keep the token for the command line and emergencies.'))
    : null;
  replace(main, h('h1', {}, 'Accounts'), first, canWrite ? createForm(ctx, secretBox, async () => {
    accounts = await get('/api/v1/accounts');
    draw();
  }) : null, secretBox, h('h2', {}, 'All accounts'), listBox,
  h('h2', {}, 'Roles'), h('dl', {class: 'facts'}, Object.entries(ROLES).map(([r, t]) => h('div', {}, h('dt', {}, r), h('dd', {}, t)))));
  draw();
  return null;
}

function createForm(ctx, secretBox, onCreated) {
  const username = h('input', {name: 'username', required: true, autocomplete: 'off', autocapitalize: 'none', pattern: '[a-z0-9][a-z0-9_.@\\-]{0,63}'});
  const role = h('select', {name: 'role'}, Object.keys(ROLES).map((r) => h('option', {value: r, selected: ctx.me.firstAccountNeeded && r === 'admin'}, r)));
  const password = h('input', {name: 'password', type: 'password', required: true, minlength: '12', autocomplete: 'new-password'});
  const error = h('p', {class: 'error', role: 'alert'});
  return h('details', {class: 'panel', open: true}, h('summary', {}, 'Create an account'),
    h('form', {class: 'grid', onsubmit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        const result = await post('/api/v1/accounts', {username: username.value.trim(), role: role.value, password: password.value});
        showSecret(secretBox, result);
        event.target.reset();
        if (ctx.me.firstAccountNeeded) {
          await ctx.refreshMe();
          document.getElementById('first-account')?.remove();
        }
        await onCreated();
      } catch (e) {
        error.textContent = e.message;
      }
    }},
    field('Username', username, 'Lowercase letters, digits, . _ @ -'),
    field('Role', role),
    field('Password', password, 'At least 12 characters. Give it to the person over a safe channel.'),
    error, h('button', {type: 'submit'}, 'Create account')));
}

function showSecret(box, result) {
  replace(box, h('section', {class: 'panel created', 'aria-labelledby': 'totp-title'},
    h('h2', {id: 'totp-title'}, 'Second factor for ' + result.account.username),
    h('p', {}, h('strong', {}, 'Shown only now. '), 'Scan this in an authenticator app (or type the secret); '
      + 'every sign-in needs the password and the app\'s current 6-digit code.'),
    h('div', {class: 'qr-row'},
      h('img', {class: 'qr', alt: 'QR code of the TOTP secret', width: '200', height: '200',
        src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(result.totpQrSvg)}),
      h('div', {class: 'grow'}, h('p', {}, 'Secret: ', h('span', {class: 'mono', 'data-totp-secret': ''}, result.totpSecret)),
        h('p', {class: 'muted small mono'}, result.totpUri)))));
}
