// ECharts options of the dashboard's charts, built as plain data from plain
// data (labels, values, words) so they can be tested without a canvas. The
// caller passes the words already translated and a tooltip function per
// data index; links are not part of the option (EChart.vue maps a click on
// data item i to links[i]).

/** Colours of theme.css: AA contrast for text on white. */
export const CHART_COLORS = {
  primary: '#1a4f9c',
  area: 'rgba(26, 79, 156, 0.12)',
  text: '#1f2329',
  axis: '#5c6068',
  split: '#e4e7ed',
}

/** Map fill from few to many work orders (light to the primary blue). */
export const MAP_COLORS = ['#e8edf5', '#8ca7ce', '#1a4f9c']

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"

/** Escapes text for ECharts' HTML tooltips (names come from the server). */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

/** An ECharts tooltip formatter from lines(i): plain-text lines of data item i. */
export function tooltipText(lines, i) {
  return lines(i).map(escapeHtml).join('<br/>')
}

function base(tooltip) {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: CHART_COLORS.text },
    tooltip: { confine: true, ...tooltip },
  }
}

const axisLabel = { color: CHART_COLORS.axis, fontSize: 12 }
const valueAxis = {
  type: 'value',
  minInterval: 1,
  axisLabel,
  splitLine: { lineStyle: { color: CHART_COLORS.split } },
}

/**
 * A line of volume over time. labels[i] and values[i] are bucket i;
 * tooltip(i) gives the plain-text lines of its tooltip. `partial` (or null)
 * marks the last bucket as still filling -- { index, name, note } -- so a
 * morning's few requests do not read as a collapse: the line stops at the
 * bucket before, and a dashed stretch with a hollow point labelled `note`
 * leads to the partial one.
 */
export function trendOption({ labels, values, name, tooltip, partial = null }) {
  const line = {
    type: 'line',
    name,
    data: partial ? values.map((v, i) => (i === partial.index ? null : v)) : values,
    symbol: 'circle',
    symbolSize: 6,
    showSymbol: values.length <= 62,
    lineStyle: { width: 2, color: CHART_COLORS.primary },
    itemStyle: { color: CHART_COLORS.primary },
    areaStyle: { color: CHART_COLORS.area },
    cursor: 'pointer',
  }
  const series = [line]
  if (partial) {
    series.push({
      type: 'line',
      name: partial.name,
      data: values.map((v, i) => {
        if (i === partial.index) {
          return { value: v, label: { show: true, position: 'top', formatter: partial.note, color: CHART_COLORS.axis } }
        }
        return i === partial.index - 1 ? v : null
      }),
      symbol: 'emptyCircle',
      symbolSize: 8,
      showSymbol: true,
      lineStyle: { width: 2, type: 'dashed', color: CHART_COLORS.primary },
      itemStyle: { color: CHART_COLORS.primary, borderColor: CHART_COLORS.primary },
      cursor: 'pointer',
    })
  }
  return {
    ...base({ trigger: 'axis', formatter: (params) => tooltipText(tooltip, params[0].dataIndex) }),
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel },
    yAxis: valueAxis,
    series,
  }
}

/**
 * Horizontal bars, first label on top, each bar labelled with its value.
 * labels[i], values[i] and tooltip(i) as in trendOption.
 */
export function barOption({ labels, values, name, tooltip }) {
  return {
    ...base({ trigger: 'item', formatter: (p) => tooltipText(tooltip, p.dataIndex) }),
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { ...valueAxis, axisLabel: { ...axisLabel, hideOverlap: true } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { ...axisLabel, color: CHART_COLORS.text } },
    series: [
      {
        type: 'bar',
        name,
        data: values,
        barMaxWidth: 22,
        itemStyle: { color: CHART_COLORS.primary, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: CHART_COLORS.text },
        cursor: 'pointer',
      },
    ],
  }
}

/** The bar chart's height for `n` bars: enough room for each label. */
export function barChartHeight(n) {
  return `${Math.max(160, 36 + n * 30)}px`
}

/**
 * The district map `mapName` (registered with the jurisdiction's GeoJSON,
 * regions named by properties.code), coloured by volume from the quietest
 * to the busiest district, so differences show even when every district is
 * busy. rows[i] is { code, name, value }; tooltip(i) its tooltip;
 * lowText/highText label the colour scale's ends.
 */
export function mapOption({ mapName, rows, name, tooltip, lowText, highText }) {
  const names = new Map(rows.map((r) => [r.code, r.name]))
  const { min, max } = mapScale(rows)
  return {
    ...base({
      trigger: 'item',
      formatter: (p) => (p.dataIndex >= 0 ? tooltipText(tooltip, p.dataIndex) : escapeHtml(names.get(p.name) || p.name)),
    }),
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      inRange: { color: MAP_COLORS },
      text: [highText, lowText],
      textStyle: { color: CHART_COLORS.axis },
      left: 8,
      bottom: 8,
      itemHeight: 100,
    },
    series: [
      {
        type: 'map',
        map: mapName,
        name,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        data: rows.map((r) => ({ name: r.code, value: r.value })),
        label: {
          show: true,
          formatter: (p) => names.get(p.name) || p.name,
          color: CHART_COLORS.text,
          textBorderColor: '#fff',
          textBorderWidth: 3,
          fontSize: 13,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1.5 },
        emphasis: {
          label: { show: true, color: CHART_COLORS.text, textBorderColor: '#fff', textBorderWidth: 3 },
          itemStyle: { areaColor: '#f0a500' },
        },
        cursor: 'pointer',
      },
    ],
  }
}

/** The colour scale's ends for map rows: the smallest and largest value, never equal. */
export function mapScale(rows) {
  const values = rows.map((r) => r.value)
  const min = values.length ? Math.min(...values) : 0
  return { min, max: Math.max(min + 1, ...values) }
}

/** { code, name } of each feature of a GeoJSON FeatureCollection that has properties.code. */
export function mapRegions(geoJson) {
  const features = (geoJson && Array.isArray(geoJson.features) && geoJson.features) || []
  return features
    .map((f) => f && f.properties)
    .filter((p) => p && p.code)
    .map((p) => ({ code: String(p.code), name: String(p.name || p.code) }))
}
