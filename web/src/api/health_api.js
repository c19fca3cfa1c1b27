// GET /api/v1/health (openapi.json, Health): "ok", or "degraded" with the
// problems an administrator must fix (a year without its working calendar).
import { requestJson } from './http.js'

export async function getHealth() {
  const { data } = await requestJson('/api/v1/health')
  return data
}
