// The figures of a leader's mailbox (GET /api/v1/mailboxes, item.figures) as
// display strings; "—" for anything absent.
//
// The agreed contract is {received, replied, on_time_rate, satisfaction_rate}
// with rates as fractions 0..1 (or null). The backend's first version sends
// {days, received, answered, closed}; `answered` (the reply reached the
// citizen) stands in for `replied` until both agree.

export const NONE = '—'

function count(v) {
  return Number.isFinite(v) ? String(v) : NONE
}

/** 0.953 -> "95.3%"; null/undefined -> "—". */
export function formatRate(v) {
  if (!Number.isFinite(v)) return NONE
  const pct = Math.round(v * 1000) / 10
  return `${pct}%`
}

/** { days, received, replied, onTimeRate, satisfactionRate } as strings (days a number). */
export function mailboxFigures(mailbox) {
  const f = (mailbox && mailbox.figures) || {}
  return {
    days: Number.isFinite(f.days) ? f.days : 90,
    received: count(f.received),
    replied: count(Number.isFinite(f.replied) ? f.replied : f.answered),
    onTimeRate: formatRate(f.on_time_rate),
    satisfactionRate: formatRate(f.satisfaction_rate),
  }
}

export const LEVEL_ORDER = ['city', 'district', 'street']

/** Mailboxes grouped by level, city first: [{ level: {code,label}, items }]. */
export function groupByLevel(mailboxes) {
  const groups = new Map()
  for (const m of mailboxes || []) {
    const code = m.level && m.level.code
    if (!groups.has(code)) groups.set(code, { level: m.level, items: [] })
    groups.get(code).items.push(m)
  }
  const rank = (c) => (LEVEL_ORDER.includes(c) ? LEVEL_ORDER.indexOf(c) : LEVEL_ORDER.length)
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, g]) => g)
}
