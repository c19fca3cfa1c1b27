// The work-order screen: the request, running clocks, timeline, merged
// requests, and actions as forms that check before sending and show the
// server's refusal next to the field or above the form. The analytics panel
// has its own tests (AdvicePanel.test.js).
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'
import { workOrderView } from '@/testing/fixtures.js'

const view = workOrderView

const NO_ADVICE = { category: null, units: [], repeats: [] }

function server({ order = view(), act, advice = NO_ADVICE } = {}) {
  const posts = []
  const handler = (method, path, init) => {
    if (method === 'GET' && path === '/api/v1/work-orders/42') return [200, order]
    if (method === 'GET' && path === '/api/v1/work-orders/42/advice') return [200, advice]
    if (method === 'POST' && path.startsWith('/api/v1/work-orders/42/')) {
      posts.push({ path, body: JSON.parse(init.body), headers: init.headers })
      return act(path.split('/').pop(), JSON.parse(init.body))
    }
    return undefined
  }
  return { posts, handler }
}

enableAutoUnmount(afterEach)

describe('WorkOrderPage', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    sessionStorage.clear()
  })

  it('shows the request, its running clock, timeline and merged requests', async () => {
    const s = server()
    const { wrapper } = await mountStaff('/orders/42', { user: 'dh01_handler', handler: s.handler })
    await settle()
    expect(wrapper.find('h1').text()).toBe('滨江路路灯不亮')
    expect(wrapper.find('[data-test="order-state"]').text()).toBe('待签收')
    expect(wrapper.find('[data-test="order-detail"]').text()).toContain('三盏路灯')
    expect(wrapper.text()).toContain('13800138000')
    const clock = wrapper.find('[data-test="clock"]')
    expect(clock.text()).toContain('签收')
    expect(clock.text()).toContain('剩余3分钟')
    expect(clock.classes()).toContain('clock--warning')
    const timeline = wrapper.find('[data-test="timeline"]').text()
    expect(timeline).toContain('派单')
    expect(timeline).toContain('滨江街道') // the unit's name, not its id
    expect(timeline).toContain('请尽快核实')
    expect(wrapper.find('[data-test="merged"]').text()).toContain('滨江路路灯坏了')
    expect(wrapper.find('[data-test="category-source"]').text()).toContain('来源：人工确认')
    expect(wrapper.find('[data-test="advice"]').exists()).toBe(false) // nothing to advise: no empty card
  })

  it('offers the allowed actions, the main step first, as numbered buttons', async () => {
    const s = server()
    const { wrapper } = await mountStaff('/orders/42', { user: 'dh01_handler', handler: s.handler })
    await settle()
    const buttons = wrapper.findAll('[data-test^="action-"]').filter((b) => b.element.tagName === 'BUTTON')
    expect(buttons.map((b) => b.text())).toEqual(['1签收', '2退回'])
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '2' }))
    await settle()
    expect(wrapper.find('[data-test="action-form-return"]').exists()).toBe(true)
  })

  it('checks a form before sending: nothing is sent while a required field is empty', async () => {
    const s = server({ act: () => [200, view()] })
    const { wrapper, fetch } = await mountStaff('/orders/42', { user: 'dh01_manager', handler: s.handler })
    await settle()
    await wrapper.find('[data-test="action-return"]').trigger('click')
    await settle()
    await wrapper.find('[data-test="action-form-return"] form').trigger('submit')
    await settle()
    expect(callsTo(fetch, 'POST', '/api/v1/work-orders/42/return')).toHaveLength(0)
    const form = wrapper.find('[data-test="action-form-return"]').text()
    expect(form).toContain('请填写这一项')
  })

  it('sends the action with the CSRF token and shows the new state', async () => {
    const signed = view({
      state: { code: 'in_progress', label: '办理中' },
      version: 4,
      running_clocks: [],
      allowed_actions: [{ code: 'contact', label: '联系群众' }],
    })
    const s = server({ act: () => [200, signed] })
    const { wrapper } = await mountStaff('/orders/42', { user: 'dh01_handler', handler: s.handler })
    await settle()
    await wrapper.find('[data-test="action-sign_for"]').trigger('click')
    await settle()
    await wrapper.find('[data-test="action-form-sign_for"] form').trigger('submit')
    await settle()
    expect(s.posts).toHaveLength(1)
    expect(s.posts[0].path).toBe('/api/v1/work-orders/42/sign_for')
    expect(s.posts[0].body).toEqual({})
    expect(s.posts[0].headers['X-CSRF-Token']).toBe('csrf-1')
    expect(wrapper.find('[data-test="order-state"]').text()).toBe('办理中')
    expect(wrapper.find('[data-test="action-done"]').text()).toBe('已完成：签收')
    expect(wrapper.find('[data-test="action-contact"]').exists()).toBe(true)
  })

  it('explains a refusal of the server above the form, and a field error next to the field', async () => {
    let answer = [
      409,
      { error: { code: 'illegal_transition', reason: 'contact_required', message: '答复前请先登记首次联系群众的情况' } },
    ]
    const order = view({ state: { code: 'in_progress', label: '办理中' }, allowed_actions: [{ code: 'reply', label: '答复' }] })
    const s = server({ order, act: () => answer })
    const { wrapper } = await mountStaff('/orders/42', { user: 'dh01_handler', handler: s.handler })
    await settle()
    await wrapper.find('[data-test="action-reply"]').trigger('click')
    await settle()
    await wrapper.find('[data-test="field-text"]').setValue('已修复。')
    await wrapper.find('[data-test="action-form-reply"] form').trigger('submit')
    await settle()
    const refusal = wrapper.find('[data-test="action-refusal"]').text()
    expect(refusal).toContain('当前状态下不能进行这项操作。')
    // The server's own words, as they are: no "系统说明：" in front.
    expect(wrapper.find('[data-test="action-refusal-detail"]').text()).toBe('答复前请先登记首次联系群众的情况')
    expect(refusal).not.toContain('系统说明')

    answer = [400, { error: { code: 'invalid_argument', reason: 'field_required', message: '字段 text：不能为空', field: 'text' } }]
    await wrapper.find('[data-test="action-form-reply"] form').trigger('submit')
    await settle()
    const item = wrapper.find('[data-test="field-text"]').element.closest('.el-form-item')
    expect(item.textContent).toContain('字段 text：不能为空')
    expect(wrapper.find('[data-test="action-refusal"]').exists()).toBe(false)
  })

  it('says so when the work order left the caller after an action (a return)', async () => {
    const s = server({ act: () => [200, { id: 42, state: { code: 'returned', label: '已退回' } }] })
    const { wrapper } = await mountStaff('/orders/42', { user: 'dh01_manager', handler: s.handler })
    await settle()
    await wrapper.find('[data-test="action-return"]').trigger('click')
    await settle()
    const form = wrapper.find('[data-test="action-form-return"]')
    await form.find('[data-test="field-reason"]').setValue('路灯归市住建局管理')
    await form.find('[data-test="field-legal_basis"]').setValue('《江川市城市照明管理办法》第五条')
    await form.find('form').trigger('submit')
    await settle()
    expect(s.posts[0].body).toEqual({ reason: '路灯归市住建局管理', legal_basis: '《江川市城市照明管理办法》第五条' })
    expect(wrapper.find('[data-test="order-gone"]').text()).toContain('已退回')
  })

  it('says a missing work order is missing', async () => {
    const { wrapper } = await mountStaff('/orders/99', { handler: () => undefined })
    await settle()
    expect(wrapper.find('[data-test="order-error"]').text()).toContain('没有找到这件工单')
  })
})
