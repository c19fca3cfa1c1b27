// The leader dashboard in a real browser on a desk-sized screen: the
// leader signs in and lands on it, the tiles show what the API counts for
// the same window, the charts and the district map are drawn, the period
// can be switched (presets and a custom range, kept in the URL), and
// tiles, tables and charts open the queue with exactly the filter of the
// figure. The queue page itself belongs to other tests: only its URL is
// checked here.
import assert from 'node:assert/strict'
import { DEMO_PASSWORD, portalSuite, tick } from './harness.mjs'

const suite = portalSuite()
const DESK = { viewport: { width: 1440, height: 900 } }
const DAY_MS = 86_400_000

/** Signs in at /staff/login as the leader, who lands on the dashboard. */
async function signInAsLeader(page) {
  await page.goto('/staff/login')
  await page.getByLabel('用户名').fill('leader')
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => u.pathname === '/staff/dashboard')
  await page.getByRole('heading', { level: 1, name: '领导驾驶舱' }).waitFor()
}

/** The tile whose label starts its accessible name. */
const tile = (page, name) => page.getByRole('main').getByRole('link', { name: new RegExp(`^${name}`) })

/** The query of a link's href as an object. */
async function hrefQuery(link) {
  const href = await link.getAttribute('href')
  return Object.fromEntries(new URL(href, 'http://x').searchParams)
}

/** The figures the API gives the leader for the window of the received tile. */
async function figuresShown(page, api) {
  const { from, to } = await hrefQuery(tile(page, '受理量'))
  const f = await api.get(`/api/v1/figures?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 'leader')
  return { from, to, figures: f }
}

const zhCount = (n) => n.toLocaleString('zh-CN')
const zhRate = (r) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`

/** Every chart has drawn into a canvas. */
async function chartsDrawn(page, n) {
  await page.waitForFunction(
    (want) => document.querySelectorAll('[data-test="chart"] canvas').length >= want,
    n,
    { timeout: 15_000 },
  )
}

/** The jurisdiction's calendar date (+08:00) `days` from now. */
function jurisdictionDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10)
}

suite.test(
  '1 the leader lands on the dashboard, switches the period and opens the work orders behind the figures',
  { scenario: 'dash-1-overview', context: DESK, timeout: 90_000 },
  async ({ page, shot, api }) => {
    await signInAsLeader(page)

    // The last 30 days by default: the tiles say what the API counts.
    await tile(page, '受理量').waitFor()
    const month = await figuresShown(page, api)
    assert.equal(month.to, `${jurisdictionDate(1)}T00:00:00+08:00`, 'the window ends at the next local midnight')
    assert.equal(month.from, `${jurisdictionDate(-29)}T00:00:00+08:00`, 'the window covers 30 days')
    const totals = month.figures.totals
    assert.ok(totals.received > 0, 'the demo city received work orders this month')
    assert.match(await tile(page, '受理量').innerText(), new RegExp(zhCount(totals.received)))
    assert.match(await tile(page, '按时答复率').innerText(), new RegExp(zhRate(totals.on_time_rate).replace('.', '\\.')))
    assert.match(await tile(page, '满意率').innerText(), new RegExp(zhRate(totals.satisfaction_rate).replace('.', '\\.')))
    await tile(page, '超期工单').getByText(String(totals.overdue), { exact: true }).waitFor()

    // Trend, channels, map, districts, categories and types are drawn.
    for (const heading of ['受理趋势', '受理渠道', '区县地图', '区县分布', '问题分类（一级）', '诉求类型', '承办单位排名'])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor()
    await chartsDrawn(page, 6)
    const trendLabel = await page.getByRole('img', { name: /^受理趋势图/ }).getAttribute('aria-label')
    assert.match(trendLabel, new RegExp(`合计${zhCount(totals.received)}件`))
    // The lists of what needs attention now.
    for (const list of ['超期工单', '快速通道', '我关注的', '领导批示'])
      await page.getByRole('heading', { level: 3, name: list }).waitFor()
    await page.getByRole('region', { name: '超期工单' }).getByRole('row').nth(1).waitFor()
    await shot('landing')

    // The fair ranking: departments are ranked apart from districts, in bands.
    const ranking = page.getByRole('region', { name: '承办单位排名' })
    await ranking.getByText('平滑率 =（达标件数 + 10 × 全市比率）÷（总件数 + 10）', { exact: false }).waitFor()
    await ranking.getByRole('tab', { name: /^职能部门/ }).click()
    await ranking.getByRole('table', { name: /^办件量大/ }).waitFor()
    await ranking.scrollIntoViewIfNeeded()
    await shot('ranking-departments')

    // Last 7 days: the URL keeps the period and the tiles follow.
    const week = page.getByRole('radio', { name: '近7天' })
    await tick(week, page.getByRole('radiogroup', { name: '统计时段' }).getByText('近7天'))
    await page.waitForURL((u) => u.searchParams.get('period') === '7d')
    await page.waitForFunction(
      (from) => {
        const a = [...document.querySelectorAll('[data-test="tile-received"]')][0]
        return a && new URL(a.href).searchParams.get('from') === from
      },
      `${jurisdictionDate(-6)}T00:00:00+08:00`,
    )
    const seven = await figuresShown(page, api)
    assert.match(await tile(page, '受理量').innerText(), new RegExp(zhCount(seven.figures.totals.received)))
    await chartsDrawn(page, 6)
    await shot('last-7-days')

    // A district of the district table opens its work orders of the week.
    const district = seven.figures.by_district[0]
    await page
      .getByRole('region', { name: '区县分布' })
      .getByRole('table')
      .getByRole('link', { name: district.label, exact: true })
      .click()
    await page.waitForURL((u) => u.pathname === '/staff/queue/all')
    let url = new URL(page.url())
    assert.deepEqual(Object.fromEntries(url.searchParams), { area: district.key, from: seven.from, to: seven.to })
    await shot('queue-of-district')

    // Back on the dashboard the period is still the week; the overdue tile opens the overdue queue.
    await page.goBack()
    await page.waitForURL((u) => u.pathname === '/staff/dashboard' && u.searchParams.get('period') === '7d')
    await tile(page, '超期工单').click()
    await page.waitForURL((u) => u.pathname === '/staff/queue/overdue')
    url = new URL(page.url())
    assert.deepEqual(Object.fromEntries(url.searchParams), { from: seven.from, to: seven.to })
    await shot('queue-overdue')
  },
)

