// The hot-issue panel's rows from GET /hotspots (DESIGN.md §5, 热点问题表):
// rank, hotness, place or people, time range, description, how many
// requests and citizens, and the alerts raised on the issue. Pure functions
// of the answer, tested without a browser.
import { formatDay } from './figure_format.js'

/** Alert kinds the API sends, in the order a badge lists them. */
export const ALERT_KINDS = ['new_topic', 'surge']

/** 12.345 -> "12.3". */
export function formatHotness(v) {
  return Number.isFinite(v) ? (Math.round(v * 10) / 10).toFixed(1) : '—'
}

/** The calendar date of an RFC 3339 time as written (the jurisdiction's). */
const dateOf = (t) => (typeof t === 'string' ? t.slice(0, 10) : '')

/** "11月20日 至 11月23日", or the one day when first and last fall on it. */
export function timeRange(first, last, locale = 'zh-CN') {
  const a = dateOf(first)
  const b = dateOf(last)
  if (!a || !b) return ''
  if (a === b) return formatDay(a, locale)
  const to = String(locale).toLowerCase().startsWith('zh') ? ' 至 ' : ' – '
  return `${formatDay(a, locale)}${to}${formatDay(b, locale)}`
}

/**
 * One row per issue, hottest first: { issueId, rank, hotness, place,
 * description, range, messages, citizens, keywords, alerts } with alerts the
 * kinds raised on the issue among the latest alerts (each kind once).
 */
export function issueRows(hot, locale = 'zh-CN') {
  const alerts = (hot && hot.alerts) || []
  return ((hot && hot.issues) || []).map((i) => ({
    issueId: i.issue_id,
    rank: i.rank,
    hotness: formatHotness(i.hotness),
    place: i.place_or_people,
    description: i.description,
    range: timeRange(i.first, i.last, locale),
    messages: i.messages,
    citizens: i.citizens,
    keywords: i.keywords || [],
    alerts: ALERT_KINDS.filter((k) => alerts.some((a) => a.issue_id === i.issue_id && a.kind === k)),
  }))
}

/** The member requests of one issue in an answer, as sent (newest last). */
export function issueMembers(hot, issueId) {
  return ((hot && hot.details) || []).filter((d) => d.issue_id === issueId)
}
