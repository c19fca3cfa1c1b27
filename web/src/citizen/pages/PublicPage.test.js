// Published requests: filters sent as the agreed query, paging by cursor,
// and a friendly notice while the endpoint does not exist.
import { afterEach, describe, expect, it } from 'vitest'
import { fakeServer, mountAt, settle } from '@/testing/harness.js'

const item = (n, extra = {}) => ({
  tracking_no: `2026112300000${n}`,
  title: `路灯不亮 ${n}`,
  detail: '滨江路**号门口的路灯坏了。',
  type: { code: 'complaint', label: '投诉' },
  category: { code: '01.03.04', name: '路灯照明' },
  area: { code: 'dh-01', name: '滨江街道' },
  created_at: '2026-11-23T14:05:00+08:00',
  state: { code: 'closed', label: '已办结' },
  reply: { text: '已修复。', unit_name: '东湖区滨江街道办事处', replied_at: '2026-11-24T10:00:00+08:00' },
  satisfaction: { code: 'satisfied', label: '满意' },
  ...extra,
})

describe('PublicPage', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a friendly notice when the endpoint is not there (404)', async () => {
    fakeServer()
    const { wrapper } = await mountAt('/public')
    expect(wrapper.find('[data-test="public-error"]').text()).toContain('公开栏目暂未开放，请稍后再来。')
    expect(wrapper.text()).not.toContain('no such endpoint')
  })

  it('sends the filters from the URL and pages with the cursor', async () => {
    const urls = []
    fakeServer((method, path) => {
      if (!path.startsWith('/api/v1/public/requests')) return undefined
      urls.push(path)
      const q = new URL(path, 'http://x').searchParams
      return q.get('cursor') === 'c1'
        ? [200, { items: [item(2, { reply: null, satisfaction: null })], next_cursor: null }]
        : [200, { items: [item(1)], next_cursor: 'c1' }]
    })
    const { wrapper } = await mountAt('/public?q=路灯&type=complaint&area=dh')
    const first = new URL(urls[0], 'http://x').searchParams
    expect(Object.fromEntries(first)).toEqual({ q: '路灯', type: 'complaint', area: 'dh', limit: '20' })
    expect(wrapper.findAll('[data-test="public-item"]')).toHaveLength(1)
    expect(wrapper.text()).toContain('东湖区滨江街道办事处 答复于 2026年11月24日 10:00')
    expect(wrapper.text()).toContain('评价：满意')
    await wrapper.find('[data-test="load-more"]').trigger('click')
    await settle()
    expect(new URL(urls[1], 'http://x').searchParams.get('cursor')).toBe('c1')
    expect(wrapper.findAll('[data-test="public-item"]')).toHaveLength(2)
    expect(wrapper.text()).toContain('尚未答复')
    expect(wrapper.find('[data-test="load-more"]').exists()).toBe(false)
  })

  it('says so when nothing matches', async () => {
    fakeServer((method, path) => (path.startsWith('/api/v1/public/requests') ? [200, { items: [], next_cursor: null }] : undefined))
    const { wrapper } = await mountAt('/public?q=不存在')
    expect(wrapper.find('[data-test="public-empty"]').text()).toContain('没有找到符合条件的公开诉求')
  })
})