suite.test(
  '2 a custom range, a click on the trend chart and the dashboard in English',
  { scenario: 'dash-2-custom', context: DESK, timeout: 90_000 },
  async ({ page, shot, api }) => {
    await signInAsLeader(page)
    await chartsDrawn(page, 6)

    // A custom range of ten days ending three days ago.
    const start = jurisdictionDate(-12)
    const end = jurisdictionDate(-3)
    await tick(page.getByRole('radio', { name: '自定义' }), page.getByRole('radiogroup', { name: '统计时段' }).getByText('自定义'))
    // The last day before the first is refused before anything is asked.
    await page.getByLabel('开始日期').fill(end)
    await page.getByLabel('结束日期').fill(start)
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('alert').filter({ hasText: '结束日期不能早于开始日期。' }).waitFor()
    await shot('custom-refused')

    await page.getByLabel('开始日期').fill(start)
    await page.getByLabel('结束日期').fill(end)
    await page.getByRole('button', { name: '查询' }).click()
    await page.waitForURL((u) => u.searchParams.get('period') === 'custom' && u.searchParams.get('start') === start)
    await page.getByText(`统计时段：${Number(start.slice(0, 4))}年${Number(start.slice(5, 7))}月${Number(start.slice(8))}日`).waitFor()
    const custom = await figuresShown(page, api)
    assert.deepEqual([custom.from, custom.to], [`${start}T00:00:00+08:00`, `${jurisdictionDate(-2)}T00:00:00+08:00`])
    assert.match(await tile(page, '受理量').innerText(), new RegExp(zhCount(custom.figures.totals.received)))
    assert.equal(await tile(page, '今日受理').count(), 0, 'no "today" tile for a range that ends before today')
    await chartsDrawn(page, 6)
    await shot('custom-range')

    // A click on the trend line opens the work orders of the day under the pointer.
    const trend = page.getByRole('img', { name: /^受理趋势图/ })
    await trend.scrollIntoViewIfNeeded()
    const box = await trend.boundingBox()
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForURL((u) => u.pathname === '/staff/queue/all')
    const q = Object.fromEntries(new URL(page.url()).searchParams)
    assert.deepEqual(Object.keys(q).sort(), ['from', 'to'])
    assert.equal(Date.parse(q.to) - Date.parse(q.from), DAY_MS, 'one day')
    assert.ok(q.from >= custom.from && q.to <= custom.to, `${q.from} lies in the custom range`)
    await shot('queue-of-day')

    // In English the dashboard keeps its figures.
    await page.goBack()
    await page.getByRole('heading', { level: 1, name: '领导驾驶舱' }).waitFor()
    await page.getByRole('button', { name: 'Switch to English / 切换为英文' }).click()
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Volume over time' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Handling unit ranking' }).waitFor()
    assert.match(await tile(page, 'Received(?! today)').innerText(), new RegExp(custom.figures.totals.received.toLocaleString('en')))
    await chartsDrawn(page, 6)
    await shot('english')
  },
)

