// The tiles and charts built from the figures: options, links aligned with
// the data items, summaries and tables, without a canvas.
import { describe, expect, it } from 'vitest'
import { CHART_COLORS, barChartHeight, escapeHtml, mapOption, mapRegions, mapScale, tooltipText } from './chart_options.js'
import { headlineTiles, groupView, mapView, trendView } from './figure_views.js'
import { bucketLabel, formatCount, formatDay, formatMonth, formatRate } from './figure_format.js'
import { periodWindow } from './period.js'

// Words: the key and its parameters, so tests see what was asked for.
const t = (key, params) => (params ? `${key}${JSON.stringify(params)}` : key)
const words = { t, locale: 'zh-CN' }
const NOW = new Date('2026-11-23T01:00:00Z')
const WEEK = periodWindow({ kind: '7d' }, NOW)

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
  on_time_rate: 1,
  resolution_rate: 1,
  satisfaction_rate: 1,
  ...extra,
})

describe('figure format', () => {
  it('formats counts, rates, days and months', () => {
    expect(formatCount(1012)).toBe('1,012')
    expect(formatCount(null)).toBe('—')
    expect(formatRate(0.92891)).toBe('92.9%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatDay('2026-11-03')).toBe('11月3日')
    expect(formatDay('2026-11-03', 'en')).toBe('3 Nov')
    expect(formatMonth('2026-01')).toBe('2026年1月')
    expect(formatMonth('2026-01', 'en')).toBe('Jan 2026')
    expect(bucketLabel({ unit: 'month', key: '2026-02' })).toBe('2026年2月')
  })
})

describe('headline tiles', () => {
  const totals = {
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
  }

  it('show the totals and link each to its work orders', () => {
    const tiles = headlineTiles(totals, WEEK, words)
    expect(tiles.map((x) => [x.key, x.value])).toEqual([
      ['received', '1,012'],
      ['onTime', '92.9%'],
      ['resolution', '98.6%'],
      ['satisfaction', '92.9%'],
      ['overdue', '13'],
    ])
    expect(tiles[0].link.query).toEqual({ from: WEEK.from, to: WEEK.to })
    expect(tiles[4]).toMatchObject({ alert: true, link: { params: { queue: 'overdue' } } })
    expect(tiles[1].detail).toBe('dashboard.tiles.onTimeDetail{"ok":"771","all":"830"}')
    expect(tiles[3].detail).toContain('"ok":"664"')
  })

  it('add today when asked, linking to today', () => {
    const today = { key: '2026-11-23', received: 32, from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }
    const tiles = headlineTiles(totals, WEEK, words, today)
    expect(tiles[1]).toMatchObject({ key: 'today', value: '32', link: { query: { from: today.from, to: today.to } } })
  })

  it('show a dash for rates with nothing behind them', () => {
    const empty = { ...totals, received: 0, overdue: 0, on_time_rate: null, resolution_rate: null, satisfaction_rate: null }
    const tiles = headlineTiles(empty, WEEK, words)
    expect(tiles.find((x) => x.key === 'onTime').value).toBe('—')
    expect(tiles.find((x) => x.key === 'overdue').alert).toBe(false)
  })
})

describe('trend view', () => {
  it('charts every day of the window and links each point to its day', () => {
    const v = trendView([group('2026-11-18', '2026-11-18', 5), group('2026-11-23', '2026-11-23', 2)], WEEK, words)
    expect(v.option.xAxis.data).toEqual(['11月17日', '11月18日', '11月19日', '11月20日', '11月21日', '11月22日', '11月23日'])
    expect(v.option.series[0]).toMatchObject({ type: 'line', data: [0, 5, 0, 0, 0, 0, 2] })
    expect(v.links[1].query).toEqual({ from: '2026-11-18T00:00:00+08:00', to: '2026-11-19T00:00:00+08:00' })
    expect(v.table.rows).toHaveLength(7)
    expect(v.table.rows[1]).toMatchObject({ cells: { name: '11月18日', received: '5', onTime: '100.0%' } })
    expect(v.summary).toContain('"peak":"11月18日"')
    expect(v.summary).toContain('"total":"7"')
  })

  it("marks today's bucket as partial, so a morning's few do not read as a collapse", () => {
    const v = trendView([group('2026-11-22', 'x', 40), group('2026-11-23', 'x', 2)], WEEK, words, {
      date: '2026-11-23',
      time: '09:00',
    })
    expect(v.partialIndex).toBe(6)
    const [whole, partial] = v.option.series
    expect(whole.data).toEqual([0, 0, 0, 0, 0, 40, null])
    expect(partial.lineStyle.type).toBe('dashed')
    expect(partial.data.slice(0, 6)).toEqual([null, null, null, null, null, 40])
    expect(partial.data[6]).toMatchObject({ value: 2, label: { show: true, formatter: 'dashboard.trend.partialPoint' } })
    const note = 'dashboard.trend.partial.day{"time":"09:00"}'
    expect(partial.name).toBe(note)
    expect(v.option.xAxis.data[6]).toBe('dashboard.trend.partialLabel{"label":"11月23日"}')
    expect(v.option.tooltip.formatter([{ dataIndex: 6 }])).toContain(escapeHtml(note))
    expect(v.summary).toContain(`dashboard.summary.trendPartial{"last":"11月23日","partial":${JSON.stringify(note)}}`)
    expect(v.table.rows[6].cells.name).toBe('dashboard.trend.partialLabel{"label":"11月23日"}')
    // A window that ends before today has no partial bucket.
    const past = periodWindow({ kind: 'custom', start: '2026-11-10', end: '2026-11-16' }, NOW)
    const old = trendView([group('2026-11-12', 'x', 3)], past, words, { date: '2026-11-23', time: '09:00' })
    expect(old.partialIndex).toBe(-1)
    expect(old.option.series).toHaveLength(1)
  })

  it('marks the month still filling on a long window', () => {
    const year = periodWindow({ kind: 'year' }, NOW)
    const v = trendView([group('2026-10-02', 'x', 300), group('2026-11-23', 'x', 20)], year, words, {
      date: '2026-11-23',
      time: '09:00',
    })
    expect(v.buckets[v.partialIndex].key).toBe('2026-11')
    expect(v.partialIndex).toBe(v.buckets.length - 1)
    expect(v.option.series[1].name).toBe('dashboard.trend.partial.month{"time":"09:00"}')
  })

  it('has an empty table when nothing was received', () => {
    expect(trendView([], WEEK, words).table.rows).toEqual([])
  })

  it('gives tooltips as escaped text', () => {
    const v = trendView([group('2026-11-18', 'x', 5)], WEEK, words)
    expect(v.option.tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '11月18日<br/>dashboard.col.received: 5<br/>dashboard.col.onTime: 100.0%<br/>dashboard.col.satisfaction: 100.0%',
    )
  })
})

describe('group views', () => {
  it('sort busiest first and keep links aligned with the bars', () => {
    const v = groupView(
      'channel',
      [group('web', '网站', 130), group('hotline', '热线电话', 516), group('fax', '传真', 0)],
      WEEK,
      words,
    )
    expect(v.option.yAxis.data).toEqual(['热线电话', '网站'])
    expect(v.option.series[0].data).toEqual([516, 130])
    expect(v.links.map((l) => l.query.channel)).toEqual(['hotline', 'web'])
    expect(v.table.rows.map((r) => r.link)).toEqual(v.links)
    expect(v.height).toBe(barChartHeight(2))
    expect(v.option.series[0].itemStyle.color).toBe(CHART_COLORS.primary)
  })

  it('name groups through nameOf, and leave unclassified work orders unlinked', () => {
    const v = groupView('category', [group('', '未分类', 52), group('01', '城乡建设', 297)], WEEK, words, (g) =>
      g.key ? g.label : 'UNCLASSIFIED',
    )
    expect(v.option.yAxis.data).toEqual(['城乡建设', 'UNCLASSIFIED'])
    expect(v.links[0].query.category).toBe('01')
    expect(v.links[1]).toBeNull()
    expect(v.table.rows[1]).toMatchObject({ key: '-', link: null })
  })

  it('links districts by area code', () => {
    const v = groupView('district', [group('dh', '东湖区', 228)], WEEK, words)
    expect(v.links[0]).toEqual({ name: 'queue', params: { queue: 'all' }, query: { area: 'dh', from: WEEK.from, to: WEEK.to } })
  })
})

describe('district map', () => {
  const geo = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'dh', name: '东湖区' }, geometry: null },
      { type: 'Feature', properties: { code: 'qc', name: '青川县' }, geometry: null },
      { type: 'Feature', properties: { name: 'no code' }, geometry: null },
    ],
  }

  it('reads the regions with a code', () => {
    expect(mapRegions(geo)).toEqual([
      { code: 'dh', name: '东湖区' },
      { code: 'qc', name: '青川县' },
    ])
    expect(mapRegions(null)).toEqual([])
  })

  it('shades every region, zero where the figures have none, and links each', () => {
    const v = mapView(mapRegions(geo), [group('dh', '东湖区', 228)], WEEK, words, 'm')
    const series = v.option.series[0]
    expect(series).toMatchObject({ type: 'map', map: 'm', nameProperty: 'code' })
    expect(series.data).toEqual([
      { name: 'dh', value: 228 },
      { name: 'qc', value: 0 },
    ])
    expect([v.option.visualMap.min, v.option.visualMap.max]).toEqual([0, 228])
    expect(v.option.visualMap.text).toEqual(['dashboard.map.high{"n":"228"}', 'dashboard.map.low{"n":"0"}'])
    expect(series.label.formatter({ name: 'qc' })).toBe('青川县')
    expect(v.links.map((l) => l.query.area)).toEqual(['dh', 'qc'])
    expect(v.summary).toContain('"top":"东湖区"')
    expect(v.option.tooltip.formatter({ dataIndex: 1, name: 'qc' })).toBe('青川县<br/>dashboard.col.received: 0')
  })

  it('spreads the colours from the quietest to the busiest district', () => {
    const rows = [
      { code: 'a', name: 'A', value: 162 },
      { code: 'b', name: 'B', value: 227 },
    ]
    const o = mapOption({ mapName: 'm', rows, name: 'n', tooltip: () => [] })
    expect([o.visualMap.min, o.visualMap.max]).toEqual([162, 227])
    expect(mapScale([{ value: 5 }, { value: 5 }])).toEqual({ min: 5, max: 6 })
    expect(mapScale([])).toEqual({ min: 0, max: 1 })
  })
})

describe('tooltips', () => {
  it('escape names that came from the server', () => {
    expect(escapeHtml('<b>"A&B"</b>')).toBe('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;')
    expect(tooltipText(() => ['<i>x</i>', 'y'], 0)).toBe('&lt;i&gt;x&lt;/i&gt;<br/>y')
  })
})
