// Periods are the jurisdiction's calendar days (+08:00), whatever the
// instant and the browser's zone; custom ranges are checked before asking.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PERIOD,
  addDays,
  dayBucket,
  daysBetween,
  includesToday,
  isDate,
  offsetMinutes,
  periodFromQuery,
  periodToQuery,
  periodWindow,
  sumGroups,
  trendBuckets,
  wallDate,
  wallTime,
} from './period.js'

// 2026-11-23 16:30 UTC is already 2026-11-24 00:30 in 江川市.
const LATE_UTC = new Date('2026-11-23T16:30:00Z')
const MORNING = new Date('2026-11-23T01:00:00Z') // 09:00 +08:00 on the 23rd

const group = (key, received, extra = {}) => ({
  key,
  label: key,
  received,
  replied: received,
  replied_on_time: received,
  closed: 0,
  overdue: 0,
  called_back: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  basically_satisfied: 0,
  on_time_rate: received ? 1 : null,
  resolution_rate: null,
  satisfaction_rate: null,
  ...extra,
})

describe('wall clock', () => {
  it('reads offsets', () => {
    expect(offsetMinutes('+08:00')).toBe(480)
    expect(offsetMinutes('-05:30')).toBe(-330)
    expect(offsetMinutes('+0800')).toBe(480)
    expect(offsetMinutes('Z')).toBe(0)
    expect(() => offsetMinutes('CST')).toThrow(/bad UTC offset/)
  })

  it('gives the jurisdiction date and time, not UTC or the browser zone', () => {
    expect(wallDate(LATE_UTC)).toBe('2026-11-24')
    expect(wallDate(LATE_UTC, 'Z')).toBe('2026-11-23')
    expect(wallTime(LATE_UTC)).toBe('00:30')
    expect(wallDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23')
    expect(wallDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24')
  })

  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
  })

  it('accepts real dates only', () => {
    expect(isDate('2026-11-23')).toBe(true)
    expect(isDate('2026-02-30')).toBe(false)
    expect(isDate('2026-1-3')).toBe(false)
    expect(isDate('')).toBe(false)
    expect(isDate(undefined)).toBe(false)
  })
})

describe('periodWindow', () => {
  it('today runs from local midnight to the next one', () => {
    expect(periodWindow({ kind: 'today' }, MORNING)).toEqual({
      kind: 'today',
      firstDay: '2026-11-23',
      lastDay: '2026-11-23',
      days: 1,
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    })
    // Just after midnight in 江川市 it is already the 24th.
    expect(periodWindow({ kind: 'today' }, LATE_UTC).from).toBe('2026-11-24T00:00:00+08:00')
  })

  it('the last 7 and 30 days include today', () => {
    const week = periodWindow({ kind: '7d' }, MORNING)
    expect([week.from, week.to, week.days]).toEqual(['2026-11-17T00:00:00+08:00', '2026-11-24T00:00:00+08:00', 7])
    const month = periodWindow({ kind: '30d' }, MORNING)
    expect([month.firstDay, month.lastDay, month.days]).toEqual(['2026-10-25', '2026-11-23', 30])
  })

  it('this year starts on 1 January of the jurisdiction year', () => {
    const w = periodWindow({ kind: 'year' }, new Date('2026-12-31T16:10:00Z')) // 2027-01-01 00:10 +08:00
    expect([w.from, w.to, w.days]).toEqual(['2027-01-01T00:00:00+08:00', '2027-01-02T00:00:00+08:00', 1])
    expect(periodWindow({ kind: 'year' }, MORNING).days).toBe(327)
  })

  it('a custom range includes its last day', () => {
    expect(periodWindow({ kind: 'custom', start: '2026-11-01', end: '2026-11-10' }, MORNING)).toEqual({
      kind: 'custom',
      firstDay: '2026-11-01',
      lastDay: '2026-11-10',
      days: 10,
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-11-11T00:00:00+08:00',
    })
  })

  it('refuses custom ranges that are missing, reversed or too long', () => {
    expect(periodWindow({ kind: 'custom', start: '', end: '2026-11-10' }, MORNING)).toEqual({ error: 'missing' })
    expect(periodWindow({ kind: 'custom', start: '2026-02-30', end: '2026-03-10' }, MORNING)).toEqual({ error: 'missing' })
    expect(periodWindow({ kind: 'custom', start: '2026-11-10', end: '2026-11-01' }, MORNING)).toEqual({ error: 'order' })
    expect(periodWindow({ kind: 'custom', start: '2025-01-01', end: '2026-02-05' }, MORNING)).toEqual({ error: 'span' })
    expect(periodWindow({ kind: 'custom', start: '2025-01-01', end: '2026-02-04' }, MORNING).days).toBe(400)
  })

  it('treats an unknown kind as the default', () => {
    expect(periodWindow({ kind: 'decade' }, MORNING).kind).toBe(DEFAULT_PERIOD)
  })

  it('knows whether today is inside', () => {
    expect(includesToday(periodWindow({ kind: '7d' }, MORNING), MORNING)).toBe(true)
    expect(includesToday(periodWindow({ kind: 'custom', start: '2026-11-01', end: '2026-11-10' }, MORNING), MORNING)).toBe(
      false,
    )
  })
})

