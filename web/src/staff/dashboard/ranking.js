// Fair unit rankings (DESIGN.md §5, "Unit performance"): a street office
// with three work orders is not measured against a city bureau with three
// hundred.
//
// 1. Units are compared only with units of the same kind (GET /units, kind:
//    district governments, street offices, departments, utilities, ...).
// 2. Within a kind, units are split into size bands by the volume they
//    handled in the period: the busiest third, the middle third, the
//    quietest third (kinds with fewer than MIN_UNITS_TO_BAND ranked units
//    stay one band). Bands are relative, so they work for a day or a year.
// 3. Rates are smoothed toward the jurisdiction's rate (a Bayesian average,
//    i.e. a Beta prior worth PRIOR_WEIGHT work orders):
//
//        smoothed = (successes + PRIOR_WEIGHT × jurisdiction rate)
//                   ÷ (trials + PRIOR_WEIGHT)
//
//    With 1 of 1 on time a unit scores close to the jurisdiction's rate, not
//    100 %; with 300 work orders its own record dominates. The raw counts are
//    always shown beside the smoothed rate.
// 4. The overall score is the mean of the smoothed on-time, resolution and
//    satisfaction rates that exist; units are ranked by it (or by one rate)
//    within their band, best first.

/** How many work orders' worth of weight the jurisdiction's rate gets. */
export const PRIOR_WEIGHT = 10

/** Kinds with fewer ranked units than this are not split into bands. */
export const MIN_UNITS_TO_BAND = 6

/** Band codes, busiest first; "all" when a kind is not split. */
export const BANDS = ['large', 'medium', 'small']

/** What a ranking can be sorted by. */
export const SORT_KEYS = ['overall', 'onTime', 'resolution', 'satisfaction']

/** Kinds in the order leaders expect them; unknown kinds come last. */
export const KIND_ORDER = ['district', 'street', 'department', 'utility', 'government', 'centre']

/** The three rates: which counts of a FigureGroup make them, and the API's rate field. */
export const RATES = {
  onTime: { successes: (g) => g.replied_on_time, trials: (g) => g.replied, field: 'on_time_rate' },
  resolution: { successes: (g) => g.resolved, trials: (g) => g.called_back, field: 'resolution_rate' },
  satisfaction: {
    successes: (g) => g.satisfied + g.basically_satisfied,
    trials: (g) => g.rated,
    field: 'satisfaction_rate',
  },
}

/**
 * The smoothed rate of `successes` out of `trials` pulled toward `prior`
 * (0..1) with `weight` pseudo work orders. Without a prior (the jurisdiction
 * has no such figure yet) it is the raw rate; null when there is nothing.
 */
export function smoothedRate(successes, trials, prior, weight = PRIOR_WEIGHT) {
  if (prior === null || prior === undefined || !Number.isFinite(prior)) return trials > 0 ? successes / trials : null
  if (trials <= 0) return null // no record of its own: nothing to rank on
  return (successes + weight * prior) / (trials + weight)
}

/** { onTime, resolution, satisfaction } of one unit's group against the jurisdiction's totals. */
export function unitRates(group, totals, weight = PRIOR_WEIGHT) {
  const out = {}
  for (const [name, r] of Object.entries(RATES)) {
    const successes = Number(r.successes(group)) || 0
    const trials = Number(r.trials(group)) || 0
    out[name] = {
      successes,
      trials,
      raw: trials > 0 ? successes / trials : null,
      smoothed: smoothedRate(successes, trials, totals ? totals[r.field] : null, weight),
    }
  }
  return out
}

/** The mean of the smoothed rates that exist; null when none does. */
export function overallScore(rates) {
  const values = Object.values(rates)
    .map((r) => r.smoothed)
    .filter((v) => v !== null && Number.isFinite(v))
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
}

/**
 * The band of each entry of `volumes` (numbers, any order), as an array of
 * band codes. Tertiles by rank from the busiest; equal volumes share the
 * band of the first of them, so two units with the same volume are never
 * split. Fewer than `minUnits` entries: every one is "all".
 */
