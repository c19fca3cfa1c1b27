// The track page: looking a request up, and when rating and dispute are
// offered, shown as done, or explained.
import { afterEach, describe, expect, it } from 'vitest'
import { callsTo, fakeServer, mountAt, settle } from '@/testing/harness.js'
import { citizenView } from '@/testing/fixtures.js'

const NO = '20261123000030'
const PATH = `/api/v1/requests/${NO}`

/** A server holding one request; `view` may be replaced by the test. */
function serverWith(initial, onPost = () => undefined) {
  const state = { view: initial }
  const fetchMock = fakeServer((method, path, init) => {
    if (path === PATH && method === 'GET') {
      return init.headers['X-Query-Code'] === '03614366'
        ? [200, state.view]
        : [404, { error: { code: 'not_found', field: 'query_code', message: 'no request with this tracking number and query code' } }]
    }
    if (method === 'POST' && path.startsWith(PATH)) return onPost(path, init, state)
    return undefined
  })
  return { fetchMock, state }
}

async function lookUp(view, onPost) {
  const server = serverWith(view, onPost)
  // Coming from the confirmation page: the query code is in the history state.
  const mounted = await mountAt(`/track/${NO}`, { state: { queryCode: '03614366' } })
  await settle()
  return { ...mounted, ...server }
}

const has = (wrapper, test) => wrapper.find(`[data-test="${test}"]`).exists()

