// The queue's URL query: filters pass to the API unchanged, the count is
// asked for on the first page only, and date inputs map to whole days in the
// jurisdiction's zone.
import { describe, expect, it } from 'vitest'
import { apiParams, dateOfFrom, dateOfTo, filtersFromQuery, fromForDate, toForDate, withFilters } from './queue_query.js'

describe('queue query', () => {
  it('keeps known, non-empty filters only', () => {
    expect(filtersFromQuery({ q: ' 路灯 ', area: 'dh', foo: 'x', state: '', unit: ['7', '8'] })).toEqual({
      q: '路灯',
      area: 'dh',
      unit: '7',
    })
  })

  it('asks for the total on the first page only', () => {
    expect(apiParams('overdue', { area: 'dh' }, '')).toEqual({ queue: 'overdue', area: 'dh', limit: 20, total: 'true' })
    expect(apiParams('overdue', { area: 'dh' }, 'c1')).toEqual({ queue: 'overdue', area: 'dh', limit: 20, cursor: 'c1' })
  })

  it('applies changes and drops emptied filters', () => {
    expect(withFilters({ q: '路灯', area: 'dh' }, { q: '', category: '01' })).toEqual({ area: 'dh', category: '01' })
  })

  it('maps picked days to an exclusive range in the jurisdiction zone', () => {
    expect(fromForDate('2026-11-23', 480)).toBe('2026-11-23T00:00:00+08:00')
    expect(toForDate('2026-11-30', 480)).toBe('2026-12-01T00:00:00+08:00')
    expect(toForDate('', 480)).toBe('')
    expect(dateOfFrom('2026-11-23T00:00:00+08:00')).toBe('2026-11-23')
    expect(dateOfTo('2026-12-01T00:00:00+08:00')).toBe('2026-11-30')
    expect(dateOfTo('2026-11-23T15:00:00+08:00')).toBe('2026-11-23')
  })
})
