import { describe, expect, it } from 'vitest'
import { describeLimitSpan, parseLimitSpan, ruleForType, ruleForUrgency } from './time_limit.js'

const rules = [
  { type: null, category_code: null, urgency: null, sign_for: '15wm', contact: '30wm', reply: '5wd' },
  { type: 'consult', category_code: null, urgency: null, sign_for: '15wm', contact: '30wm', reply: '1wd' },
  { type: 'consult', category_code: '01', urgency: null, sign_for: '15wm', contact: '30wm', reply: '9wd' },
  { type: null, category_code: null, urgency: 'emergency', sign_for: '5m', contact: '15m', reply: '1h' },
]

describe('time limits', () => {
  it('reads spans with natural and working units', () => {
    expect(parseLimitSpan('5wd')).toEqual({ amount: 5, unit: 'd', working: true })
    expect(parseLimitSpan('15m')).toEqual({ amount: 15, unit: 'm', working: false })
    expect(parseLimitSpan('0d')).toBeNull()
    expect(parseLimitSpan('5 days')).toBeNull()
  })

  it('puts spans into words through the message table', () => {
    const t = (key, named, n) => `${key}:${named.n}:${n}`
    expect(describeLimitSpan(t, '3wd')).toBe('limit.daysWorking:3:3')
    expect(describeLimitSpan(t, '1h')).toBe('limit.hours:1:1')
    expect(describeLimitSpan(t, 'bad')).toBe('bad')
  })

  it("picks the type's general row, else the row for any type", () => {
    expect(ruleForType(rules, 'consult').reply).toBe('1wd')
    expect(ruleForType(rules, 'complaint').reply).toBe('5wd')
    expect(ruleForType([], 'complaint')).toBeNull()
    expect(ruleForUrgency(rules, 'emergency').reply).toBe('1h')
  })
})
