// The dashboard as a leader sees it, with the server faked: tiles and
// their links, period switching, charts fed and clickable, the map (and
// its absence), the fair ranking, the lists, and the empty and error states.
// ECharts needs a canvas, which happy-dom lacks: echarts_runtime.js is
// replaced by a recorder of what the page asked it to draw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountStaff } from '@/testing/staff_harness.js'
import { callsTo, settle } from '@/testing/harness.js'

const charts = vi.hoisted(() => [])
const maps = vi.hoisted(() => [])

vi.mock('./echarts_runtime.js', () => ({
  createChart: (el) => {
    const handlers = {}
    const zrHandlers = {}
    const chart = {
      el,
      options: [],
      handlers,
      zrHandlers,
      disposed: false,
      setOption: (o) => chart.options.push(o),
      on: (name, fn) => {
        handlers[name] = fn
      },
      getZr: () => ({
        on: (name, fn) => {
          zrHandlers[name] = fn
        },
        setCursorStyle: () => {},
      }),
      containPixel: () => true,
      convertFromPixel: (_, [x]) => [x / 100, 0],
      resize: vi.fn(),
      dispose: () => {
        chart.disposed = true
      },
    }
    charts.push(chart)
    return chart
  },
  registerDistrictMap: (name, geo) => maps.push({ name, geo }),
}))

// 2026-11-23 09:00 in 江川市.
const NOW = new Date('2026-11-23T01:00:00Z')
const MONTH = { from: '2026-10-25T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }
const WEEK = { from: '2026-11-17T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }

const group = (key, label, received, extra = {}) => ({
  key,
  label,
  received,
  replied: received,
  replied_on_time: received,
  closed: received,
  overdue: 0,
  called_back: received,
  resolved: received,
  rated: received,
  satisfied: received,
  basically_satisfied: 0,
  on_time_rate: received ? 1 : null,
  resolution_rate: received ? 1 : null,
  satisfaction_rate: received ? 1 : null,
  ...extra,
})

const FIGURES = {
  from: MONTH.from,
  to: MONTH.to,
  totals: {
    received: 1012,
    replied: 830,
    replied_on_time: 771,
    closed: 743,
    overdue: 13,
    called_back: 711,
    resolved: 701,
    rated: 715,
    satisfied: 561,
    basically_satisfied: 103,
    on_time_rate: 771 / 830,
    resolution_rate: 701 / 711,
    satisfaction_rate: 664 / 715,
  },
  by_day: [group('2026-11-22', '2026-11-22', 19), group('2026-11-23', '2026-11-23', 32)],
  by_channel: [group('hotline', '热线电话', 516), group('web', '网站', 130)],
  by_type: [group('complaint', '投诉', 503)],
  by_category: [group('', '未分类', 52), group('01', '城乡建设', 297)],
  by_district: [group('dh', '东湖区', 228), group('qc', '青川县', 228)],
  by_unit: [
    group('0', '未派单', 139),
    group('3', '东湖区人民政府', 25, { replied_on_time: 15, replied: 20 }),
    group('8', '西山区人民政府', 29),
    group('29', '市交通运输局', 119, { overdue: 4 }),
  ],
}

const EMPTY_FIGURES = {
  ...FIGURES,
  totals: { ...group('', '', 0), key: undefined, label: undefined },
  by_day: [],
  by_channel: [],
  by_type: [],
  by_category: [],
  by_district: [],
  by_unit: [],
}

const UNITS = {
  items: [
    { id: 3, parent_id: 1, code: 'dh', name: '东湖区人民政府', kind: { code: 'district', label: '区县' }, area_code: 'dh', active: true },
    { id: 8, parent_id: 1, code: 'xs', name: '西山区人民政府', kind: { code: 'district', label: '区县' }, area_code: 'xs', active: true },
    {
      id: 29,
      parent_id: 1,
      code: 'jtys',
      name: '市交通运输局',
      kind: { code: 'department', label: '职能部门' },
      area_code: '',
      active: true,
    },
  ],
}

const MAP = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'dh', name: '东湖区' }, geometry: { type: 'Polygon', coordinates: [] } },
    { type: 'Feature', properties: { code: 'qc', name: '青川县' }, geometry: { type: 'Polygon', coordinates: [] } },
  ],
}

