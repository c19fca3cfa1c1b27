// The administrator sees, after sign-in, that a year the deadlines reach has
// no working calendar (GET /api/v1/health "degraded"), in Chinese first;
// other roles are not troubled with it.
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'

enableAutoUnmount(afterEach)

const DEGRADED = {
  status: 'degraded',
  problems: [
    {
      code: 'calendar_missing',
      jurisdiction: 'jc',
      year: 2027,
      message: "jc has no working calendar for 2027: ... 'lizheng calendar import --year 2027 --file FILE'.",
      message_zh: "江川市缺少 2027 年工作日历：……用 'lizheng calendar import --year 2027 --file 文件' 导入。",
    },
  ],
}

const answering = (health) => (method, path) => {
  if (method === 'GET' && path === '/api/v1/health') return [200, health]
  return undefined
}

describe('missing working calendar alert', () => {
  it('shows the administrator the missing year, Chinese first, then in English', async () => {
    const { wrapper } = await mountStaff('/', { user: 'admin', handler: answering(DEGRADED) })
    await settle()
    const alert = wrapper.find('[data-test="calendar-missing"]')
    expect(alert.exists()).toBe(true)
    expect(alert.text()).toContain('缺少 2027 年工作日历')
    expect(alert.text()).toContain('lizheng calendar import --year 2027')
    await wrapper.find('[data-test="language-switch"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="calendar-missing"]').text()).toContain('No working calendar for 2027')
  })

  it('shows nothing while every year has its calendar', async () => {
    const { wrapper } = await mountStaff('/', { user: 'admin', handler: answering({ status: 'ok' }) })
    await settle()
    expect(wrapper.find('[data-test="calendar-missing"]').exists()).toBe(false)
  })

  it('does not trouble other roles with it', async () => {
    const { wrapper, fetch } = await mountStaff('/', { user: 'dispatcher', handler: answering(DEGRADED) })
    await settle()
    expect(wrapper.find('[data-test="calendar-missing"]').exists()).toBe(false)
    expect(callsTo(fetch, 'GET', '/api/v1/health')).toHaveLength(0)
  })
})
