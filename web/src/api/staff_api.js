// The staff endpoints (openapi.json, tags "work orders" and "dashboard"):
// queues and their counts, one work order and its analytics advice, the
// actions of the closed loop, the dashboard's figures and the district map.
// The session is the lz_session cookie; actions send the session's CSRF
// token (auth_api.js).
import { requestJson, queryString } from './http.js'
import { csrfToken } from './auth_api.js'

const BASE = '/api/v1'

/**
 * GET /work-orders: one page of a queue. `params` are the query parameters
 * of listWorkOrders (queue, state, category, area, urgency, channel, type,
 * unit, mailbox, q, from, to, cursor, limit, total).
 */
export async function listWorkOrders(params = {}, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/work-orders${queryString(params)}`, { signal })
  return data
}

/** GET /work-orders/counts: { to_accept: n, ... } for the signed-in user. */
export async function countWorkOrders({ signal } = {}) {
  const { data } = await requestJson(`${BASE}/work-orders/counts`, { signal })
  return data.counts
}

/** GET /work-orders/{id}: the WorkOrderView with its timeline and allowed actions. */
export async function getWorkOrder(id, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/work-orders/${encodeURIComponent(id)}`, { signal })
  return data
}

/**
 * GET /work-orders/{id}/advice: the analytics beside a work order (same
 * visibility as the work order): { category: null | {code, name, confidence,
 * source, keywords}, units: [{unit_id, name, score, reasons}] best first,
 * repeats: [WorkOrderSummary + {score, text_similarity, reasons}] best first }.
 * Reasons are { code, zh, en }.
 */
export async function getAdvice(id, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/work-orders/${encodeURIComponent(id)}/advice`, { signal })
  return data
}

/**
 * POST /work-orders/{id}/{action} with an ActionCommand body. Resolves to
 * the WorkOrderView as the caller now sees it, or an ActionAck ({id, state})
 * when the caller may no longer see it.
 */
export async function performAction(id, action, body = {}) {
  const { data } = await requestJson(`${BASE}/work-orders/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, {
    method: 'POST',
    body,
    headers: { 'X-CSRF-Token': csrfToken() },
  })
  return data
}

/** GET /figures?from&to: the dashboard's counts and rates. */
export async function getFigures({ from, to } = {}, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/figures${queryString({ from, to })}`, { signal })
  return data
}

/** GET /map: the jurisdiction's district map (a GeoJSON FeatureCollection). */
export async function getDistrictMap({ signal } = {}) {
  const { data } = await requestJson(`${BASE}/map`, { signal })
  return data
}

/**
 * GET /hotspots: the hot issues with their member requests and the latest
 * alerts ({ top, window, members }), or one issue ({ issue, members }).
 */
export async function getHotspots({ top, window, members, issue } = {}, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/hotspots${queryString({ top, window, members, issue })}`, { signal })
  return data
}
