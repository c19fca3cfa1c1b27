// The queue page the operator came from, so the work-order screen can go to
// the previous or next work order of it and back to the same page. Kept in
// sessionStorage: it survives a reload of the tab, not other tabs.
const KEY = 'lizheng.queueContext'

function store() {
  try {
    return globalThis.sessionStorage || null
  } catch {
    return null
  }
}

/** Remembers the ids shown and the route of the queue page (a location object). */
export function rememberQueue(ids, route) {
  const s = store()
  if (s) s.setItem(KEY, JSON.stringify({ ids, route }))
}

/** { ids, route } or null. */
export function recalledQueue() {
  const s = store()
  try {
    return s ? JSON.parse(s.getItem(KEY) || 'null') : null
  } catch {
    return null
  }
}

/** The ids before and after `id` in the remembered queue: { prev, next, route }. */
export function neighbours(id) {
  const ctx = recalledQueue()
  if (!ctx || !Array.isArray(ctx.ids)) return { prev: null, next: null, route: null }
  const i = ctx.ids.indexOf(Number(id))
  return {
    prev: i > 0 ? ctx.ids[i - 1] : null,
    next: i >= 0 && i + 1 < ctx.ids.length ? ctx.ids[i + 1] : null,
    route: ctx.route || null,
  }
}
