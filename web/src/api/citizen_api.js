// The citizen's endpoints (openapi.json, tag "citizen"): file a request,
// read it back with the query code, rate the reply, dispute a closure, and
// read the published requests.
import { requestJson, queryString } from './http.js'

const BASE = '/api/v1'

/** POST /requests; resolves to { status: 201|200, data: SubmitReceipt }. */
export function submitRequest(body, idempotencyKey) {
  return requestJson(`${BASE}/requests`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  })
}

function trackingPath(trackingNo) {
  return `${BASE}/requests/${encodeURIComponent(trackingNo)}`
}

/** GET /requests/{tracking_no} with X-Query-Code; resolves to a CitizenView. */
export async function getCitizenView(trackingNo, queryCode) {
  const { data } = await requestJson(trackingPath(trackingNo), { headers: { 'X-Query-Code': queryCode } })
  return data
}

/** POST /requests/{tracking_no}/rate; resolves to the updated CitizenView. */
export async function rateRequest(trackingNo, queryCode, satisfaction, comment) {
  const body = { satisfaction }
  if (comment) body.comment = comment
  const { data } = await requestJson(`${trackingPath(trackingNo)}/rate`, {
    method: 'POST',
    body,
    headers: { 'X-Query-Code': queryCode },
  })
  return data
}

/** POST /requests/{tracking_no}/dispute; resolves to the updated CitizenView. */
export async function disputeRequest(trackingNo, queryCode, reason) {
  const { data } = await requestJson(`${trackingPath(trackingNo)}/dispute`, {
    method: 'POST',
    body: { reason },
    headers: { 'X-Query-Code': queryCode },
  })
  return data
}

/**
 * GET /public/requests: one page of published, masked requests.
 * filters: { q, type, category, area, cursor, limit }.
 */
export async function listPublishedRequests(filters, { signal } = {}) {
  const { data } = await requestJson(`${BASE}/public/requests${queryString(filters)}`, { signal })
  return { items: data.items || [], nextCursor: data.next_cursor || null }
}
