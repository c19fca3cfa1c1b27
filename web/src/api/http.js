// The one way the web pages talk to the lizheng JSON API (/api/v1).
//
// Every failure becomes an ApiError carrying the server's error code, reason,
// message and field (openapi.json, schema Error), so pages can map it to a
// form field or to words a citizen understands (see error_text.js). Programs
// branch on `code` and `reason`, never on the message: that is for people,
// in the language the page asks for (Accept-Language follows the chosen
// locale). Network failures get the pseudo-code "network", unreadable
// answers "bad_response".
import { storedLocale } from '@/i18n/index.js'

/** HTTP status -> error code, for answers that carry no Error body. */
const CODE_BY_STATUS = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
}

/** A failed API call: status 0 for network failures. */
export class ApiError extends Error {
  constructor({ status, code, reason, message, field }) {
    super(message || code)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.reason = reason || null
    this.field = field || null
  }
}

function codeForStatus(status) {
  return CODE_BY_STATUS[status] || (status >= 500 ? 'internal' : 'bad_response')
}

/**
 * Sends one request and returns { status, data } for a 2xx JSON answer.
 * `body` (a plain object) is sent as JSON. Throws ApiError otherwise;
 * rethrows AbortError untouched so callers can cancel quietly.
 */
export async function requestJson(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = {
    method,
    headers: { Accept: 'application/json', 'Accept-Language': storedLocale(), ...headers },
    credentials: 'same-origin',
    signal,
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let res
  try {
    res = await fetch(path, init)
  } catch (e) {
    if (e && e.name === 'AbortError') throw e
    throw new ApiError({ status: 0, code: 'network', message: String((e && e.message) || e) })
  }
  let data = null
  try {
    const text = await res.text()
    data = text ? JSON.parse(text) : null
  } catch {
    data = null // not JSON: an HTML error page from a proxy, for instance
  }
  if (!res.ok) {
    const err = data && typeof data === 'object' ? data.error : null
    throw new ApiError({
      status: res.status,
      code: (err && err.code) || codeForStatus(res.status),
      reason: err && err.reason,
      message: (err && err.message) || res.statusText,
      field: err && err.field,
    })
  }
  if (data === null || typeof data !== 'object') {
    throw new ApiError({ status: res.status, code: 'bad_response', message: 'expected a JSON object' })
  }
  return { status: res.status, data }
}

/** Builds "?a=1&b=2" from the non-empty entries of `params` ('' when none). */
export function queryString(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}
