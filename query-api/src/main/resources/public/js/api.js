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

/**
 * Sends a file as the request body, reporting the bytes sent (fetch cannot: it has no upload progress).
 * onProgress(sent, total) while it goes up; the answer or an ApiError, as request() gives them.
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const s = session();
    if (s) xhr.setRequestHeader('Authorization', 'Bearer ' + s.token);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = { message: xhr.responseText }; }
      if (xhr.status === 401 && s) {
        endSession();
        location.hash = '#/login';
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data));
    });
    xhr.addEventListener('error', () => reject(new Error('The upload failed: the connection to the API was lost')));
    xhr.send(file);
  });
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
