// The workbench queue page: the role's queues with counts, filters sent as
// the agreed query, paging by cursor, keyboard navigation, empty and error
// states.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'

const row = (id, extra = {}) => ({
  id,
  tracking_no: `2026112300${String(id).padStart(4, '0')}`,
  title: `路灯不亮 ${id}`,
  state: { code: 'dispatched', label: '待签收' },
  type: { code: 'complaint', label: '投诉' },
  channel: { code: 'hotline', label: '热线电话' },
  urgency: { code: 'normal', label: '一般' },
  category: { code: '01.03.04', name: '路灯照明' },
  area: { code: 'dh-01', name: '滨江街道' },
  lead_unit: { id: 7, name: '滨江街道' },
  handling_unit: { id: 7, name: '滨江街道' },
  created_at: '2026-11-23T09:05:00+08:00',
  updated_at: '2026-11-23T09:10:00+08:00',
  overdue: false,
  supervised: false,
  fast_lane: false,
  suspected_flood: false,
  running_clocks: [
    {
      kind: 'sign_for',
      label: '签收时限',
      started_at: '2026-11-23T09:10:00+08:00',
      due_at: '2026-11-23T09:25:00+08:00',
      warn_at: '2026-11-23T09:22:00+08:00',
      stopped_at: null,
      warned: false,
      overdue: false,
      remaining_working_minutes: 12,
      remaining_seconds: 720,
    },
  ],
  version: 3,
  ...extra,
})

const COUNTS = {
  counts: {
    to_accept: 0,
    to_dispatch: 0,
    to_sign_for: 2,
    in_progress: 5,
    to_review: 0,
    to_call_back: 0,
    returned: 0,
    overdue: 1,
    supervised: 0,
    watched: 0,
    fast_lane: 0,
    instructed: 0,
  },
}

function server({ pages = { '': { items: [row(1), row(2)], next_cursor: null, total: 2 } }, fail } = {}) {
  const urls = []
  const handler = (method, path) => {
    if (path === '/api/v1/work-orders/counts') return [200, COUNTS]
    if (path.startsWith('/api/v1/work-orders?')) {
      urls.push(path)
      if (fail) return fail
      const cursor = new URL(path, 'http://x').searchParams.get('cursor') || ''
      return [200, pages[cursor]]
    }
    return undefined
  }
  return { urls, handler }
}

const params = (url) => Object.fromEntries(new URL(url, 'http://x').searchParams)

enableAutoUnmount(afterEach)

