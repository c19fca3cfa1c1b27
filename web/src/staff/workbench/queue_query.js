// The queue page's URL query <-> GET /work-orders parameters. The URL is the
// page's state: a filtered queue can be bookmarked, shared, and linked to
// from the dashboard (area, unit, category, from, to ...).

/** Filters the URL may carry, passed to the API unchanged. */
export const FILTER_KEYS = ['q', 'state', 'category', 'area', 'urgency', 'channel', 'type', 'unit', 'mailbox', 'from', 'to']

/** Default page size of the queue table. */
export const PAGE_SIZE = 20

const single = (v) => (Array.isArray(v) ? v[0] : v)

/** The filters present in a route query, trimmed, as strings. */
export function filtersFromQuery(query = {}) {
  const out = {}
  for (const key of FILTER_KEYS) {
    const v = single(query[key])
    if (v !== undefined && v !== null && String(v).trim() !== '') out[key] = String(v).trim()
  }
  return out
}

/** Whether any filter is set. */
export function hasFilters(query) {
  return Object.keys(filtersFromQuery(query)).length > 0
}

/**
 * The API parameters of one page: the queue, the filters, the cursor, and
 * total=true on the first page only (later pages keep the first count).
 */
export function apiParams(queue, query, cursor, limit = PAGE_SIZE) {
  const params = { queue, ...filtersFromQuery(query), limit }
  if (cursor) params.cursor = cursor
  else params.total = 'true'
  return params
}

/** A route query with `changes` applied; empty values remove the key. */
export function withFilters(query, changes) {
  const next = { ...filtersFromQuery(query), ...changes }
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === null || String(v).trim() === '') delete next[k]
  return next
}

const OFFSET = /([+-])(\d{2}):?(\d{2})$/

/** "+08:00" from minutes east of UTC. */
export function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

function shiftDay(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The `from` filter for a date input's day (start of the day in the jurisdiction's zone). */
export function fromForDate(isoDate, offsetMinutes) {
  return isoDate ? `${isoDate}T00:00:00${offsetText(offsetMinutes)}` : ''
}

/** The exclusive `to` filter for the last day a person picked: the start of the next day. */
export function toForDate(isoDate, offsetMinutes) {
  return isoDate ? `${shiftDay(isoDate, 1)}T00:00:00${offsetText(offsetMinutes)}` : ''
}

/** The day a `from` filter starts on, for a date input ('' when unreadable). */
export function dateOfFrom(from) {
  return typeof from === 'string' && /^\d{4}-\d{2}-\d{2}/.test(from) ? from.slice(0, 10) : ''
}

/**
 * The last day a `to` filter covers: the day before when it is midnight
 * (exclusive end), the day itself otherwise.
 */
export function dateOfTo(to) {
  if (typeof to !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(to)) return ''
  const day = to.slice(0, 10)
  const time = to.slice(11, 19)
  return time === '' || time === '00:00:00' ? shiftDay(day, -1) : day
}

/** Minutes east of UTC written at the end of an RFC 3339 time, or null. */
export function offsetOf(rfc3339) {
  const m = typeof rfc3339 === 'string' ? OFFSET.exec(rfc3339) : null
  if (!m) return null
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}
