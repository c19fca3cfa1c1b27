// 智能研判 on the work-order screen: risks, the suggested category, lead
// units for those who dispatch, repeats for the centre; each suggestion
// opens its action form preset, and a failing advice request costs one
// muted line, nothing else.
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'
import { workOrderView } from '@/testing/fixtures.js'

const reason = (code, zh, en) => ({ code, zh, en })

/** A work order waiting for dispatch, found risky when it arrived. */
function accepted(overrides = {}) {
  return workOrderView({
    state: { code: 'accepted', label: '已受理' },
    lead_unit: null,
    handling_unit: null,
    running_clocks: [],
    category: { code: '02.01', name: '噪声扰民', source: 'citizen' },
    assessment: {
      category: { code: '01', name: '城乡建设', confidence: 0.9, source: 'model' },
      risks: [
        {
          kind: { code: 'safety', label: '危及生命财产' },
          evidence: '燃气泄漏',
          reason: '诉求提到燃气泄漏，可能危及生命财产安全',
        },
      ],
      fast_lane: true,
    },
    allowed_actions: [
      { code: 'dispatch', label: '派单' },
      { code: 'merge', label: '合并' },
    ],
    ...overrides,
  })
}

function advice(overrides = {}) {
  return {
    category: { code: '01', name: '城乡建设', confidence: 0.934, source: 'keywords', keywords: ['路灯', '不亮'] },
    units: [
      {
        unit_id: 3,
        name: '东湖区人民政府',
        score: 0.81,
        reasons: [
          reason('catalogue', '派单目录：城乡建设·滨江街道（第 1 顺位）', 'responsibility catalogue: 城乡建设 in 滨江街道 (1st)'),
          reason('practice', '近期同类诉求 14 件派给该单位承办，无退回', '14 similar requests lately, none returned'),
        ],
      },
      { unit_id: 1, name: '江川市人民政府', score: 0.55, reasons: [reason('practice', '近期同类诉求 3 件', '3 similar requests lately')] },
      { unit_id: 12, name: '市住建局', score: 0.3, reasons: [reason('catalogue', '派单目录：城乡建设（第 2 顺位）', 'catalogue (2nd)')] },
    ],
    repeats: [
      {
        ...workOrderView(),
        id: 43,
        tracking_no: '20261123000043',
        title: '滨江路12号路灯还是不亮',
        score: 0.72,
        text_similarity: 0.8,
        reasons: [reason('text', '文本相似度 80%', 'text similarity 80%'), reason('same_area', '同一地点：滨江街道', 'same place: 滨江街道')],
      },
    ],
    ...overrides,
  }
}

function server({ order = accepted(), answer = () => [200, advice()] } = {}) {
  const posts = []
  const handler = (method, path, init) => {
    if (method === 'GET' && path === '/api/v1/work-orders/42') return [200, order]
    if (method === 'GET' && path === '/api/v1/work-orders/42/advice') return answer()
    if (method === 'POST' && path.startsWith('/api/v1/work-orders/42/')) {
      posts.push({ path, body: JSON.parse(init.body) })
      return [200, order]
    }
    return undefined
  }
  return { posts, handler }
}

async function open(s, user = 'dispatcher') {
  const mounted = await mountStaff('/orders/42', { user, handler: s.handler })
  await settle()
  return mounted
}

enableAutoUnmount(afterEach)

