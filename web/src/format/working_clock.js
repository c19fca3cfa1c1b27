// Time-limit clocks counting down in working time, in the page, between two
// answers of the server.
//
// The server sends each running clock's remaining working minutes as of the
// moment it answered. While the page stays open, the remaining time is that
// figure minus the working minutes elapsed since, counted with the
// jurisdiction's working calendar (GET /calendars/{year}: working periods of
// a working day, public holidays, and weekend days declared working days,
// 调休) in its own UTC offset. Outside working hours the clock stands still,
// exactly as the server's deadline arithmetic does.

const MINUTE = 60_000
const DAY = 24 * 60

/** 'YYYY-MM-DD' of a day number counted in the jurisdiction's local days since the epoch. */
function isoDay(localDay) {
  return new Date(localDay * DAY * MINUTE).toISOString().slice(0, 10)
}

/**
 * Whether a local day is a working day: an exception of the calendar wins,
 * otherwise Monday to Friday.
 */
function isWorkingDay(localDay, exceptions) {
  const iso = isoDay(localDay)
  if (exceptions.has(iso)) return exceptions.get(iso)
  const weekday = new Date(localDay * DAY * MINUTE).getUTCDay() // 0 Sunday
  return weekday >= 1 && weekday <= 5
}

/**
 * A calendar prepared for counting: { offset, periods, exceptions } from one
 * or more Calendar answers (openapi.json, Calendar) of consecutive years.
 */
export function prepareCalendar(calendars) {
  const list = (Array.isArray(calendars) ? calendars : [calendars]).filter(Boolean)
  if (!list.length) return null
  const exceptions = new Map()
  for (const c of list) for (const e of c.exceptions || []) exceptions.set(e.date, Boolean(e.working))
  return {
    offset: list[0].utc_offset_minutes || 0,
    periods: (list[0].working_periods || []).map((p) => [p.begin_minute, p.end_minute]),
    exceptions,
  }
}

/**
 * Working minutes between two instants (Date or epoch ms), fromMs <= toMs;
 * 0 when the order is reversed or there is no calendar.
 */
export function workingMinutesBetween(calendar, from, to) {
  if (!calendar) return 0
  const a = Math.floor(+from / MINUTE) + calendar.offset // local minutes since the epoch
  const b = Math.floor(+to / MINUTE) + calendar.offset
  if (!(b > a)) return 0
  let total = 0
  for (let day = Math.floor(a / DAY); day <= Math.floor(b / DAY); day++) {
    if (!isWorkingDay(day, calendar.exceptions)) continue
    const start = day * DAY
    for (const [begin, end] of calendar.periods) {
      const lo = Math.max(a, start + begin)
      const hi = Math.min(b, start + end)
      if (hi > lo) total += hi - lo
    }
  }
  return total
}

/**
 * The remaining working minutes of a running clock now: the server's figure
 * at `fetchedAt` minus the working minutes since. Without a calendar the
 * server's figure stands.
 */
export function remainingWorkingMinutes(clock, fetchedAt, now, calendar) {
  const base = Number(clock.remaining_working_minutes)
  if (!Number.isFinite(base)) return null
  return base - workingMinutesBetween(calendar, fetchedAt, now)
}

/**
 * Splits working minutes into { days, hours, minutes, overdue } using the
 * length of a working day (sum of the working periods; 8 h when unknown).
 */
export function splitWorkingMinutes(minutes, calendar) {
  const dayLength = calendar && calendar.periods.length ? calendar.periods.reduce((s, [b, e]) => s + (e - b), 0) : 480
  const overdue = minutes < 0
  let m = Math.abs(Math.round(minutes))
  const days = Math.floor(m / dayLength)
  m -= days * dayLength
  return { days, hours: Math.floor(m / 60), minutes: m % 60, overdue }
}

/**
 * How urgent a running clock is: 'overdue' past due, 'warning' once the
 * server warned or the warning point has passed, else 'ok'.
 */
export function clockTone(clock, remaining, now = Date.now()) {
  if (clock.overdue || (remaining !== null && remaining < 0)) return 'overdue'
  const warnAt = Date.parse(clock.warn_at)
  if (clock.warned || (Number.isFinite(warnAt) && now >= warnAt)) return 'warning'
  return 'ok'
}
