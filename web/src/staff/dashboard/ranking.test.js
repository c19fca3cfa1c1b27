// Fair rankings: kinds apart, size bands within a kind, small volumes
// smoothed toward the jurisdiction's rate.
import { describe, expect, it } from 'vitest'
import { MIN_UNITS_TO_BAND, PRIOR_WEIGHT, overallScore, rankRows, rankUnits, sizeBands, smoothedRate, unitRates } from './ranking.js'

const TOTALS = { on_time_rate: 0.9, resolution_rate: 0.95, satisfaction_rate: 0.9 }

/** A by_unit group where every rate's counts are `ok` out of `all`. */
const g = (id, received, ok = received, all = received, extra = {}) => ({
  key: String(id),
  label: `单位${id}`,
  received,
  replied: all,
  replied_on_time: ok,
  closed: all,
  overdue: 0,
  called_back: all,
  resolved: ok,
  rated: all,
  satisfied: ok,
  basically_satisfied: 0,
  on_time_rate: all ? ok / all : null,
  resolution_rate: all ? ok / all : null,
  satisfaction_rate: all ? ok / all : null,
  ...extra,
})

const unit = (id, kind, name = `单位${id}`) => ({ id, name, kind: { code: kind, label: kind }, parent_id: 1, code: `u${id}`, area_code: '', active: true })

describe('smoothedRate', () => {
  it('pulls small volumes toward the prior and leaves large ones nearly alone', () => {
    expect(smoothedRate(1, 1, 0.9, 10)).toBeCloseTo((1 + 9) / 11)
    expect(smoothedRate(0, 1, 0.9, 10)).toBeCloseTo(9 / 11)
    expect(smoothedRate(300, 300, 0.9, 10)).toBeCloseTo(309 / 310)
    // One late reply out of one does not sink a unit below one with 80 of 100.
    expect(smoothedRate(0, 1, 0.9)).toBeGreaterThan(smoothedRate(80, 100, 0.9))
  })

  it('equals the prior at the prior and never leaves [0, 1]', () => {
    expect(smoothedRate(9, 10, 0.9)).toBeCloseTo(0.9)
    for (const [s, n] of [
      [0, 50],
      [50, 50],
      [0, 0.5],
    ])
      expect(smoothedRate(s, n, 0.5)).toBeGreaterThanOrEqual(0)
  })

  it('is the raw rate without a prior, and nothing without trials', () => {
    expect(smoothedRate(3, 4, null)).toBe(0.75)
    expect(smoothedRate(0, 0, null)).toBeNull()
    expect(smoothedRate(0, 0, 0.9)).toBeNull()
  })

  it('uses a prior worth PRIOR_WEIGHT work orders by default', () => {
    expect(smoothedRate(0, 10, 1)).toBeCloseTo(PRIOR_WEIGHT / (10 + PRIOR_WEIGHT))
  })
})

describe('unit rates and score', () => {
  it('keeps the raw counts beside the smoothed rates', () => {
    const r = unitRates(g(7, 4, 3, 4, { satisfied: 1, basically_satisfied: 1, rated: 2 }), TOTALS)
    expect(r.onTime).toMatchObject({ successes: 3, trials: 4, raw: 0.75 })
    expect(r.onTime.smoothed).toBeCloseTo((3 + 10 * 0.9) / 14)
    expect(r.satisfaction).toMatchObject({ successes: 2, trials: 2, raw: 1 })
    expect(r.satisfaction.smoothed).toBeCloseTo((2 + 9) / 12)
  })

  it('averages the rates that exist', () => {
    expect(overallScore({ a: { smoothed: 0.8 }, b: { smoothed: 1 }, c: { smoothed: null } })).toBeCloseTo(0.9)
    expect(overallScore({ a: { smoothed: null } })).toBeNull()
  })
})

describe('sizeBands', () => {
  it('does not split small kinds', () => {
    expect(sizeBands([5, 1, 3], MIN_UNITS_TO_BAND)).toEqual(['all', 'all', 'all'])
  })

  it('splits by volume into thirds, busiest first, whatever the input order', () => {
    expect(sizeBands([1, 90, 10, 60, 5, 30])).toEqual(['small', 'large', 'medium', 'large', 'small', 'medium'])
  })

  it('never splits units with the same volume', () => {
    const bands = sizeBands([9, 9, 9, 9, 1, 1, 1])
    expect(bands.slice(0, 4)).toEqual(['large', 'large', 'large', 'large'])
    expect(new Set(bands.slice(4)).size).toBe(1)
  })
})