describe('AdvicePanel', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    sessionStorage.clear()
  })

  it('shows the suggested category with its confidence, source and keywords, and that it differs', async () => {
    const { wrapper } = await open(server())
    const part = wrapper.find('[data-test="advice-category"]')
    expect(part.find('h3').text()).toBe('分类建议')
    expect(part.text()).toContain('城乡建设')
    expect(part.text()).toContain('置信度 93%')
    expect(part.text()).toContain('来源：关键词规则')
    expect(part.text()).toContain('命中关键词：路灯、不亮')
    expect(part.find('[data-test="advice-differs"]').text()).toContain('噪声扰民')
  })

  it('marks the risks found on arrival and the fast lane', async () => {
    const { wrapper } = await open(server())
    const risks = wrapper.find('[data-test="advice-risks"]')
    expect(risks.find('h3').text()).toContain('风险提示')
    expect(risks.text()).toContain('危及生命财产')
    expect(risks.text()).toContain('“燃气泄漏”')
    expect(risks.text()).toContain('可能危及生命财产安全')
    expect(risks.find('[data-test="advice-fast-lane"]').text()).toContain('快速通道')
  })

  it('lists three lead units with their scores and reasons', async () => {
    const { wrapper } = await open(server())
    const items = wrapper.findAll('[data-test="advice-units"] ol > li')
    expect(items).toHaveLength(3)
    expect(items[0].text()).toContain('东湖区人民政府')
    expect(items[0].text()).toContain('81%')
    expect(items[0].text()).toContain('派单目录：城乡建设·滨江街道（第 1 顺位）')
    expect(items[0].text()).toContain('无退回')
    const meter = items[0].find('[role="meter"]')
    expect(meter.attributes('aria-valuenow')).toBe('81')
    expect(meter.attributes('aria-label')).toContain('东湖区人民政府')
    expect(items[2].text()).toContain('市住建局')
    expect(items[0].find('button').attributes('aria-label')).toBe('按此派单：东湖区人民政府')
  })

  it('opens the dispatch form preset with the unit when 按此派单 is clicked', async () => {
    const s = server()
    const { wrapper } = await open(s)
    await wrapper.find('[data-test="advice-dispatch-3"]').trigger('click')
    await settle()
    const form = wrapper.find('[data-test="action-form-dispatch"]')
    expect(form.exists()).toBe(true)
    expect(form.text()).toContain('东湖区人民政府') // the select shows the preset unit
    await form.find('form').trigger('submit')
    await settle()
    // The work order's category shows in the form and is sent as confirmed.
    expect(s.posts.map((p) => [p.path, p.body])).toEqual([['/api/v1/work-orders/42/dispatch', { unit_id: 3, category_code: '02.01' }]])
  })

  it('presets the suggested category too when the work order has none', async () => {
    const s = server({ order: accepted({ category: null }) })
    const { wrapper } = await open(s)
    expect(wrapper.find('[data-test="advice-category"]').text()).toContain('工单尚未分类')
    await wrapper.find('[data-test="advice-dispatch-1"]').trigger('click')
    await settle()
    await wrapper.find('[data-test="action-form-dispatch"] form').trigger('submit')
    await settle()
    expect(s.posts[0].body).toEqual({ unit_id: 1, category_code: '01' })
  })

  it('adopts the category through the accept form, over the category the work order had', async () => {
    const order = accepted({ state: { code: 'submitted', label: '待受理' }, allowed_actions: [{ code: 'accept', label: '受理' }] })
    const s = server({ order })
    const { wrapper } = await open(s, 'operator')
    expect(wrapper.find('[data-test="advice-units"]').exists()).toBe(false) // nothing to dispatch yet
    await wrapper.find('[data-test="advice-adopt-category"]').trigger('click')
    await settle()
    await wrapper.find('[data-test="action-form-accept"] form').trigger('submit')
    await settle()
    expect(s.posts[0].path).toBe('/api/v1/work-orders/42/accept')
    expect(s.posts[0].body.category_code).toBe('01')
  })

  it('lists the repeats with their match and reasons, and merges into one', async () => {
    const { wrapper } = await open(server())
    const list = wrapper.find('[data-test="similar"]')
    expect(list.text()).toContain('滨江路12号路灯还是不亮')
    expect(list.text()).toContain('#43')
    expect(list.text()).toContain('待签收')
    expect(list.text()).toContain('72%')
    expect(list.text()).toContain('文本相似度 80%')
    expect(list.text()).toContain('同一地点：滨江街道')
    expect(list.find('[role="meter"]').attributes('aria-valuenow')).toBe('72')
    await wrapper.find('[data-test="merge-into-43"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="action-form-merge"] [data-test="field-primary_id"]').element.value).toBe('43')
  })

  it('shows a unit the category and risks, but neither lead units nor repeats', async () => {
    const order = accepted({ state: { code: 'dispatched', label: '待签收' }, allowed_actions: [{ code: 'sign_for', label: '签收' }] })
    const { wrapper } = await open(server({ order }), 'dh01_handler')
    expect(wrapper.find('[data-test="advice-category"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="advice-risks"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="advice-units"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="similar"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="advice-adopt-category"]').exists()).toBe(false)
  })

  it('gives the reasons in English when the user reads English', async () => {
    const { wrapper, i18n } = await open(server())
    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.find('[data-test="advice-units"]').text()).toContain('14 similar requests lately, none returned')
    expect(wrapper.find('[data-test="advice-category"]').text()).toContain('confidence 93%')
    expect(wrapper.find('[data-test="similar"]').text()).toContain('text similarity 80%')
  })

  it('leaves the page usable when the advice fails, with one muted line and a retry', async () => {
    let answer = () => [500, { error: { code: 'internal', message: 'model not loaded' } }]
    const s = server({ answer: () => answer() })
    const { wrapper, fetch } = await open(s)
    expect(wrapper.find('h1').text()).toBe('滨江路路灯不亮')
    expect(wrapper.find('[data-test="advice-error"]').text()).toContain('智能研判暂时无法获取')
    expect(wrapper.text()).not.toContain('model not loaded')
    // What the assessment already says stays: the risks and its category.
    expect(wrapper.find('[data-test="advice-risks"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="advice-category"]').text()).toContain('置信度 90%')
    // The actions and their keys still work.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }))
    await settle()
    expect(wrapper.find('[data-test="action-form-dispatch"]').exists()).toBe(true)

    answer = () => [200, advice()]
    await wrapper.find('[data-test="advice-error"] button').trigger('click')
    await settle()
    expect(callsTo(fetch, 'GET', '/api/v1/work-orders/42/advice')).toHaveLength(2)
    expect(wrapper.find('[data-test="advice-error"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test="advice-units"] ol > li')).toHaveLength(3)
  })

  it('scores the draft waiting for review: overall, verdict, each dimension and its problems', async () => {
    const quality = {
      of: 'draft',
      overall: 48,
      verdict: { code: 'poor', zh: '较差', en: 'Poor' },
      dimensions: [
        { dimension: 'relevance', zh: '相关性', en: 'Relevance', assessed: true, score: 82, reasons: [] },
        {
          dimension: 'tone',
          zh: '态度',
          en: 'Tone',
          assessed: true,
          score: 20,
          reasons: [
            { code: 'tone.brush_off', problem: true, zh: '答复有推诿语气', en: 'The reply brushes the citizen off' },
            { code: 'tone.polite', problem: false, zh: '使用了礼貌用语', en: 'Polite wording' },
          ],
        },
        { dimension: 'timeliness', zh: '及时性', en: 'Timeliness', assessed: false, score: 0, reasons: [] },
      ],
    }
    const { wrapper, i18n } = await open(server({ answer: () => [200, advice({ reply_quality: quality })] }))
    const part = wrapper.find('[data-test="advice-quality"]')
    expect(part.exists()).toBe(true)
    expect(part.find('h3').text()).toBe('答复质量（待审核答复）')
    const overall = part.find('[data-test="advice-quality-overall"]')
    expect(overall.text()).toContain('总分 48')
    const verdict = overall.find('[data-test="advice-quality-verdict-poor"]')
    expect(verdict.text()).toContain('较差')
    expect(verdict.classes()).toContain('quality__verdict--poor')

    const tone = part.find('[data-test="advice-quality-tone"]')
    expect(tone.find('h4').text()).toBe('态度')
    const meter = tone.find('[role="meter"]')
    expect(meter.attributes('aria-valuenow')).toBe('20')
    expect(meter.attributes('aria-label')).toBe('态度得分')
    const reasons = tone.findAll('li')
    expect(reasons).toHaveLength(2)
    expect(reasons[0].classes()).toContain('quality__problem')
    expect(reasons[0].text()).toContain('⚠')
    expect(reasons[0].text()).toContain('问题：')
    expect(reasons[0].text()).toContain('答复有推诿语气')
    expect(reasons[1].classes()).not.toContain('quality__problem')
    expect(reasons[1].text()).not.toContain('⚠')

    const timeliness = part.find('[data-test="advice-quality-timeliness"]')
    expect(timeliness.find('[role="meter"]').exists()).toBe(false)
    expect(timeliness.text()).toContain('未评估')
    expect(part.find('[data-test="advice-quality-relevance"] [role="meter"]').attributes('aria-valuenow')).toBe('82')

    i18n.global.locale.value = 'en'
    await settle()
    expect(part.find('h3').text()).toBe('Reply quality (draft waiting for review)')
    expect(verdict.text()).toContain('Poor')
    expect(tone.text()).toContain('The reply brushes the citizen off')
    expect(timeliness.text()).toContain('not assessed')
  })

  it('says when it scores the published reply, and hides reply quality when there is none', async () => {
    const published = { of: 'reply', overall: 90, verdict: { code: 'good', zh: '良好', en: 'Good' }, dimensions: [] }
    const first = await open(server({ answer: () => [200, advice({ reply_quality: published })] }))
    expect(first.wrapper.find('[data-test="advice-quality"] h3').text()).toBe('答复质量（已发布的答复）')
    expect(first.wrapper.find('[data-test="advice-quality-verdict-good"]').text()).toBe('良好')
    first.wrapper.unmount()

    const { wrapper } = await open(server({ answer: () => [200, advice({ reply_quality: null })] }))
    expect(wrapper.find('[data-test="advice"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="advice-quality"]').exists()).toBe(false)
  })
})