describe('TrackPage', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('looks a request up by tracking number and query code and shows state, reply and timeline', async () => {
    const { fetchMock } = serverWith(citizenView())
    const { wrapper: page } = await mountAt('/track')
    await page.find('[data-field="trackingNo"] input').setValue(NO)
    await page.find('[data-field="queryCode"] input').setValue('03614366')
    await page.find('form').trigger('submit')
    await settle()
    const [, init] = callsTo(fetchMock, 'GET', PATH)[0]
    expect(init.headers['X-Query-Code']).toBe('03614366')
    expect(page.find('[data-test="state"]').text()).toBe('待回访')
    expect(page.find('[data-test="reply"]').text()).toContain('可在“江川政务”应用中在线办理。')
    expect(page.find('[data-test="reply"]').text()).toContain('12345热线中心')
    expect(page.text()).toContain('2026年11月23日 20:07')
  })

  it('asks for both fields before looking up', async () => {
    const { fetchMock } = serverWith(citizenView())
    const { wrapper } = await mountAt('/track')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[data-field="trackingNo"] .el-form-item__error').text()).toBe('请填写受理编号')
    expect(wrapper.find('[data-field="queryCode"] .el-form-item__error').text()).toBe('请填写查询码')
    expect(callsTo(fetchMock, 'GET', PATH)).toHaveLength(0)
  })

  it('says in words that a wrong number or code finds nothing', async () => {
    serverWith(citizenView())
    const { wrapper } = await mountAt(`/track/${NO}`)
    await wrapper.find('[data-field="queryCode"] input').setValue('99999999')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[data-test="lookup-error"]').text()).toContain('没有找到这件诉求。请核对受理编号和查询码是否正确。')
    expect(wrapper.text()).not.toContain('not_found')
  })

  it('offers rating (not dispute) for an answered request the server allows to rate', async () => {
    const { wrapper } = await lookUp(citizenView())
    expect(has(wrapper, 'rating-form')).toBe(true)
    expect(wrapper.findAll('[data-test="rating-form"] input[type="radio"]').map((r) => r.element.value)).toEqual([
      'satisfied',
      'basically_satisfied',
      'unsatisfied',
    ])
    expect(has(wrapper, 'dispute-form')).toBe(false)
    expect(wrapper.find('[data-test="dispute-later"]').text()).toContain('办结后15天内')
  })

  it('explains that rating comes after the reply while the request is handled', async () => {
    const { wrapper } = await lookUp(
      citizenView({ state: { code: 'in_progress', label: '办理中' }, reply: null, allowed_actions: [] }),
    )
    expect(has(wrapper, 'rating-form')).toBe(false)
    expect(wrapper.find('[data-test="rating-not-yet"]').text()).toBe('答复送达您之后，就可以在这里评价。')
  })

  it('offers both forms for a closed request inside the dispute window', async () => {
    const { wrapper } = await lookUp(
      citizenView({
        state: { code: 'closed', label: '已办结' },
        closed_at: '2026-11-23T09:38:33+08:00',
        allowed_actions: [
          { code: 'rate', label: '评价' },
          { code: 'dispute', label: '异议' },
        ],
      }),
    )
    expect(has(wrapper, 'rating-form')).toBe(true)
    expect(has(wrapper, 'dispute-form')).toBe(true)
  })

  it('shows an earlier rating and explains that the dispute window has passed', async () => {
    const { wrapper } = await lookUp(
      citizenView({
        state: { code: 'closed', label: '已办结' },
        rating: { code: 'basically_satisfied', label: '基本满意' },
        allowed_actions: [],
      }),
    )
    expect(has(wrapper, 'rating-form')).toBe(false)
    expect(wrapper.find('[data-test="rating-done"]').text()).toContain('基本满意')
    expect(has(wrapper, 'dispute-form')).toBe(false)
    expect(wrapper.find('[data-test="dispute-passed"]').text()).toContain('办结已超过15天')
  })

  it('shows the reason of a rejection and offers neither action', async () => {
    const { wrapper } = await lookUp(
      citizenView({
        state: { code: 'rejected', label: '不予受理' },
        reply: null,
        allowed_actions: [],
        timeline: [
          { action: 'submit', at: '2026-11-23T16:59:57+08:00', label: '提交', state: { code: 'submitted', label: '待受理' } },
          { action: 'reject', at: '2026-11-23T17:26:35+08:00', label: '不予受理', reason: '无法核实。', state: { code: 'rejected', label: '不予受理' } },
        ],
      }),
    )
    expect(wrapper.find('[data-test="rejected-note"]').text()).toContain('原因：无法核实。')
    expect(has(wrapper, 'rating')).toBe(false)
    expect(has(wrapper, 'dispute')).toBe(false)
    expect(has(wrapper, 'reply')).toBe(false)
  })

  it('sends a rating with the query code and shows the result', async () => {
    const posts = []
    const { wrapper } = await lookUp(citizenView(), (path, init, state) => {
      posts.push({ path, headers: init.headers, body: JSON.parse(init.body) })
      state.view = citizenView({ rating: { code: 'satisfied', label: '满意' }, allowed_actions: [] })
      return [200, state.view]
    })
    await wrapper.find('[data-test="rating-form"] input[value="satisfied"]').setValue(true)
    await wrapper.find('[data-test="rating-form"] textarea').setValue('很快')
    await wrapper.find('[data-test="rating-form"]').trigger('submit')
    await settle()
    expect(posts).toEqual([{ path: `${PATH}/rate`, headers: expect.objectContaining({ 'X-Query-Code': '03614366' }), body: { satisfaction: 'satisfied', comment: '很快' } }])
    expect(has(wrapper, 'rating-form')).toBe(false)
    expect(wrapper.find('[data-test="rating-done"]').text()).toContain('满意')
  })

  it('asks for a satisfaction level before sending a rating', async () => {
    const { wrapper, fetchMock } = await lookUp(citizenView())
    await wrapper.find('[data-test="rating-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-test="rating-form"]').text()).toContain('请选择满意程度')
    expect(callsTo(fetchMock, 'POST', `${PATH}/rate`)).toHaveLength(0)
  })

  it('requires a reason for a dispute', async () => {
    const closed = citizenView({ state: { code: 'closed', label: '已办结' }, allowed_actions: [{ code: 'dispute', label: '异议' }] })
    const { wrapper, fetchMock } = await lookUp(closed)
    await wrapper.find('[data-test="dispute-form"] textarea').setValue('   ')
    await wrapper.find('[data-test="dispute-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-test="dispute-form"]').text()).toContain('请写明异议理由')
    expect(callsTo(fetchMock, 'POST', `${PATH}/dispute`)).toHaveLength(0)
  })

  it('explains a refused dispute in words and reloads the request', async () => {
    const closed = citizenView({ state: { code: 'closed', label: '已办结' }, allowed_actions: [{ code: 'dispute', label: '异议' }] })
    const { wrapper, fetchMock } = await lookUp(closed, (path, init, state) => {
      state.view = citizenView({ state: { code: 'closed', label: '已办结' }, allowed_actions: [] })
      return [409, { error: { code: 'illegal_transition', message: "'dispute' is not possible in state 'closed'" } }]
    })
    const before = callsTo(fetchMock, 'GET', PATH).length
    await wrapper.find('[data-test="dispute-form"] textarea').setValue('路灯还是不亮')
    await wrapper.find('[data-test="dispute-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-test="action-error"]').text()).toContain('这项操作现在不能进行')
    expect(wrapper.text()).not.toContain('illegal_transition')
    expect(callsTo(fetchMock, 'GET', PATH).length).toBe(before + 1)
    expect(has(wrapper, 'dispute-form')).toBe(false)
    expect(has(wrapper, 'dispute-passed')).toBe(true)
  })
})
