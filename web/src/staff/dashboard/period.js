// The dashboard's period (统计时段): a preset or a custom range of days,
// turned into the [from, to) window GET /figures and the queue links use.
//
// Days are the jurisdiction's calendar days, not the browser's: "today" in
// 江川市 starts at 00:00 +08:00 whatever zone the leader's computer is set
// to. All arithmetic is on wall-clock dates ("2026-11-23") in UTC, which has
// no daylight saving, so adding a day is always 86,400 s.

/** The jurisdiction's UTC offset. China keeps +08:00 all year (no DST). */
export const JURISDICTION_OFFSET = '+08:00'

/** Period kinds in the order the selector shows them. */
export const PERIOD_KINDS = ['today', '7d', '30d', 'year', 'custom']
export const DEFAULT_PERIOD = '30d'

/** GET /figures refuses windows longer than this (openapi.json, /figures `to`). */
export const MAX_SPAN_DAYS = 400

/** Windows longer than this are charted by month instead of by day. */
export const MAX_DAILY_BUCKETS = 62

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "+08:00" -> 480, "-05:30" -> -330, "Z" -> 0. */
export function offsetMinutes(offset) {
  if (offset === 'Z') return 0
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset || '')
  if (!m) throw new Error(`bad UTC offset: ${offset}`)
  const sign = m[1] === '-' ? -1 : 1
  return sign * (Number(m[2]) * 60 + Number(m[3]))
}

/** True for a real calendar date "YYYY-MM-DD". */
export function isDate(value) {
  const m = DATE.exec(value || '')
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

function toUtcMs(date) {
  const m = DATE.exec(date)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function fromUtcMs(ms) {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The jurisdiction's calendar date at instant `now` (a Date). */
export function wallDate(now, offset = JURISDICTION_OFFSET) {
  return fromUtcMs(now.getTime() + offsetMinutes(offset) * 60_000)
}

/** The jurisdiction's wall-clock time of day at instant `now`: "09:05". */
export function wallTime(now, offset = JURISDICTION_OFFSET) {
  return new Date(now.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(11, 16)
}

/** "2026-11-23" + 2 -> "2026-11-25". */
export function addDays(date, n) {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS)
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a, b) {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS)
}

/** The first instant of `date` in RFC 3339: "2026-11-23T00:00:00+08:00". */
export function startOfDay(date, offset = JURISDICTION_OFFSET) {
  return `${date}T00:00:00${offset}`
}

/**
 * The window of a period choice {kind, start?, end?} (start and end are the
 * first and last day of a custom range, inclusive) at instant `now`:
 * { kind, firstDay, lastDay, days, from, to } with `to` exclusive (the next
 * midnight), or { error } with error one of "missing" (a custom day not
 * given or not a date), "order" (end before start), "span" (longer than
 * MAX_SPAN_DAYS). Presets end today: today, the last 7 or 30 days, and the
 * calendar year so far.
 */
export function periodWindow(choice, now, offset = JURISDICTION_OFFSET) {
  const today = wallDate(now, offset)
  let firstDay
  let lastDay = today
  switch (choice.kind) {
    case 'today':
      firstDay = today
      break
    case '7d':
      firstDay = addDays(today, -6)
      break
    case '30d':
      firstDay = addDays(today, -29)
      break
    case 'year':
      firstDay = `${today.slice(0, 4)}-01-01`
      break
    case 'custom':
      if (!isDate(choice.start) || !isDate(choice.end)) return { error: 'missing' }
      firstDay = choice.start
      lastDay = choice.end
      if (daysBetween(firstDay, lastDay) < 0) return { error: 'order' }
      break
    default:
      return periodWindow({ kind: DEFAULT_PERIOD }, now, offset)
  }
  const days = daysBetween(firstDay, lastDay) + 1
  if (days > MAX_SPAN_DAYS) return { error: 'span' }
  return {
    kind: choice.kind,
    firstDay,
    lastDay,
    days,
    from: startOfDay(firstDay, offset),
    to: startOfDay(addDays(lastDay, 1), offset),
  }
}

/** True when the window contains the jurisdiction's today at `now`. */
export function includesToday(window, now, offset = JURISDICTION_OFFSET) {
  const today = wallDate(now, offset)
  return window.firstDay <= today && today <= window.lastDay
}

/**
 * The period choice of the dashboard's URL query (?period=7d, or
 * ?period=custom&start=2026-11-01&end=2026-11-20); the default for anything
 * else. Custom days are kept as given: periodWindow() judges them.
 */
export function periodFromQuery(query = {}) {
  const kind = PERIOD_KINDS.includes(query.period) ? query.period : DEFAULT_PERIOD
  if (kind !== 'custom') return { kind }
  return { kind, start: String(query.start || ''), end: String(query.end || '') }
}

/** The URL query of a period choice (nothing for the default). */
export function periodToQuery(choice) {
  if (choice.kind === 'custom') return { period: 'custom', start: choice.start, end: choice.end }
  return choice.kind === DEFAULT_PERIOD ? {} : { period: choice.kind }
}

const COUNT_FIELDS = [
  'received',
  'replied',
  'replied_on_time',
  'closed',
  'overdue',
  'called_back',
  'resolved',
  'rated',
  'satisfied',
  'basically_satisfied',
]

const ratio = (a, b) => (b > 0 ? a / b : null)

/** A FigureGroup of several groups' counts, with the rates recomputed as the API defines them. */
export function sumGroups(groups, key = '', label = '') {
  const out = { key, label }
  for (const f of COUNT_FIELDS) out[f] = groups.reduce((s, g) => s + (Number(g[f]) || 0), 0)
  out.on_time_rate = ratio(out.replied_on_time, out.replied)
  out.resolution_rate = ratio(out.resolved, out.called_back)
  out.satisfaction_rate = ratio(out.satisfied + out.basically_satisfied, out.rated)
  return out
}

/** The bucket of one day `date` from by_day (zeros when the day has no work orders). */
export function dayBucket(byDay, date, offset = JURISDICTION_OFFSET) {
  const g = (byDay || []).find((x) => x.key === date)
  return {
    ...sumGroups(g ? [g] : [], date, date),
    unit: 'day',
    from: startOfDay(date, offset),
    to: startOfDay(addDays(date, 1), offset),
  }
}

/**
 * The trend chart's buckets for `window` from the API's by_day (which lists
 * only days with work orders): every day of the window, zeros filled in, or
 * every month when the window is longer than MAX_DAILY_BUCKETS days. Each
 * bucket is a FigureGroup plus { unit: 'day'|'month', from, to } (its part
 * of the window, for its link).
 */
export function trendBuckets(window, byDay = [], offset = JURISDICTION_OFFSET) {
  const byKey = new Map(byDay.map((g) => [g.key, g]))
  const days = []
  for (let d = window.firstDay; d <= window.lastDay; d = addDays(d, 1)) days.push(d)
  if (days.length <= MAX_DAILY_BUCKETS) return days.map((d) => dayBucket(byDay, d, offset))
  const months = new Map()
  for (const d of days) {
    const m = d.slice(0, 7)
    if (!months.has(m)) months.set(m, [])
    months.get(m).push(d)
  }
  return [...months.entries()].map(([m, ds]) => ({
    ...sumGroups(
      ds.filter((d) => byKey.has(d)).map((d) => byKey.get(d)),
      m,
      m,
    ),
    unit: 'month',
    from: startOfDay(ds[0], offset),
    to: startOfDay(addDays(ds[ds.length - 1], 1), offset),
  }))
}