const ORDER = {
  id: 2982,
  tracking_no: '20261123000014',
  title: '咨询养老保险补缴政策',
  state: { code: 'in_progress', label: '办理中' },
  type: { code: 'consult', label: '咨询' },
  channel: { code: 'wechat', label: '微信' },
  urgency: { code: 'normal', label: '一般' },
  category: { code: '05.02.01', name: '养老保险' },
  area: { code: 'nc-03', name: '石桥街道' },
  lead_unit: { id: 32, name: '市人力资源和社会保障局' },
  handling_unit: { id: 32, name: '市人力资源和社会保障局' },
  created_at: '2026-11-23T12:47:43+08:00',
  updated_at: '2026-11-23T17:21:00+08:00',
  overdue: true,
  supervised: false,
  fast_lane: false,
  running_clocks: [],
  version: 6,
}

const HOTSPOTS = {
  ready: true,
  window: 'now',
  issues: [
    {
      rank: 1,
      issue_id: 17,
      hotness: 42.345,
      first: '2026-11-20T08:00:00+08:00',
      last: '2026-11-23T08:30:00+08:00',
      place_or_people: '锦绣华庭小区',
      description: '搅拌站噪音粉尘扰民',
      keywords: ['搅拌站', '噪音'],
      open: true,
      messages: 6,
      citizens: 5,
      support_votes: 0,
      urgent_messages: 0,
      growth: 3.5,
    },
    {
      rank: 2,
      issue_id: 9,
      hotness: 12,
      first: '2026-11-22T10:00:00+08:00',
      last: '2026-11-22T18:00:00+08:00',
      place_or_people: '',
      description: '共享单车押金难退',
      keywords: [],
      open: true,
      messages: 3,
      citizens: 3,
      support_votes: 0,
      urgent_messages: 0,
      growth: 1,
    },
  ],
  details: [],
  alerts: [
    {
      kind: 'new_topic',
      issue_id: 17,
      at: '2026-11-22T09:00:00+08:00',
      recent_messages: 4,
      baseline_per_week: 0,
      growth: 4,
      place: '锦绣华庭小区',
      description: '搅拌站噪音粉尘扰民',
    },
  ],
}

const MEMBER = (id, issue) => ({
  issue_id: issue,
  id,
  tracking_no: `2026112200${id}`,
  citizen: '业主',
  title: `搅拌站噪音 ${id}`,
  created_at: '2026-11-22T09:00:00+08:00',
  detail: '……',
  support_votes: 0,
  against_votes: 0,
})

/** A fake server: `over` overrides answers by "METHOD /path" (without query). */
function server(over = {}) {
  return (method, url) => {
    const path = url.split('?')[0]
    const key = `${method} ${path}`
    if (key in over) return typeof over[key] === 'function' ? over[key](url) : over[key]
    if (key === 'GET /api/v1/figures') return [200, FIGURES]
    if (key === 'GET /api/v1/units') return [200, UNITS]
    if (key === 'GET /api/v1/map') return [200, MAP]
    if (key === 'GET /api/v1/hotspots') {
      const issue = Number(new URL(url, 'http://x').searchParams.get('issue'))
      if (!issue) return [200, HOTSPOTS]
      const one = HOTSPOTS.issues.find((i) => i.issue_id === issue)
      return [200, { ...HOTSPOTS, issues: [{ ...one, rank: 0 }], details: [MEMBER(301, issue), MEMBER(302, issue)] }]
    }
    if (key === 'GET /api/v1/work-orders') {
      const queue = new URL(url, 'http://x').searchParams.get('queue')
      return queue === 'overdue' ? [200, { items: [ORDER], next_cursor: null, total: 14 }] : [200, { items: [], next_cursor: null, total: 0 }]
    }
    return undefined
  }
}

async function open(path = '/dashboard', over = {}) {
  const mounted = await mountStaff(path, { user: 'leader', handler: server(over) })
  await settle()
  return mounted
}

const query = (call) => Object.fromEntries(new URL(call[0], 'http://x').searchParams)
const hrefQuery = (a) => Object.fromEntries(new URL(a.attributes('href'), 'http://x').searchParams)

