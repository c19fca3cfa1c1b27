// Time limits (openapi.json, LimitSpan: "15wm", "5wd", "1h") in plain words,
// and the pick of the limit that applies to a request type.

const SPAN = /^([1-9][0-9]*)(wm|wh|wd|m|h|d)$/

/** "5wd" -> { amount: 5, unit: 'd', working: true }; null when malformed. */
export function parseLimitSpan(span) {
  const m = typeof span === 'string' ? SPAN.exec(span) : null
  if (!m) return null
  const working = m[2].startsWith('w')
  return { amount: Number(m[1]), unit: working ? m[2].slice(1) : m[2], working }
}

/**
 * The span in words through vue-i18n's `t`, with the keys
 * limit.{minutes,hours,days}[Working] (plural forms take the count). Falls
 * back to the raw span when it cannot be read.
 */
export function describeLimitSpan(t, span) {
  const p = parseLimitSpan(span)
  if (!p) return span || ''
  const unit = { m: 'minutes', h: 'hours', d: 'days' }[p.unit]
  return t(`limit.${unit}${p.working ? 'Working' : ''}`, { n: p.amount }, p.amount)
}

const isGeneral = (r) => r.category_code == null && r.urgency == null

/**
 * The rule of the time-limit matrix that applies to a request of `type`
 * in normal urgency and no particular category: the type's own row, else
 * the row for any type. Null when the matrix has neither.
 */
export function ruleForType(rules, type) {
  const list = Array.isArray(rules) ? rules : []
  return (
    list.find((r) => isGeneral(r) && r.type === type) || list.find((r) => isGeneral(r) && r.type == null) || null
  )
}

/** The fastest reply limit in the matrix for an urgency (e.g. 'emergency'), or null. */
export function ruleForUrgency(rules, urgency) {
  const list = Array.isArray(rules) ? rules : []
  return list.find((r) => r.type == null && r.category_code == null && r.urgency === urgency) || null
}