describe('period in the URL', () => {
  it('reads presets and custom days, and falls back to the default', () => {
    expect(periodFromQuery({ period: '7d' })).toEqual({ kind: '7d' })
    expect(periodFromQuery({})).toEqual({ kind: DEFAULT_PERIOD })
    expect(periodFromQuery({ period: 'nonsense' })).toEqual({ kind: DEFAULT_PERIOD })
    expect(periodFromQuery({ period: 'custom', start: '2026-11-01', end: '2026-11-10' })).toEqual({
      kind: 'custom',
      start: '2026-11-01',
      end: '2026-11-10',
    })
    expect(periodFromQuery({ period: 'custom' })).toEqual({ kind: 'custom', start: '', end: '' })
  })

  it('writes a short query, nothing for the default', () => {
    expect(periodToQuery({ kind: DEFAULT_PERIOD })).toEqual({})
    expect(periodToQuery({ kind: 'today' })).toEqual({ period: 'today' })
    expect(periodToQuery({ kind: 'custom', start: '2026-11-01', end: '2026-11-10' })).toEqual({
      period: 'custom',
      start: '2026-11-01',
      end: '2026-11-10',
    })
  })
})

describe('trend buckets', () => {
  it('sums counts and recomputes the rates as the API defines them', () => {
    const s = sumGroups(
      [
        group('a', 3, { replied: 2, replied_on_time: 1, called_back: 2, resolved: 2, rated: 4, satisfied: 1, basically_satisfied: 2 }),
        group('b', 1, { replied: 2, replied_on_time: 2 }),
      ],
      'k',
    )
    expect(s).toMatchObject({ key: 'k', received: 4, replied: 4, replied_on_time: 3, on_time_rate: 0.75 })
    expect(s.resolution_rate).toBe(1)
    expect(s.satisfaction_rate).toBe(0.75)
    expect(sumGroups([]).on_time_rate).toBeNull()
  })

  it('fills the days the API leaves out with zeros, each with its own window', () => {
    const w = periodWindow({ kind: '7d' }, MORNING)
    const buckets = trendBuckets(w, [group('2026-11-18', 5), group('2026-11-23', 2)])
    expect(buckets.map((b) => [b.key, b.received])).toEqual([
      ['2026-11-17', 0],
      ['2026-11-18', 5],
      ['2026-11-19', 0],
      ['2026-11-20', 0],
      ['2026-11-21', 0],
      ['2026-11-22', 0],
      ['2026-11-23', 2],
    ])
    expect(buckets[1]).toMatchObject({ unit: 'day', from: '2026-11-18T00:00:00+08:00', to: '2026-11-19T00:00:00+08:00' })
  })

  it('charts long windows by month, the first and last month cut to the window', () => {
    const w = periodWindow({ kind: 'custom', start: '2026-09-15', end: '2026-11-23' }, MORNING)
    const buckets = trendBuckets(w, [group('2026-09-20', 1), group('2026-10-01', 2), group('2026-10-31', 3), group('2026-11-23', 4)])
    expect(buckets.map((b) => [b.key, b.received, b.from, b.to])).toEqual([
      ['2026-09', 1, '2026-09-15T00:00:00+08:00', '2026-10-01T00:00:00+08:00'],
      ['2026-10', 5, '2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00'],
      ['2026-11', 4, '2026-11-01T00:00:00+08:00', '2026-11-24T00:00:00+08:00'],
    ])
    expect(buckets.every((b) => b.unit === 'month')).toBe(true)
  })

  it('gives one day as a bucket', () => {
    expect(dayBucket([group('2026-11-23', 7)], '2026-11-23')).toMatchObject({
      received: 7,
      unit: 'day',
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    })
    expect(dayBucket([], '2026-11-23').received).toBe(0)
  })
})
