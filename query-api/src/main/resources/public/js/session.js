// The signed-in user's token lives in sessionStorage: it ends with the tab, and is never in a URL
// except for server-sent events, whose EventSource cannot send headers.
const KEY = 'twin.session';

export function session() {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw);
    if (s.expires_at && new Date(s.expires_at).getTime() <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch (e) {
    return null;
  }
}

export function saveSession(login) {
  sessionStorage.setItem(KEY, JSON.stringify({
    token: login.access_token, expires_at: login.expires_at, user: login.user,
  }));
}

export function endSession() {
  sessionStorage.removeItem(KEY);
}
