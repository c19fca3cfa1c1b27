// Figures as leaders read them: counts with digit grouping, rates as
// percentages with one decimal, days and months Chinese style
// ("11月23日", "2026年11月") or English ("23 Nov", "Nov 2026").

export const NONE = '—'

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const isChinese = (locale) => !locale || String(locale).toLowerCase().startsWith('zh')

/** 1012 -> "1,012"; "—" for anything that is not a number. */
export function formatCount(n, locale = 'zh-CN') {
  return Number.isFinite(n) ? new Intl.NumberFormat(isChinese(locale) ? 'zh-CN' : 'en').format(n) : NONE
}

/** 0.92891 -> "92.9%"; null -> "—". */
export function formatRate(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return NONE
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`
}

/** "2026-11-23" -> "11月23日" / "23 Nov". */
export function formatDay(date, locale = 'zh-CN') {
  const [, m, d] = date.split('-').map(Number)
  return isChinese(locale) ? `${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]}`
}

/** "2026-11" -> "2026年11月" / "Nov 2026". */
export function formatMonth(month, locale = 'zh-CN') {
  const [y, m] = month.split('-').map(Number)
  return isChinese(locale) ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`
}

/** A trend bucket's label: its day or its month. */
export function bucketLabel(bucket, locale = 'zh-CN') {
  return bucket.unit === 'month' ? formatMonth(bucket.key, locale) : formatDay(bucket.key, locale)
}
