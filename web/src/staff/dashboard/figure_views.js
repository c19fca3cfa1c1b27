// What each part of the dashboard shows, built from GET /figures: the
// headline tiles, and for each chart its ECharts option, its links (one per
// data item), a one-sentence summary for screen readers and the same
// figures as a table. Pure functions of the figures, the window and the
// words (`words` = { t, locale, label } with label(kind, {code,label}) the
// enum labeller), so they are tested without a browser.
import { barChartHeight, barOption, mapOption, mapScale, trendOption } from './chart_options.js'
import { bucketLink, groupLink, tileLinks } from './figure_links.js'
import { bucketLabel, formatCount, formatDay, formatRate } from './figure_format.js'
import { trendBuckets } from './period.js'

/** The figures of one group as table cells (after the name). */
function metricCells(g, locale) {
  return {
    received: formatCount(g.received, locale),
    onTime: formatRate(g.on_time_rate),
    resolution: formatRate(g.resolution_rate),
    satisfaction: formatRate(g.satisfaction_rate),
    overdue: formatCount(g.overdue, locale),
  }
}

function metricColumns(t, nameLabel) {
  return [
    { key: 'name', label: nameLabel },
    { key: 'received', label: t('dashboard.col.received'), numeric: true },
    { key: 'onTime', label: t('dashboard.col.onTime'), numeric: true },
    { key: 'resolution', label: t('dashboard.col.resolution'), numeric: true },
    { key: 'satisfaction', label: t('dashboard.col.satisfaction'), numeric: true },
    { key: 'overdue', label: t('dashboard.col.overdue'), numeric: true },
  ]
}

function tooltipLines(t, locale, name, g) {
  return [
    name,
    `${t('dashboard.col.received')}: ${formatCount(g.received, locale)}`,
    `${t('dashboard.col.onTime')}: ${formatRate(g.on_time_rate)}`,
    `${t('dashboard.col.satisfaction')}: ${formatRate(g.satisfaction_rate)}`,
  ]
}

/**
 * The headline tiles: [{ key, value, detail, link, alert? }]. value and
 * detail are display strings; `today` (a trend bucket or null) adds the
 * "received today" tile when the window contains today.
 */
export function headlineTiles(totals, window, { t, locale }, today = null) {
  const links = tileLinks(window)
  const n = (v) => formatCount(v, locale)
  const tiles = [
    {
      key: 'received',
      value: n(totals.received),
      detail: t('dashboard.tiles.receivedDetail', { closed: n(totals.closed) }),
      link: links.received,
    },
  ]
  if (today) {
    tiles.push({
      key: 'today',
      value: n(today.received),
      detail: t('dashboard.tiles.todayDetail', { day: formatDay(today.key, locale) }),
      link: bucketLink(today),
    })
  }
  tiles.push(
    {
      key: 'onTime',
      value: formatRate(totals.on_time_rate),
      detail: t('dashboard.tiles.onTimeDetail', { ok: n(totals.replied_on_time), all: n(totals.replied) }),
      link: links.onTime,
    },
    {
      key: 'resolution',
      value: formatRate(totals.resolution_rate),
      detail: t('dashboard.tiles.resolutionDetail', { ok: n(totals.resolved), all: n(totals.called_back) }),
      link: links.resolution,
    },
    {
      key: 'satisfaction',
      value: formatRate(totals.satisfaction_rate),
      detail: t('dashboard.tiles.satisfactionDetail', {
        ok: n(totals.satisfied + totals.basically_satisfied),
        all: n(totals.rated),
      }),
      link: links.satisfaction,
    },
    {
      key: 'overdue',
      value: n(totals.overdue),
      detail: t('dashboard.tiles.overdueDetail'),
      link: links.overdue,
      alert: totals.overdue > 0,
    },
  )
  return tiles
}

/**
 * The index of the bucket still filling at `now` = { date, time } (the
 * jurisdiction's date "YYYY-MM-DD" and time "HH:MM"): today's day, or the
 * month of today; -1 when the window has none.
 */
export function partialBucketIndex(buckets, now) {
  if (!now || !now.date) return -1
  return buckets.findIndex((b) => (b.unit === 'month' ? b.key === now.date.slice(0, 7) : b.key === now.date))
}

/**
 * The trend chart: volume per day (per month for long windows). With `now`
 * ({ date, time }, see partialBucketIndex) the bucket still filling is
 * marked as partial on the chart, in its tooltip, the summary and the table.
 */
