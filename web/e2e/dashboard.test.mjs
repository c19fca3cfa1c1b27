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
