// Sign-in: an account (name, password, 6-digit code from an authenticator app) or the admin token
// from the server's data directory (for the first sign-in, before any account exists).

import {post} from '../api.js';
import {h, replace, field} from '../dom.js';

export function render(main, onSignedIn) {
  const error = h('p', {class: 'error', role: 'alert'});
  const username = h('input', {name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false'});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const code = h('input', {name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true});
  const token = h('input', {name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false'});

  async function submit(event, path, body) {
    event.preventDefault();
    error.textContent = '';
    const button = event.target.querySelector('button');
    button.disabled = true;
    try {
      await onSignedIn(await post(path, body()));
    } catch (e) {
      error.textContent = e.message;
      button.disabled = false;
    }
  }

  replace(main,
    h('section', {class: 'signin'},
      h('h1', {}, 'Sign in to Braid'),
      error,
      h('form', {onsubmit: (e) => submit(e, '/api/v1/session',
        () => ({username: username.value.trim(), password: password.value, code: code.value.trim()}))},
        field('Username', username),
        field('Password', password),
        field('Code', code, 'The 6-digit code from your authenticator app.'),
        h('button', {type: 'submit'}, 'Sign in')),
      h('details', {},
        h('summary', {}, 'Sign in with the admin token'),
        h('form', {onsubmit: (e) => submit(e, '/api/v1/session/token', () => ({token: token.value.trim()}))},
          field('Admin token', token, 'From DATA_DIR/admin.token on the server; use it to create the first admin account.'),
          h('button', {type: 'submit', class: 'secondary'}, 'Sign in with token')))));
  username.focus();
  performance.mark('braid:page-rendered', {detail: 'signin'});
}
