// The console speaks only the manager's public REST API. State changes carry the CSRF token
// (the double-submit cookie echoed in a header); every error arrives as {error, message}.

const CSRF_COOKIE = '__Host-braid_csrf';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return rest.join('=');
  }
  return '';
}

export async function api(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-Braid-CSRF'] = csrfToken();
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin', cache: 'no-store'});
  const type = response.headers.get('content-type') || '';
  const data = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, data && data.error || 'http_' + response.status,
      data && data.message || response.statusText);
    // A 401 anywhere but a sign-in attempt means the session is gone: the shell shows the sign-in page.
    if (response.status === 401 && !(method === 'POST' && path.startsWith('/api/v1/session'))) {
      window.dispatchEvent(new CustomEvent('braid:signed-out'));
    }
    throw error;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Turns an id into a path segment safely. */
export const seg = (id) => encodeURIComponent(id);
