// Every figure on the dashboard links to the work orders behind it
// (DESIGN.md §5): these build the router locations. The queue page passes
// its query unchanged to GET /api/v1/work-orders, so each location's query
// is exactly the filter that selects the counted work orders: created in
// the window [from, to) and, for a group, of that channel, request type,
// category (code prefix), district (area code prefix) or lead unit (its
// subordinates included).
//
// Two groups have no filter that selects them and get no link (null):
// work orders not yet classified (category key "") and those without a lead
// unit (unit key "0").

/** Queues of the work-order lists shown on the dashboard. */
export const LIST_QUEUES = ['overdue', 'fast_lane', 'watched', 'instructed']

/**
 * States a work order is in once its reply reached the citizen, and once
 * the citizen was called back. The queue cannot filter on "replied" or
 * "called back" directly; these states are the closest selection of the
 * work orders behind the on-time, resolution and satisfaction rates.
 */
export const REPLIED_STATES = 'answered,reopened,closed'
export const CALLED_BACK_STATES = 'reopened,closed'

function clean(query) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''))
}

/** The queue page `queue` with `query` (empty values dropped). */
export function queueLink(queue, query = {}) {
  return { name: 'queue', params: { queue }, query: clean(query) }
}

/** One work order's page. */
export function workOrderLink(id) {
  return { name: 'workOrder', params: { id: String(id) } }
}

/** {from, to} of a window (or of a trend bucket). */
export function windowQuery(w) {
  return { from: w.from, to: w.to }
}

/** The filter parameter of each by_* dimension of the figures. */
const DIMENSION_PARAM = {
  channel: 'channel',
  type: 'type',
  category: 'category',
  district: 'area',
  unit: 'unit',
}

/**
 * The work orders of one figure group: `dimension` is channel, type,
 * category, district or unit, `key` the group's key, `window` the period.
 * Null for the groups no filter selects.
 */
export function groupLink(dimension, key, window) {
  const param = DIMENSION_PARAM[dimension]
  if (!param) throw new Error(`unknown figure dimension: ${dimension}`)
  if (key === undefined || key === null || key === '') return null
  if (dimension === 'unit' && String(key) === '0') return null
  return queueLink('all', { [param]: String(key), ...windowQuery(window) })
}

/** A unit's work orders of the window that are overdue now. */
export function unitOverdueLink(unitId, window) {
  return queueLink('overdue', { unit: String(unitId), ...windowQuery(window) })
}

/** A day's or month's work orders (a trend bucket). */
export function bucketLink(bucket) {
  return queueLink('all', windowQuery(bucket))
}

/** The work orders behind each headline tile of `window`. */
export function tileLinks(window) {
  const w = windowQuery(window)
  return {
    received: queueLink('all', w),
    onTime: queueLink('all', { ...w, state: REPLIED_STATES }),
    resolution: queueLink('all', { ...w, state: CALLED_BACK_STATES }),
    satisfaction: queueLink('all', { ...w, state: CALLED_BACK_STATES }),
    overdue: queueLink('overdue', w),
  }
}