describe('DashboardPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    charts.length = 0
    maps.length = 0
  })

  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('shows the headline tiles of the last 30 days, each linking to its work orders', async () => {
    const { wrapper, fetch } = await open()
    expect(wrapper.find('h1').text()).toBe('领导驾驶舱')
    expect(query(callsTo(fetch, 'GET', '/api/v1/figures')[0])).toEqual(MONTH)
    expect(wrapper.find('[data-test="window"]').text()).toContain('统计时段：2026年10月25日 至 2026年11月23日')

    const tile = (key) => wrapper.find(`[data-test="tile-${key}"]`)
    expect(tile('received').text()).toContain('受理量')
    expect(tile('received').find('[data-test="tile-value"]').text()).toBe('1,012')
    expect(tile('received').attributes('href')).toMatch(/^\/queue\/all\?/)
    expect(hrefQuery(tile('received'))).toEqual(MONTH)
    expect(tile('today').text()).toContain('32')
    expect(hrefQuery(tile('today'))).toEqual({ from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' })
    expect(tile('onTime').find('[data-test="tile-value"]').text()).toBe('92.9%')
    expect(tile('onTime').text()).toContain('按时答复 771 / 已答复 830')
    expect(hrefQuery(tile('onTime'))).toEqual({ ...MONTH, state: 'answered,reopened,closed' })
    expect(tile('resolution').find('[data-test="tile-value"]').text()).toBe('98.6%')
    expect(tile('satisfaction').find('[data-test="tile-value"]').text()).toBe('92.9%')
    expect(tile('overdue').find('[data-test="tile-value"]').text()).toBe('13')
    expect(tile('overdue').attributes('href')).toMatch(/^\/queue\/overdue\?/)
    expect(hrefQuery(tile('overdue'))).toEqual(MONTH)
  })

  it('switches the period, keeps it in the URL and asks for the new window', async () => {
    const { wrapper, router, fetch } = await open()
    await wrapper.find('[data-test="period"] input[value="7d"]').setValue(true)
    await settle()
    expect(router.currentRoute.value.query).toEqual({ period: '7d' })
    const calls = callsTo(fetch, 'GET', '/api/v1/figures')
    expect(query(calls[calls.length - 1])).toEqual(WEEK)
    expect(hrefQuery(wrapper.find('[data-test="tile-received"]'))).toEqual(WEEK)
  })

  it('opens with the period of the URL, today without a separate today tile', async () => {
    const { wrapper, fetch } = await open('/dashboard?period=today')
    expect(query(callsTo(fetch, 'GET', '/api/v1/figures')[0])).toEqual({
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    })
    expect(wrapper.find('[data-test="tile-today"]').exists()).toBe(false)
  })

  it('checks a custom range before asking for it', async () => {
    const { wrapper, router, fetch } = await open()
    await wrapper.find('[data-test="period"] input[value="custom"]').setValue(true)
    await settle()
    const form = wrapper.find('[data-test="period-custom"]')
    const [start, end] = form.findAll('input[type="date"]')
    expect(start.element.value).toBe('2026-10-25') // prefilled with the window shown
    await start.setValue('2026-11-10')
    await end.setValue('2026-11-01')
    await form.trigger('submit')
    await settle()
    expect(form.find('[role="alert"]').text()).toBe('结束日期不能早于开始日期。')
    expect(callsTo(fetch, 'GET', '/api/v1/figures')).toHaveLength(1)

    await end.setValue('2026-11-20')
    await form.trigger('submit')
    await settle()
    expect(router.currentRoute.value.query).toEqual({ period: 'custom', start: '2026-11-10', end: '2026-11-20' })
    const calls = callsTo(fetch, 'GET', '/api/v1/figures')
    expect(query(calls[calls.length - 1])).toEqual({ from: '2026-11-10T00:00:00+08:00', to: '2026-11-21T00:00:00+08:00' })
    expect(wrapper.find('[data-test="tile-today"]').exists()).toBe(false)
  })

  it('says so when the URL has an invalid custom range, and shows the default period', async () => {
    const { wrapper, fetch } = await open('/dashboard?period=custom&start=2026-11-10&end=2026-11-01')
    expect(wrapper.text()).toContain('结束日期不能早于开始日期。')
    expect(query(callsTo(fetch, 'GET', '/api/v1/figures')[0])).toEqual(MONTH)
  })

  it('draws each chart with a text summary, and a click opens the work orders behind the item', async () => {
    const { wrapper, router } = await open()
    const push = vi.spyOn(router, 'push').mockResolvedValue()
    const chartEls = wrapper.findAll('[data-test="chart"]')
    // trend, channel, map, district, category, type
    expect(charts).toHaveLength(6)
    expect(chartEls).toHaveLength(6)
    for (const el of chartEls) {
      expect(el.attributes('role')).toBe('img')
      expect(el.attributes('aria-label')).toMatch(/图/)
    }
    const channel = charts.find((c) => c.el === wrapper.find('[data-test="dash-channel"] [data-test="chart"]').element)
    expect(channel.options[0].yAxis.data).toEqual(['热线电话', '网站'])
    channel.handlers.click({ componentType: 'series', dataIndex: 1 })
    expect(push).toHaveBeenLastCalledWith({ name: 'queue', params: { queue: 'all' }, query: { channel: 'web', ...MONTH } })

    // The trend line: a click above a day opens that day.
    const trend = charts.find((c) => c.el === wrapper.find('[data-test="dash-trend"] [data-test="chart"]').element)
    expect(trend.options[0].xAxis.data).toHaveLength(30)
    trend.zrHandlers.click({ offsetX: 2900, offsetY: 10 })
    expect(push).toHaveBeenLastCalledWith({
      name: 'queue',
      params: { queue: 'all' },
      query: { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' },
    })

    // Unclassified work orders have no filter: clicking them does nothing.
    const category = charts.find((c) => c.el === wrapper.find('[data-test="dash-category"] [data-test="chart"]').element)
    push.mockClear()
    category.handlers.click({ componentType: 'series', dataIndex: 1 })
    expect(push).not.toHaveBeenCalled()
  })

  it('offers the chart figures as tables whose rows link to the work orders', async () => {
    const { wrapper } = await open()
    const district = wrapper.find('[data-test="dash-district"]')
    expect(district.find('details').attributes('open')).toBeDefined()
    const link = district.findAll('tbody a').find((a) => a.text() === '东湖区')
    expect(hrefQuery(link)).toEqual({ area: 'dh', ...MONTH })
    const categories = wrapper.find('[data-test="dash-category"]')
    expect(categories.text()).toContain('未分类')
    expect(categories.findAll('tbody a').map((a) => a.text())).toEqual(['城乡建设'])
  })

  it('draws the district map from the jurisdiction GeoJSON, linking each district', async () => {
    const { wrapper, router } = await open()
    expect(maps).toHaveLength(1)
    expect(maps[0].geo).toEqual(MAP)
    const map = charts.find((c) => c.el === wrapper.find('[data-test="district-map"] [data-test="chart"]').element)
    expect(map.options[0].series[0]).toMatchObject({ type: 'map', map: maps[0].name })
    const push = vi.spyOn(router, 'push').mockResolvedValue()
    map.handlers.click({ componentType: 'series', dataIndex: 1 })
    expect(push).toHaveBeenCalledWith({ name: 'queue', params: { queue: 'all' }, query: { area: 'qc', ...MONTH } })
  })

  it('shows a friendly note when the jurisdiction has no map (404)', async () => {
    const { wrapper } = await open('/dashboard', {
      'GET /api/v1/map': [404, { error: { code: 'not_found', message: 'no map for jurisdiction jc' } }],
    })
    expect(wrapper.find('[data-test="map-missing"]').text()).toContain('本辖区尚未提供区县地图')
    expect(wrapper.text()).not.toContain('no map for jurisdiction')
    expect(maps).toHaveLength(0)
    expect(wrapper.findAll('[data-test="chart"]')).toHaveLength(5)
  })

  it('ranks units fairly within their kind, with raw counts and links', async () => {
    const { wrapper } = await open()
    const ranking = wrapper.find('[data-test="unit-ranking"]')
    expect(ranking.text()).toContain('平滑率 =（达标件数 + 10 × 全市比率）÷（总件数 + 10）')
    expect(ranking.text()).toContain('另有 139 件尚未派单')
    expect(ranking.text()).toContain('区县（2）')
    expect(ranking.text()).toContain('职能部门（1）')
    const districts = ranking.find('[data-test="ranking-district-all"]')
    const rows = districts.findAll('[data-test="ranking-row"]')
    expect(rows.map((r) => r.find('th a').text())).toEqual(['西山区人民政府', '东湖区人民政府'])
    expect(rows[1].text()).toContain('15/20')
    expect(hrefQuery(rows[1].find('th a'))).toEqual({ unit: '3', ...MONTH })
    const dept = ranking.find('[data-test="ranking-department-all"] [data-test="ranking-row"]')
    const overdue = dept.findAll('a').find((a) => a.text() === '4')
    expect(overdue.attributes('href')).toMatch(/^\/queue\/overdue\?/)
    expect(hrefQuery(overdue)).toEqual({ unit: '29', ...MONTH })
  })

  it('lists the work orders to watch, each opening its work order', async () => {
    const { wrapper, fetch } = await open()
    const asked = callsTo(fetch, 'GET', '/api/v1/work-orders').map(query)
    expect(asked.map((q) => q.queue).sort()).toEqual(['fast_lane', 'instructed', 'overdue', 'watched'])
    expect(asked[0]).toMatchObject({ limit: '10', total: 'true' })
    const overdue = wrapper.find('[data-test="list-overdue"]')
    expect(overdue.find('h3').text()).toBe('超期工单')
    const row = overdue.find('[data-test="list-row"]')
    expect(row.find('a').text()).toBe('咨询养老保险补缴政策')
    expect(row.find('a').attributes('href')).toBe('/orders/2982')
    expect(row.text()).toContain('2026年11月23日 12:47')
    expect(row.text()).toContain('市人力资源和社会保障局')
    expect(overdue.find('.list__all').text()).toContain('查看全部未办结（14）')
    expect(overdue.find('.list__all').attributes('href')).toBe('/queue/overdue')
    expect(wrapper.find('[data-test="list-watched"] [data-test="list-empty"]').text()).toBe('暂无未办结的工单。')
  })

  it('keeps closed work orders of a list behind a switch', async () => {
    const closed = { ...ORDER, id: 3001, title: '已办结的快速通道工单', state: { code: 'closed', label: '已办结' } }
    const { wrapper, fetch } = await open('/dashboard', {
      'GET /api/v1/work-orders': (url) => {
        const q = new URL(url, 'http://x').searchParams
        if (q.get('queue') !== 'fast_lane') return [200, { items: [], next_cursor: null, total: 0 }]
        return q.get('state') === 'closed'
          ? [200, { items: [closed], next_cursor: null, total: 39 }]
          : [200, { items: [ORDER], next_cursor: null, total: 2 }]
      },
    })
    const list = wrapper.find('[data-test="list-fast_lane"]')
    const first = callsTo(fetch, 'GET', '/api/v1/work-orders').map(query).find((q) => q.queue === 'fast_lane')
    expect(first.state).toBeUndefined()
    expect(list.find('[data-test="list-show-open"]').attributes('aria-pressed')).toBe('true')
    expect(list.text()).toContain('咨询养老保险补缴政策')
    expect(list.text()).not.toContain('已办结的快速通道工单')
    expect(list.find('.list__all').text()).toContain('查看全部未办结（2）')

    await list.find('[data-test="list-show-closed"]').trigger('click')
    await settle()
    const last = callsTo(fetch, 'GET', '/api/v1/work-orders').map(query).filter((q) => q.queue === 'fast_lane').pop()
    expect(last).toMatchObject({ queue: 'fast_lane', state: 'closed' })
    expect(list.find('[data-test="list-show-closed"]').attributes('aria-pressed')).toBe('true')
    expect(list.text()).toContain('已办结的快速通道工单')
    expect(list.find('.list__all').text()).toContain('查看全部已办结（39）')
    expect(hrefQuery(list.find('.list__all'))).toEqual({ state: 'closed' })
  })

  it("marks today's point of the trend as partial", async () => {
    const { wrapper } = await open()
    const trend = charts.find((c) => c.el === wrapper.find('[data-test="dash-trend"] [data-test="chart"]').element)
    const [whole, partial] = trend.options[0].series
    expect(whole.data.at(-1)).toBeNull()
    expect(partial.lineStyle.type).toBe('dashed')
    expect(partial.data.at(-1)).toMatchObject({ value: 32 })
    expect(partial.data.at(-2)).toBe(19)
    expect(trend.options[0].xAxis.data.at(-1)).toBe('11月23日（未满）')
    expect(wrapper.find('[data-test="dash-trend"] [role="img"]').attributes('aria-label')).toContain(
      '最后一个时间点（11月23日）为今日截至09:00，未满一天的数据。',
    )
  })

  it('shows the hot issues with their alerts, each opening its requests', async () => {
    const { wrapper, fetch } = await open()
    expect(query(callsTo(fetch, 'GET', '/api/v1/hotspots')[0])).toEqual({ top: '10', members: '1' })
    const panel = wrapper.find('[data-test="hot-issues"]')
    expect(panel.find('h2').text()).toBe('热点问题')
    const rows = panel.findAll('[data-test="hot-row"]')
    expect(rows).toHaveLength(2)
    const cells = rows[0].findAll('td, th').map((c) => c.text())
    expect(cells.slice(0, 7)).toEqual(['1', '42.3', '锦绣华庭小区', '11月20日 至 11月23日', '搅拌站噪音粉尘扰民', '6件（5人）', '新话题'])
    expect(rows[1].text()).toContain('11月22日')
    expect(rows[1].text()).not.toContain('新话题')
    const alert = panel.find('[data-test="hot-alert"]')
    expect(alert.text()).toContain('新话题')
    expect(alert.text()).toContain('近一周4件')

    await rows[0].find('[data-test="hot-open"]').trigger('click')
    await settle()
    expect(query(callsTo(fetch, 'GET', '/api/v1/hotspots').at(-1))).toEqual({ issue: '17', members: '200' })
    const members = panel.findAll('[data-test="hot-members-17"] [data-test="hot-member"]')
    expect(members).toHaveLength(2)
    expect(members[0].find('a').attributes('href')).toBe('/orders/301')
    expect(panel.find('[data-test="hot-members-17"]').text()).toContain('共6件，列出前2件。')

    await alert.find('[data-test="hot-alert-open"]').trigger('click')
    await settle()
    expect(alert.findAll('[data-test="hot-member"]')).toHaveLength(2)
  })

  it('says when the hot-issue analysis is still getting ready', async () => {
    const { wrapper } = await open('/dashboard', {
      'GET /api/v1/hotspots': [200, { ready: false, window: 'now', issues: [], details: [], alerts: [] }],
    })
    expect(wrapper.find('[data-test="hot-not-ready"]').text()).toContain('热点分析正在准备')
    wrapper.unmount() // stops the panel asking again
  })

  it('says so when nothing was received in the period', async () => {
    const { wrapper } = await open('/dashboard', { 'GET /api/v1/figures': [200, EMPTY_FIGURES] })
    expect(wrapper.find('[data-test="figures-empty"]').text()).toContain('所选时段内没有受理工单')
    expect(wrapper.find('[data-test="tile-onTime"] [data-test="tile-value"]').text()).toBe('—')
    expect(wrapper.find('[data-test="dash-trend"]').text()).toContain('所选时段内没有数据。')
    expect(wrapper.find('[data-test="unit-ranking"]').text()).toContain('所选时段内没有可排名的单位。')
  })

  it('explains a failed load in plain words and retries', async () => {
    let fail = true
    const { wrapper } = await open('/dashboard', {
      'GET /api/v1/figures': () => (fail ? [500, { error: { code: 'internal', message: 'sqlite: disk I/O error' } }] : [200, FIGURES]),
    })
    const alert = wrapper.find('[data-test="figures-error"]')
    expect(alert.text()).toContain('系统出现了问题')
    expect(alert.text()).not.toContain('sqlite')
    fail = false
    await alert.find('button').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="figures-error"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="tile-received"]').text()).toContain('1,012')
  })

  it('reloads the figures and the lists once when asked to refresh', async () => {
    const { wrapper, fetch } = await open()
    expect(callsTo(fetch, 'GET', '/api/v1/figures')).toHaveLength(1)
    expect(callsTo(fetch, 'GET', '/api/v1/work-orders')).toHaveLength(4)
    vi.setSystemTime(new Date('2026-11-23T02:30:00Z'))
    await wrapper.find('[data-test="refresh"]').trigger('click')
    await settle()
    expect(callsTo(fetch, 'GET', '/api/v1/figures')).toHaveLength(2)
    expect(callsTo(fetch, 'GET', '/api/v1/work-orders')).toHaveLength(8)
    expect(wrapper.find('[data-test="window"]').text()).toContain('更新于 10:30')
  })

  it('moves to the new day when refreshed after midnight', async () => {
    const { wrapper, fetch } = await open('/dashboard?period=today')
    vi.setSystemTime(new Date('2026-11-23T16:05:00Z')) // 00:05 on the 24th in 江川市
    await wrapper.find('[data-test="refresh"]').trigger('click')
    await settle()
    const calls = callsTo(fetch, 'GET', '/api/v1/figures')
    expect(calls).toHaveLength(2)
    expect(query(calls[1])).toEqual({ from: '2026-11-24T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00' })
  })

  it('disposes of its charts when the leader leaves', async () => {
    const { wrapper } = await open()
    expect(charts.length).toBeGreaterThan(0)
    wrapper.unmount()
    expect(charts.every((c) => c.disposed)).toBe(true)
  })
})