export function trendView(byDay, window, { t, locale }, now = null) {
  const buckets = trendBuckets(window, byDay)
  const partialIndex = partialBucketIndex(buckets, now)
  const partialNote =
    partialIndex < 0 ? '' : t(`dashboard.trend.partial.${buckets[partialIndex].unit}`, { time: now.time })
  const plainLabels = buckets.map((b) => bucketLabel(b, locale))
  const labels = plainLabels.map((l, i) => (i === partialIndex ? t('dashboard.trend.partialLabel', { label: l }) : l))
  const values = buckets.map((b) => b.received)
  const total = values.reduce((a, b) => a + b, 0)
  const name = t('dashboard.col.received')
  let peak = 0
  values.forEach((v, i) => {
    if (v > values[peak]) peak = i
  })
  const tooltip = (i) => {
    const lines = tooltipLines(t, locale, labels[i], buckets[i])
    return i === partialIndex ? [...lines, partialNote] : lines
  }
  let summary = ''
  if (buckets.length) {
    summary = t('dashboard.summary.trend', {
      first: plainLabels[0],
      last: plainLabels[plainLabels.length - 1],
      n: buckets.length,
      total: formatCount(total, locale),
      peak: plainLabels[peak],
      peakValue: formatCount(values[peak], locale),
    })
    if (partialIndex >= 0) {
      summary += t('dashboard.summary.trendPartial', { last: plainLabels[partialIndex], partial: partialNote })
    }
  }
  return {
    buckets,
    partialIndex,
    option: trendOption({
      labels,
      values,
      name,
      tooltip,
      partial: partialIndex < 0 ? null : { index: partialIndex, name: partialNote, note: t('dashboard.trend.partialPoint') },
    }),
    links: buckets.map(bucketLink),
    summary,
    table: {
      columns: metricColumns(t, t(buckets[0] && buckets[0].unit === 'month' ? 'dashboard.col.month' : 'dashboard.col.day')),
      rows: total
        ? buckets.map((b, i) => ({ key: b.key, link: bucketLink(b), cells: { name: labels[i], ...metricCells(b, locale) } }))
        : [],
    },
  }
}

/**
 * A bar chart of one by_* dimension (channel, type, category, district),
 * busiest first. nameOf(group) gives a group's display name.
 */
export function groupView(dimension, groups, window, { t, locale }, nameOf = (g) => g.label) {
  const rows = [...(groups || [])].filter((g) => g.received > 0).sort((a, b) => b.received - a.received)
  const labels = rows.map(nameOf)
  const values = rows.map((g) => g.received)
  const links = rows.map((g) => groupLink(dimension, g.key, window))
  const title = t(`dashboard.charts.${dimension}`)
  return {
    option: barOption({
      labels,
      values,
      name: t('dashboard.col.received'),
      tooltip: (i) => tooltipLines(t, locale, labels[i], rows[i]),
    }),
    height: barChartHeight(rows.length),
    links,
    summary: rows.length
      ? t('dashboard.summary.bars', {
          title,
          n: rows.length,
          total: formatCount(
            values.reduce((a, b) => a + b, 0),
            locale,
          ),
          top: labels[0],
          topValue: formatCount(values[0], locale),
        })
      : '',
    table: {
      columns: metricColumns(t, t(`dashboard.col.${dimension}`)),
      rows: rows.map((g, i) => ({ key: g.key || '-', link: links[i], cells: { name: labels[i], ...metricCells(g, locale) } })),
    },
  }
}

/**
 * The district map: every region of the GeoJSON (`regions` = [{code,
 * name}]) with its received count (0 when the figures have none).
 */
export function mapView(regions, byDistrict, window, { t, locale }, mapName) {
  const byCode = new Map((byDistrict || []).map((g) => [g.key, g]))
  const rows = regions.map((r) => {
    const g = byCode.get(r.code)
    return { code: r.code, name: (g && g.label) || r.name, value: g ? g.received : 0, group: g || null }
  })
  const busiest = [...rows].sort((a, b) => b.value - a.value)[0]
  const scale = mapScale(rows)
  return {
    option: mapOption({
      mapName,
      rows,
      name: t('dashboard.col.received'),
      lowText: t('dashboard.map.low', { n: formatCount(scale.min, locale) }),
      highText: t('dashboard.map.high', { n: formatCount(scale.max, locale) }),
      tooltip: (i) =>
        rows[i].group
          ? tooltipLines(t, locale, rows[i].name, rows[i].group)
          : [rows[i].name, `${t('dashboard.col.received')}: 0`],
    }),
    links: rows.map((r) => groupLink('district', r.code, window)),
    summary: busiest
      ? t('dashboard.summary.map', {
          n: rows.length,
          top: busiest.name,
          topValue: formatCount(busiest.value, locale),
        })
      : '',
  }
}
