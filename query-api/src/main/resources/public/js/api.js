// Every call to the API goes through here: same origin, bearer token, one error shape.
import { session, endSession } from './session.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.status = status;
    this.field = body && body.field;
  }
}

let routes = null;

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const s = session();
  if (s) headers.Authorization = 'Bearer ' + s.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  let data = null;
  const text = await res.text();
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { message: text }; }
  }
  if (res.status === 401 && s) {
    endSession();
    location.hash = '#/login';
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Whether this server has a route, e.g. has('POST', '/api/v1/twins/{id}/chat'). Asked once per page load. */
export async function has(method, path) {
  if (!routes) {
    routes = get('/dashboard/routes').then((r) => new Set(r.routes)).catch(() => new Set());
  }
  return (await routes).has(method + ' ' + path);
}

export function twinPath(id, suffix = '') {
  return '/api/v1/twins/' + encodeURIComponent(id) + suffix;
}
