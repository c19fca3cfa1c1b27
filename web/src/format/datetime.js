// Dates and times as people read them: 2026年11月23日 14:05 in Chinese,
// 23 Nov 2026, 14:05 in English.
//
// The API sends RFC 3339 times with the jurisdiction's UTC offset
// ("2026-11-23T14:05:09+08:00"). We show that wall-clock time as sent, not
// converted to the browser's zone: a citizen abroad or a misconfigured
// computer must see the same time as the hotline centre.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Splits an RFC 3339 string into numbers, or returns null when it is not one. */
export function parseWallClock(value) {
  if (typeof value !== 'string') return null
  const m = RFC3339.exec(value.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const hasTime = m[4] !== undefined
  const hour = hasTime ? Number(m[4]) : 0
  const minute = hasTime ? Number(m[5]) : 0
  if (hour > 23 || minute > 59) return null
  return { year, month, day, hour, minute, hasTime }
}

const pad2 = (n) => String(n).padStart(2, '0')

function isChinese(locale) {
  return !locale || String(locale).toLowerCase().startsWith('zh')
}

/** "2026年11月23日" / "23 Nov 2026"; '' for empty or unreadable input. */
export function formatDate(value, locale = 'zh-CN') {
  const p = parseWallClock(value)
  if (!p) return ''
  return isChinese(locale) ? `${p.year}年${p.month}月${p.day}日` : `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`
}

/** "2026年11月23日 14:05" / "23 Nov 2026, 14:05"; the date alone when no time was sent. */
export function formatDateTime(value, locale = 'zh-CN') {
  const p = parseWallClock(value)
  if (!p) return ''
  const date = formatDate(value, locale)
  if (!p.hasTime) return date
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`
  return isChinese(locale) ? `${date} ${time}` : `${date}, ${time}`
}
