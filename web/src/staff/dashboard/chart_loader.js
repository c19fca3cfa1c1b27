// ECharts is most of the dashboard's weight (about 200 KB gzipped even
// tree-shaken), so echarts_runtime.js is a chunk of its own: the page
// starts loading it when it opens and shows its tiles, tables and lists
// without waiting for it. A failed load is forgotten so the next chart
// tries again.
let pending = null

/** Resolves to the echarts_runtime.js module ({ createChart, registerDistrictMap }). */
export function loadChartRuntime() {
  if (!pending) {
    pending = import('./echarts_runtime.js')
    pending.catch(() => {
      pending = null
    })
  }
  return pending
}