describe('QueuePage', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    sessionStorage.clear()
  })

  it('sends a unit handler to to_sign_for and shows the unit queues with counts', async () => {
    const s = server()
    const { wrapper, router } = await mountStaff('/', { user: 'dh01_handler', handler: s.handler })
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/queue/to_sign_for')
    const queues = wrapper.find('nav[aria-label="工单队列"]')
    expect(queues.text()).toContain('待签收')
    expect(queues.text()).toContain('办理中')
    expect(queues.text()).not.toContain('待派单') // a centre queue
    expect(wrapper.find('[data-test="queue-to_sign_for"]').text()).toContain('2')
    expect(wrapper.find('[data-test="queue-to_sign_for"]').attributes('aria-current')).toBe('page')
    expect(wrapper.find('h1').text()).toBe('待签收')
    expect(wrapper.find('[data-test="queue-total"]').text()).toBe('共2件')
    expect(params(s.urls[0])).toEqual({ queue: 'to_sign_for', limit: '20', total: 'true' })
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('路灯不亮 1')
    expect(rows[0].find('[data-test="clock"]').text()).toContain('剩余12分钟')
  })

  it('passes the URL filters to the API, and the form sends new ones', async () => {
    const s = server()
    const { wrapper, router } = await mountStaff('/queue/all?area=dh&unit=7&from=2026-11-01T00:00:00%2B08:00', {
      handler: s.handler,
    })
    await settle()
    expect(params(s.urls[0])).toMatchObject({ queue: 'all', area: 'dh', unit: '7', from: '2026-11-01T00:00:00+08:00' })
    expect(wrapper.find('[data-test="filter-from"]').element.value).toBe('2026-11-01')
    await wrapper.find('[data-test="filter-q"]').setValue('路灯')
    await wrapper.find('[data-test="filter-to"]').setValue('2026-11-23')
    await wrapper.find('form[role="search"]').trigger('submit')
    await settle()
    expect(router.currentRoute.value.query).toMatchObject({ q: '路灯', area: 'dh', to: '2026-11-24T00:00:00+08:00' })
    expect(params(s.urls.at(-1))).toMatchObject({ q: '路灯', to: '2026-11-24T00:00:00+08:00' })
  })

  it('says an attention queue lists open work orders and links to the closed ones', async () => {
    const s = server()
    const { wrapper, router } = await mountStaff('/queue/fast_lane', { user: 'leader', handler: s.handler })
    await settle()
    expect(params(s.urls[0])).toEqual({ queue: 'fast_lane', limit: '20', total: 'true' })
    const note = wrapper.find('[data-test="open-only"]')
    expect(note.text()).toContain('只列出未办结的工单。')
    await router.push(note.find('a').attributes('href'))
    await settle()
    expect(router.currentRoute.value.query).toEqual({ state: 'closed' })
    expect(params(s.urls.at(-1))).toMatchObject({ queue: 'fast_lane', state: 'closed' })
    expect(wrapper.find('[data-test="open-only"]').exists()).toBe(false)
    // The state filter is offered on the attention queues.
    expect(wrapper.find('form[role="search"]').text()).toContain('状态')
  })

  it('pages forward and back with the cursor', async () => {
    const s = server({
      pages: {
        '': { items: [row(1)], next_cursor: 'c2', total: 2 },
        c2: { items: [row(2)], next_cursor: null },
      },
    })
    const { wrapper } = await mountStaff('/queue/in_progress', { handler: s.handler })
    await settle()
    await wrapper.find('[data-test="next-page"]').trigger('click')
    await settle()
    expect(params(s.urls.at(-1)).cursor).toBe('c2')
    expect(wrapper.find('tbody').text()).toContain('路灯不亮 2')
    expect(wrapper.find('[data-test="queue-total"]').text()).toBe('共2件') // kept from page 1
    expect(wrapper.text()).toContain('第2页')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p' }))
    await settle()
    expect(params(s.urls.at(-1)).cursor).toBeUndefined()
    expect(wrapper.find('tbody').text()).toContain('路灯不亮 1')
  })

  it('moves with j/k and opens with Enter', async () => {
    const s = server()
    const { wrapper, router } = await mountStaff('/queue/to_dispatch', { handler: s.handler })
    await settle()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }))
    await settle()
    expect(wrapper.findAll('tbody tr')[1].classes()).toContain('is-selected')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
    await settle()
    await vi.dynamicImportSettled() // the work-order screen is loaded lazily
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/orders/2')
  })

  it('says so when a queue is empty, and differently when filters empty it', async () => {
    const s = server({ pages: { '': { items: [], next_cursor: null, total: 0 } } })
    const { wrapper } = await mountStaff('/queue/to_dispatch', { handler: s.handler })
    await settle()
    expect(wrapper.find('[data-test="queue-empty"]').text()).toBe('这个队列里暂时没有工单。')
    const f = await mountStaff('/queue/to_dispatch?q=xyz', { handler: s.handler })
    await settle()
    expect(f.wrapper.find('[data-test="queue-empty"]').text()).toContain('没有符合筛选条件的工单')
  })

  it('shows API failures in plain words with a retry', async () => {
    const s = server({ fail: [503, { error: { code: 'unavailable', message: 'store busy' } }] })
    const { wrapper, fetch } = await mountStaff('/queue/to_dispatch', { handler: s.handler })
    await settle()
    const alert = wrapper.find('[data-test="queue-error"]')
    expect(alert.text()).toContain('系统正忙或正在维护，请稍后再试。')
    expect(alert.text()).not.toContain('store busy')
    const before = callsTo(fetch, 'GET', '/api/v1/work-orders').length
    await alert.find('button').trigger('click')
    await settle()
    expect(callsTo(fetch, 'GET', '/api/v1/work-orders').length).toBe(before + 1)
  })

  it('sends a signed-out visitor to sign in', async () => {
    const { router } = await mountStaff('/queue/all', { user: null })
    expect(router.currentRoute.value.name).toBe('signIn')
    expect(router.currentRoute.value.query.redirect).toBe('/queue/all')
  })
})
