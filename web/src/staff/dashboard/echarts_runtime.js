// The one place the dashboard touches ECharts. Only the charts and
// components the dashboard draws are registered (tree-shaken imports from
// echarts/core), so the dashboard chunk carries no unused chart types.
// Component tests replace this module with vi.mock: happy-dom has no canvas.
import { init, registerMap, use } from 'echarts/core'
import { BarChart, LineChart, MapChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])

/** A new chart drawn into `el` (an element with a size). The caller disposes it. */
export function createChart(el) {
  return init(el, null, { renderer: 'canvas' })
}

/** Makes the GeoJSON FeatureCollection `geoJson` available as map `name`. */
export function registerDistrictMap(name, geoJson) {
  registerMap(name, geoJson)
}
