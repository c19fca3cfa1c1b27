import { describe, expect, it } from 'vitest'
import { formatRate, groupByLevel, mailboxFigures } from './mailbox_figures.js'

describe('mailbox figures', () => {
  it('shows "—" for every figure when the server sends none', () => {
    expect(mailboxFigures({ code: 'mayor' })).toEqual({
      days: 90,
      received: '—',
      replied: '—',
      onTimeRate: '—',
      satisfactionRate: '—',
      onTimeBasis: null,
      satisfactionBasis: null,
    })
  })

  it('shows the rates as percentages with what they were computed over', () => {
    const f = mailboxFigures({
      figures: {
        days: 90,
        received: 120,
        replied: 118,
        replied_on_time: 112,
        closed: 100,
        rated: 80,
        satisfied: 60,
        basically_satisfied: 20,
        on_time_rate: 112 / 118,
        satisfaction_rate: 1,
      },
    })
    expect(f).toMatchObject({ received: '120', replied: '118', onTimeRate: '94.9%', satisfactionRate: '100%' })
    expect(f.onTimeBasis).toEqual({ part: 112, whole: 118 })
    expect(f.satisfactionBasis).toEqual({ part: 80, whole: 80 })
    expect(formatRate(null)).toBe('—')
    expect(formatRate(0)).toBe('0%')
  })

  it('keeps a rate with nothing to rate apart from 0 %', () => {
    const f = mailboxFigures({
      figures: {
        days: 90,
        received: 3,
        replied: 0,
        replied_on_time: 0,
        closed: 0,
        rated: 0,
        satisfied: 0,
        basically_satisfied: 0,
        on_time_rate: null,
        satisfaction_rate: null,
      },
    })
    expect(f).toMatchObject({ onTimeRate: '—', satisfactionRate: '—' })
    expect(f.onTimeBasis).toEqual({ part: 0, whole: 0 })
    expect(f.satisfactionBasis).toEqual({ part: 0, whole: 0 })
  })

  it('groups by level, city first', () => {
    const groups = groupByLevel([
      { code: 'b', level: { code: 'street' } },
      { code: 'a', level: { code: 'city' } },
      { code: 'c', level: { code: 'district' } },
    ])
    expect(groups.map((g) => g.level.code)).toEqual(['city', 'district', 'street'])
  })
})
