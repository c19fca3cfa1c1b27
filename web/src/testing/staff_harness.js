// Mounting staff pages as the browser would see them: the staff router and
// frame (App.vue), real message tables, Element Plus, a signed-in user and a
// fake fetch answering like the server (see harness.js).
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { vi } from 'vitest'
import App from '@/staff/App.vue'
import { createStaffRouter } from '@/staff/router.js'
import { createAppI18n } from '@/i18n/index.js'
import { staffMessages } from '@/staff/messages.js'
import { clearReferenceCache } from '@/api/reference_api.js'
import { resetSession } from '@/staff/session.js'
import { fakeServer } from './harness.js'

/** Demo users as GET /auth/me returns them. */
export const USERS = {
  operator: { id: 1, username: 'operator', display_name: '话务员小陈', role: { code: 'operator', label: '话务员' }, unit: null },
  dispatcher: { id: 3, username: 'dispatcher', display_name: '派单员老周', role: { code: 'dispatcher', label: '派单员' }, unit: null },
  reviewer: { id: 4, username: 'reviewer', display_name: '审核员小林', role: { code: 'reviewer', label: '审核员' }, unit: null },
  leader: { id: 5, username: 'leader', display_name: '王市长', role: { code: 'leader', label: '领导' }, unit: null },
  dh01_handler: {
    id: 9,
    username: 'dh01_handler',
    display_name: '滨江街道承办人',
    role: { code: 'unit_handler', label: '承办人' },
    unit: { id: 7, name: '滨江街道' },
  },
  dh01_manager: {
    id: 8,
    username: 'dh01_manager',
    display_name: '滨江街道负责人',
    role: { code: 'unit_manager', label: '单位负责人' },
    unit: { id: 7, name: '滨江街道' },
  },
}

/**
 * Mounts the staff frame at `path` as `user` (a USERS key, a user object,
 * or null for signed out). `handler(method, path, init)` answers the calls
 * the test cares about ([status, body]); /auth/me and reference data are
 * answered for it. Resolves to { wrapper, router, i18n, fetch }.
 */
export async function mountStaff(path, { user = 'dispatcher', handler = () => undefined } = {}) {
  clearReferenceCache()
  resetSession()
  const me = typeof user === 'string' ? USERS[user] : user
  const fetch = fakeServer((method, p, init) => {
    const answer = handler(method, p, init)
    if (answer) return answer
    if (method === 'GET' && p === '/api/v1/auth/me') {
      return me
        ? [200, { user: { ...me, jurisdiction: { code: 'jc', name: '江川市' } }, csrf_token: 'csrf-1' }]
        : [401, { error: { code: 'unauthenticated', message: 'sign in' } }]
    }
    return undefined
  })
  const router = createStaffRouter(createMemoryHistory())
  const i18n = createAppI18n(staffMessages)
  router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
  return { wrapper, router, i18n, fetch }
}