suite.test(
  '3 the lists hold open work orders, closed ones behind a switch; the badges count the open ones',
  { scenario: 'dash-3-open-lists', context: DESK, timeout: 90_000 },
  async ({ page, shot, api }) => {
    const open = await api.get('/api/v1/work-orders?queue=fast_lane&total=true&limit=200', 'leader')
    const closed = await api.get('/api/v1/work-orders?queue=fast_lane&state=closed&total=true&limit=1', 'leader')
    assert.ok(closed.total > 0, 'the demo city closed fast-lane work orders')
    for (const w of open.items) assert.ok(!['closed', 'rejected', 'merged'].includes(w.state.code), `${w.id} is open`)

    await signInAsLeader(page)
    const lane = page.getByRole('region', { name: '快速通道' })
    await lane.getByRole('link', { name: new RegExp(`^查看全部未办结（${zhCount(open.total)}）`) }).waitFor()
    const states = await lane.locator('[data-test="list-row"] td:nth-child(4)').allInnerTexts()
    assert.equal(states.length, Math.min(open.total, 10))
    for (const s of states) assert.doesNotMatch(s, /已办结|不予受理|已并单/)
    await lane.scrollIntoViewIfNeeded()
    await shot('fast-lane-open')

    // The closed ones are a click away, and their queue keeps the filter.
    await lane.getByRole('button', { name: '已办结' }).click()
    const all = lane.getByRole('link', { name: new RegExp(`^查看全部已办结（${zhCount(closed.total)}）`) })
    await all.waitFor()
    for (const s of await lane.locator('[data-test="list-row"] td:nth-child(4)').allInnerTexts()) assert.match(s, /已办结/)
    await shot('fast-lane-closed')
    await all.click()
    await page.waitForURL((u) => u.pathname === '/staff/queue/fast_lane' && u.searchParams.get('state') === 'closed')

    // The workbench's badge counts what needs attention: the open ones.
    const counts = (await api.get('/api/v1/work-orders/counts', 'leader')).counts
    assert.equal(counts.fast_lane, open.total)
    await page
      .getByRole('navigation', { name: '工单队列' })
      .getByRole('link', { name: new RegExp(`^快速通道\\s*${open.total}件?`) })
      .waitFor()
    await page.getByRole('link', { name: '快速通道' }).first().click()
    await page.waitForURL((u) => u.pathname === '/staff/queue/fast_lane' && !u.searchParams.has('state'))
    await page.getByText('只列出未办结的工单。').waitFor()
    await page.locator('[data-test="queue-total"]').getByText(`共${open.total}件`).waitFor()
    await shot('queue-open-only')
  },
)

suite.test(
  "4 today's point of the trend is marked partial; the hot issues open their requests",
  { scenario: 'dash-4-hot', context: DESK, timeout: 90_000 },
  async ({ page, shot, api }) => {
    await signInAsLeader(page)
    await chartsDrawn(page, 6)
    // The last 30 days end today, which is still filling.
    const trendLabel = await page.getByRole('img', { name: /^受理趋势图/ }).getAttribute('aria-label')
    const today = jurisdictionDate(0)
    const day = `${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`
    assert.match(trendLabel, new RegExp(`最后一个时间点（${day}）为今日截至\\d\\d:\\d\\d，未满一天的数据。`))
    await page.getByRole('region', { name: '受理趋势' }).getByText('查看数据表', { exact: true }).click()
    await page.getByRole('region', { name: '受理趋势' }).getByRole('link', { name: `${day}（未满）` }).waitFor()
    await page.getByRole('region', { name: '受理趋势' }).scrollIntoViewIfNeeded()
    await shot('trend-partial')

    // The hot issues as the API ranks them, with their alerts.
    let hot
    await (async () => {
      for (let i = 0; i < 50; i++) {
        hot = await api.get('/api/v1/hotspots?top=10&members=1', 'leader')
        if (hot.ready) return
        await new Promise((r) => setTimeout(r, 200))
      }
    })()
    assert.ok(hot.ready && hot.issues.length > 0, 'the demo city has hot issues this week')
    const panel = page.getByRole('region', { name: '热点问题' })
    const rows = panel.locator('[data-test="hot-row"]')
    await rows.first().waitFor()
    assert.equal(await rows.count(), hot.issues.length)
    const first = hot.issues[0]
    const cells = await rows.first().locator('td, th').allInnerTexts()
    assert.equal(cells[0].trim(), '1')
    assert.equal(cells[1].trim(), (Math.round(first.hotness * 10) / 10).toFixed(1))
    assert.equal(cells[4].trim(), first.description)
    assert.match(cells[5], new RegExp(`^${first.messages}件`))
    if (hot.alerts.length) await panel.locator('[data-test="hot-alert"]').first().waitFor()
    await panel.scrollIntoViewIfNeeded()
    await shot('hot-issues')

    // The first issue opens its requests; one opens its work order.
    const one = await api.get(`/api/v1/hotspots?issue=${first.issue_id}&members=200`, 'leader')
    await rows.first().getByRole('button', { name: new RegExp(`^查看.*${first.messages}件诉求`) }).click()
    const members = panel.locator(`[data-test="hot-members-${first.issue_id}"] [data-test="hot-member"]`)
    await members.first().waitFor()
    assert.equal(await members.count(), one.details.length)
    await shot('hot-issue-requests')
    await members.first().getByRole('link').click()
    await page.waitForURL((u) => u.pathname === `/staff/orders/${one.details[0].id}`)
    await page.getByRole('heading', { level: 1 }).getByText(one.details[0].title).waitFor()
    await shot('hot-issue-work-order')
  },
)