export function sizeBands(volumes, minUnits = MIN_UNITS_TO_BAND) {
  const n = volumes.length
  if (n < minUnits) return volumes.map(() => 'all')
  const order = volumes.map((v, i) => i).sort((a, b) => volumes[b] - volumes[a])
  const bands = new Array(n)
  let firstOfValue = 0
  order.forEach((idx, pos) => {
    if (pos === 0 || volumes[idx] !== volumes[order[pos - 1]]) firstOfValue = pos
    bands[idx] = BANDS[Math.min(2, Math.floor((3 * firstOfValue) / n))]
  })
  return bands
}

// Scores closer than this count as a tie (they print the same at 0.1 %).
const TIE = 0.0005

function sortValue(row, sortBy) {
  return sortBy === 'overall' ? row.score : row.rates[sortBy].smoothed
}

/** Sorts rows best first by `sortBy` and numbers them 1, 2, 2, 4 (ties share a rank). */
export function rankRows(rows, sortBy = 'overall') {
  const value = (r) => {
    const v = sortValue(r, sortBy)
    return v === null || v === undefined ? -Infinity : v
  }
  const sorted = [...rows].sort(
    (a, b) => value(b) - value(a) || b.group.received - a.group.received || a.name.localeCompare(b.name, 'zh-CN'),
  )
  let rank = 0
  return sorted.map((r, i) => {
    const v = value(r)
    if (i === 0 || Math.abs(value(sorted[i - 1]) - v) > TIE) rank = i + 1
    return { ...r, rank: v === -Infinity ? null : rank }
  })
}

/**
 * The fair ranking of the figures' by_unit groups. `units` is GET /units
 * (for kind and name), `totals` the figures' totals (the prior). Returns
 * { kinds: [{ kind: {code,label}, count, bands: [{ band, minReceived,
 * maxReceived, rows }] }], undispatched } where each row is { unitId, name,
 * kind, group, rates, score, rank } and undispatched is the "0" group (work
 * orders without a lead unit) or null. Groups of units missing from `units`
 * are ranked under kind "other".
 */
export function rankUnits(byUnit = [], units = [], totals = null, { sortBy = 'overall', weight = PRIOR_WEIGHT } = {}) {
  const unitById = new Map(units.map((u) => [String(u.id), u]))
  const byKind = new Map()
  let undispatched = null
  for (const group of byUnit) {
    if (group.key === '0') {
      undispatched = group
      continue
    }
    if (!(group.received > 0)) continue
    const unit = unitById.get(group.key)
    const kind = (unit && unit.kind) || { code: 'other', label: '' }
    const rates = unitRates(group, totals, weight)
    const row = { unitId: Number(group.key), name: (unit && unit.name) || group.label, kind, group, rates }
    row.score = overallScore(rates)
    if (!byKind.has(kind.code)) byKind.set(kind.code, { kind, rows: [] })
    byKind.get(kind.code).rows.push(row)
  }
  const kindRank = (code) => (KIND_ORDER.includes(code) ? KIND_ORDER.indexOf(code) : KIND_ORDER.length)
  const kinds = [...byKind.values()]
    .sort((a, b) => kindRank(a.kind.code) - kindRank(b.kind.code))
    .map(({ kind, rows }) => {
      const bandOf = sizeBands(rows.map((r) => r.group.received))
      const bands = ['all', ...BANDS]
        .map((band) => {
          const members = rows.filter((r, i) => bandOf[i] === band)
          if (!members.length) return null
          const volumes = members.map((r) => r.group.received)
          return {
            band,
            minReceived: Math.min(...volumes),
            maxReceived: Math.max(...volumes),
            rows: rankRows(members, sortBy),
          }
        })
        .filter(Boolean)
      return { kind, count: rows.length, bands }
    })
  return { kinds, undispatched }
}
