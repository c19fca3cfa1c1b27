// The figures of a leader's mailbox (GET /api/v1/mailboxes, item.figures) as
// display strings; "—" for anything absent.
//
// The server sends {days, received, replied, replied_on_time, closed, rated,
// satisfied, basically_satisfied, on_time_rate, satisfaction_rate}, rates as
// fractions 0..1 or null when there is nothing to rate yet (no reply, no
// rating). Each rate comes with its basis, so the card can say "19 of 20"
// or why there is no rate, instead of a bare "—".

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

/**
 * What a rate was computed over: { part, whole } as numbers, or null when
 * the server did not send the counts. whole = 0 means nothing to rate yet.
 */
function basis(part, whole) {
  return Number.isFinite(part) && Number.isFinite(whole) ? { part, whole } : null
}

/**
 * { days, received, replied, onTimeRate, satisfactionRate, onTimeBasis,
 * satisfactionBasis }: counts and rates as strings (days a number), the
 * bases as from basis().
 */
export function mailboxFigures(mailbox) {
  const f = (mailbox && mailbox.figures) || {}
  const satisfied = Number.isFinite(f.satisfied) ? f.satisfied + (Number(f.basically_satisfied) || 0) : undefined
  return {
    days: Number.isFinite(f.days) ? f.days : 90,
    received: count(f.received),
    replied: count(f.replied),
    onTimeRate: formatRate(f.on_time_rate),
    satisfactionRate: formatRate(f.satisfaction_rate),
    onTimeBasis: basis(f.replied_on_time, f.replied),
    satisfactionBasis: basis(satisfied, f.rated),
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
