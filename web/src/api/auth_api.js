// Staff sign-in (openapi.json, tag "auth"). The server sets the HttpOnly
// session cookie lz_session; state-changing calls on a cookie session must
// send the session's csrf_token as X-CSRF-Token. Both POST /auth/login and
// GET /auth/me return it, so it lives in memory only.
import { requestJson } from './http.js'

const BASE = '/api/v1/auth'
let csrf = ''

/** The CSRF token of the current session, or '' before login or /me. */
export function csrfToken() {
  return csrf
}

/** POST /auth/login; resolves to LoginResponse. */
export async function login(username, password) {
  const { data } = await requestJson(`${BASE}/login`, { method: 'POST', body: { username, password } })
  csrf = data.csrf_token || ''
  return data
}

/** GET /auth/me; resolves to the signed-in user, or null when not signed in. */
export async function currentUser() {
  try {
    const { data } = await requestJson(`${BASE}/me`)
    csrf = data.csrf_token || ''
    return data.user || null
  } catch (e) {
    if (e.code === 'unauthenticated') return null
    throw e
  }
}

/** POST /auth/logout; forgets the CSRF token whatever the answer. */
export async function logout() {
  try {
    await requestJson(`${BASE}/logout`, { method: 'POST', body: {}, headers: { 'X-CSRF-Token': csrf } })
  } finally {
    csrf = ''
  }
}