describe('rankRows', () => {
  const row = (name, score, received = 10) => ({ name, score, group: { received }, rates: {} })

  it('ranks best first, ties share a rank, missing scores come last unranked', () => {
    const ranked = rankRows([row('c', 0.8), row('a', 0.95), row('b', 0.95), row('d', null)])
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', null],
    ])
  })

  it('breaks ties by volume', () => {
    const ranked = rankRows([row('small', 0.9, 2), row('big', 0.9, 50)])
    expect(ranked.map((r) => r.name)).toEqual(['big', 'small'])
  })

  it('sorts by one rate when asked', () => {
    const rows = [
      { name: 'x', score: 0.9, group: { received: 1 }, rates: { onTime: { smoothed: 0.5 } } },
      { name: 'y', score: 0.5, group: { received: 1 }, rates: { onTime: { smoothed: 0.9 } } },
    ]
    expect(rankRows(rows, 'onTime').map((r) => r.name)).toEqual(['y', 'x'])
    expect(rankRows(rows, 'overall').map((r) => r.name)).toEqual(['x', 'y'])
  })
})

describe('rankUnits', () => {
  const units = [
    unit(3, 'district', '东湖区人民政府'),
    unit(8, 'district', '西山区人民政府'),
    unit(4, 'street', '滨江街道'),
    ...[26, 28, 29, 30, 31, 32].map((id) => unit(id, 'department')),
    unit(39, 'utility', '水务集团'),
  ]

  it('compares units only within their kind, kinds in a fixed order', () => {
    const r = rankUnits([g(39, 20), g(4, 1), g(3, 25, 20, 25), g(8, 29)], units, TOTALS)
    expect(r.kinds.map((k) => [k.kind.code, k.count])).toEqual([
      ['district', 2],
      ['street', 1],
      ['utility', 1],
    ])
    const district = r.kinds[0].bands[0]
    expect(district.band).toBe('all')
    expect(district.rows.map((x) => [x.name, x.rank])).toEqual([
      ['西山区人民政府', 1],
      ['东湖区人民政府', 2],
    ])
  })

  it('keeps one perfect work order from beating a large, nearly perfect record', () => {
    const r = rankUnits([g(4, 1), g(3, 200, 196, 200)], [unit(3, 'x'), unit(4, 'x')], TOTALS)
    const rows = r.kinds[0].bands[0].rows
    expect(rows[0].unitId).toBe(3)
    expect(rows[1].rates.onTime.raw).toBe(1)
  })

  it('bands kinds with enough units and reports each band’s volumes', () => {
    const volumes = [119, 103, 79, 36, 23, 8]
    const by = [26, 28, 29, 30, 31, 32].map((id, i) => g(id, volumes[i]))
    const r = rankUnits(by, units, TOTALS)
    expect(r.kinds[0].bands.map((b) => [b.band, b.minReceived, b.maxReceived, b.rows.length])).toEqual([
      ['large', 103, 119, 2],
      ['medium', 36, 79, 2],
      ['small', 8, 23, 2],
    ])
  })

  it('sets the undispatched group apart, drops empty units, ranks unknown units as other', () => {
    const r = rankUnits([g(0, 139), g(3, 0), g(99, 4)], units, TOTALS)
    expect(r.undispatched.received).toBe(139)
    expect(r.kinds.map((k) => k.kind.code)).toEqual(['other'])
    expect(r.kinds[0].bands[0].rows[0]).toMatchObject({ unitId: 99, name: '单位99' })
  })

  it('ranks by a chosen rate', () => {
    const by = [g(3, 10, 10, 10, { satisfied: 0, rated: 10 }), g(8, 10, 5, 10, { satisfied: 10, rated: 10 })]
    expect(rankUnits(by, units, TOTALS, { sortBy: 'satisfaction' }).kinds[0].bands[0].rows[0].unitId).toBe(8)
    expect(rankUnits(by, units, TOTALS, { sortBy: 'onTime' }).kinds[0].bands[0].rows[0].unitId).toBe(3)
  })

  it('copes with no figures', () => {
    expect(rankUnits(undefined, undefined, null)).toEqual({ kinds: [], undispatched: null })
  })
})
