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
    })
  })

  it('shows the agreed figures, rates as percentages', () => {
    const f = mailboxFigures({ figures: { received: 120, replied: 118, on_time_rate: 0.9534, satisfaction_rate: 1 } })
    expect(f).toMatchObject({ received: '120', replied: '118', onTimeRate: '95.3%', satisfactionRate: '100%' })
    expect(formatRate(null)).toBe('—')
    expect(formatRate(0)).toBe('0%')
  })

  it("reads the backend's first shape (answered, days)", () => {
    expect(mailboxFigures({ figures: { days: 30, received: 5, answered: 4, closed: 3 } })).toMatchObject({
      days: 30,
      received: '5',
      replied: '4',
      onTimeRate: '—',
    })
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
