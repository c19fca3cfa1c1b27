// Reference data (openapi.json, tag "reference"): enums with labels, areas,
// categories, mailboxes, units and time limits. Each is fetched once per page
// load and shared; a failed fetch is forgotten so the next caller retries.
import { requestJson } from './http.js'

const BASE = '/api/v1'
const cache = new Map()

function cached(path, pick) {
  if (!cache.has(path)) {
    const p = requestJson(`${BASE}${path}`).then(({ data }) => pick(data))
    p.catch(() => cache.delete(path))
    cache.set(path, p)
  }
  return cache.get(path)
}

/** Forgets every cached answer (tests, and after a language-independent reload). */
export function clearReferenceCache() {
  cache.clear()
}

export const getMeta = () => cached('/meta', (d) => d)
export const getTimeLimits = () => cached('/time-limits', (d) => d)
export const getAreas = () => cached('/areas', (d) => d.items || [])
export const getCategories = () => cached('/categories', (d) => d.items || [])
export const getMailboxes = () => cached('/mailboxes', (d) => d.items || [])
export const getUnits = () => cached('/units', (d) => d.items || [])
export const getCalendar = (year) => cached(`/calendars/${year}`, (d) => d)
