// Open requests that may describe the same problem as a work order: the same
// street (or district when no street is known), the same category when it is
// classified, filed within the last 30 days, not closed or merged. A first
// cut by place, category and time; the dispatcher judges and merges.

import { offsetOf, offsetText } from './queue_query.js'

const OPEN_STATES = ['submitted', 'accepted', 'dispatched', 'returned', 'in_progress', 'replied', 'answered', 'reopened']
const WINDOW_DAYS = 30
const DAY_MS = 86_400_000

/** The GET /work-orders parameters of the candidates, or null when the work order has no place. */
export function similarQuery(view) {
  if (!view || !view.area || !view.area.code) return null
  const created = Date.parse(view.created_at)
  const offset = offsetOf(view.created_at)
  const params = { queue: 'all', area: view.area.code, state: OPEN_STATES.join(','), limit: 20 }
  if (view.category) params.category = view.category.code
  if (Number.isFinite(created) && offset !== null) {
    // The wall clock of the jurisdiction, written with its own offset.
    const from = new Date(created - WINDOW_DAYS * DAY_MS + offset * 60_000)
    params.from = from.toISOString().slice(0, 19) + offsetText(offset)
  }
  return params
}

/** The candidates without the work order itself and what is already merged into it. */
export function similarOnes(view, items) {
  const skip = new Set([view.id, view.merged_into, ...(view.merged || []).map((m) => m.id)])
  return (items || []).filter((w) => !skip.has(w.id)).slice(0, 10)
}
