// Mounting citizen pages as the browser would see them: real routes, real
// message tables, Element Plus, and a fake fetch answering like the server.
import { defineComponent, h } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory, RouterView } from 'vue-router'
import { vi } from 'vitest'
import { createCitizenRouter } from '@/citizen/router.js'
import { createAppI18n } from '@/i18n/index.js'
import { citizenMessages } from '@/citizen/messages.js'
import { clearReferenceCache } from '@/api/reference_api.js'
import * as fixtures from './fixtures.js'

/**
 * Lets pending promises and Element Plus's 100 ms debounce of form-item
 * error messages run, so what the citizen would see is in the DOM.
 */
export async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 120))
  await flushPromises()
}

/** A Response-like answer with a JSON body. */
export function jsonResponse(status, body) {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  }
}

const REFERENCE = {
  'GET /api/v1/meta': fixtures.meta,
  'GET /api/v1/areas': fixtures.areas,
  'GET /api/v1/categories': fixtures.categories,
  'GET /api/v1/mailboxes': fixtures.mailboxes,
  'GET /api/v1/time-limits': fixtures.timeLimits,
  'GET /api/v1/units': { items: [{ id: 1, name: '江川市人民政府' }, { id: 3, name: '东湖区人民政府' }] },
}

/**
 * Installs a fake global fetch. `handler(method, path, init)` may return
 * [status, body] for calls it wants to answer; reference data is answered
 * from the fixtures, anything else with 404. Returns the vi.fn for asserts.
 */
export function fakeServer(handler = () => undefined) {
  const fn = vi.fn(async (url, init = {}) => {
    const method = (init.method || 'GET').toUpperCase()
    const path = String(url)
    const answer = handler(method, path, init)
    if (answer) return jsonResponse(answer[0], answer[1])
    const key = `${method} ${path.split('?')[0]}`
    if (REFERENCE[key]) return jsonResponse(200, REFERENCE[key])
    return jsonResponse(404, { error: { code: 'not_found', message: `no such endpoint: ${key}` } })
  })
  vi.stubGlobal('fetch', fn)
  return fn
}

/** The calls of `fetchMock` to `method path` (path without query). */
export function callsTo(fetchMock, method, path) {
  return fetchMock.mock.calls.filter(
    ([url, init = {}]) => (init.method || 'GET').toUpperCase() === method && String(url).split('?')[0] === path,
  )
}

/**
 * Mounts `component` (default: a bare router view) at `path` with the
 * portal's router, i18n and message tables. `state` is the history entry's
 * state. Resolves to { wrapper, router, i18n } once the page has loaded.
 */
export async function mountAt(path, { component, state } = {}) {
  clearReferenceCache()
  const router = createCitizenRouter(createMemoryHistory())
  const i18n = createAppI18n(citizenMessages)
  router.push(state ? { path, state } : path)
  await router.isReady()
  const root = component || defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(root, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
  return { wrapper, router, i18n }
}
