import { post } from '../api.js';
import { saveSession } from '../session.js';
import { fill, h, errorText } from '../dom.js';

export const NAME = 'login';

export function render(view) {
  const error = h('p.error#login-error', { role: 'alert' });
  const username = h('input#login-username', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input#login-password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button.btn#login-submit', { type: 'submit' }, 'Sign in');
  const form = h('form.panel.login#login-form',
    h('h1', 'Sign in'),
    h('p.muted', 'Digital twins of synthetic people, live from the stream.'),
    h('label.field', h('span', 'Username'), username),
    h('label.field', h('span', 'Password'), password),
    submit, error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const res = await post('/api/v1/auth/login', { username: username.value.trim(), password: password.value });
      saveSession(res);
      const next = sessionStorage.getItem('twin.after-login') || '#/twins';
      sessionStorage.removeItem('twin.after-login');
      location.hash = next === '#/login' ? '#/twins' : next;
    } catch (e) {
      error.textContent = errorText(e);
    } finally {
      submit.disabled = false;
    }
  });
  fill(view, form);
  username.focus();
}
