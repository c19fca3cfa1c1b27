// The work-order screen: the request, running clocks, timeline, merged and
// similar requests, and actions as forms that check before sending and show
// the server's refusal next to the field or above the form.
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'

function view(overrides = {}) {
  return {
    id: 42,
    tracking_no: '20261123000042',
    title: '滨江路路灯不亮',
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
    running_clocks: [
      {
        kind: 'sign_for',
        label: '签收时限',
        started_at: '2026-11-23T09:10:00+08:00',
        due_at: '2026-11-23T09:25:00+08:00',
        warn_at: '2026-11-23T09:22:00+08:00',
        stopped_at: null,
        warned: true,
        overdue: false,
        remaining_working_minutes: 3,
        remaining_seconds: 180,
      },
    ],
    version: 3,
    detail: '滨江路12号门口三盏路灯一周不亮。',
    address: '滨江路12号',
    citizen: { name: '王女士', phone: '13800138000' },
    mailbox: null,
    consent_public: true,
    published: false,
    assisting_units: [],
    clocks: [],
    draft_reply: null,
    review_comment: '',
    reply: null,
    contacted_at: null,
    pending_extension: null,
    extensions_granted: 0,
    extensions_refused: 0,
    callback: null,
    citizen_rating: null,
    last_return: null,
    counts: { returns: 0, redispatches: 0, reopens: 0 },
    reject_reason: '',
    disputed: false,
    closed_at: null,
    supervision: null,
    escalated: false,
    instructions: [],
    watchers: [],
    merged_into: null,
    merged: [{ id: 40, tracking_no: '20261123000040', title: '滨江路路灯坏了' }],
    timeline: [
      {
        seq: 1,
        action: 'submit',
        label: '提交',
        from: 'submitted',
        to: 'submitted',
        actor: { role: 'citizen', user_id: 0, name: '群众', unit: null },
        at: '2026-11-23T09:05:00+08:00',
        public: true,
        data: { channel: 'hotline' },
        hash: 'a',
      },
      {
        seq: 2,
        action: 'dispatch',
        label: '派单',
        from: 'accepted',
        to: 'dispatched',
        actor: { role: 'dispatcher', user_id: 3, name: '派单员 赵文博', unit: null },
        at: '2026-11-23T09:10:00+08:00',
        public: true,
        data: { unit_id: '7', unit_id_name: '滨江街道', note: '请尽快核实' },
        hash: 'b',
      },
    ],
    allowed_actions: [
      { code: 'sign_for', label: '签收' },
      { code: 'return', label: '退回' },
    ],
    ...overrides,
  }
}

function server({ order = view(), act } = {}) {
  const posts = []
  const handler = (method, path, init) => {
    if (method === 'GET' && path === '/api/v1/work-orders/42') return [200, order]
    if (method === 'GET' && path.startsWith('/api/v1/work-orders?'))
      return [200, { items: [{ ...order, id: 43, title: '滨江路12号路灯还是不亮' }, order], next_cursor: null }]
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

  it('shows the request, its running clock, timeline, merged and similar requests', async () => {
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
    expect(wrapper.find('[data-test="similar"]').text()).toContain('滨江路12号路灯还是不亮')
    expect(wrapper.find('[data-test="similar"]').text()).not.toContain('滨江路路灯不亮 ') // not itself
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
    let answer = [409, { error: { code: 'illegal_transition', message: 'record the first contact with the citizen before replying' } }]
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
    expect(refusal).toContain('record the first contact with the citizen before replying')

    answer = [400, { error: { code: 'invalid_argument', message: 'text: too short', field: 'text' } }]
    await wrapper.find('[data-test="action-form-reply"] form').trigger('submit')
    await settle()
    const item = wrapper.find('[data-test="field-text"]').element.closest('.el-form-item')
    expect(item.textContent).toContain('text: too short')
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
