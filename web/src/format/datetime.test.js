import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, parseWallClock } from './datetime.js'

describe('formatDateTime', () => {
  it('writes Chinese dates as 2026年11月23日 14:05', () => {
    expect(formatDateTime('2026-11-23T14:05:09+08:00', 'zh-CN')).toBe('2026年11月23日 14:05')
  })

  it('does not zero-pad month and day but pads hours and minutes', () => {
    expect(formatDateTime('2026-01-05T08:07:00+08:00', 'zh-CN')).toBe('2026年1月5日 08:07')
  })

  it('keeps the wall-clock time of the jurisdiction, whatever the offset', () => {
    // Not converted to the browser's zone: UTC and -05:00 stay as sent.
    expect(formatDateTime('2026-11-23T23:59:00Z', 'zh-CN')).toBe('2026年11月23日 23:59')
    expect(formatDateTime('2026-11-23T00:30:00-05:00', 'zh-CN')).toBe('2026年11月23日 00:30')
  })

  it('writes English dates as 23 Nov 2026, 14:05', () => {
    expect(formatDateTime('2026-11-23T14:05:09+08:00', 'en')).toBe('23 Nov 2026, 14:05')
  })

  it('accepts fractional seconds and a date without time', () => {
    expect(formatDateTime('2026-03-01T09:15:30.123+08:00', 'zh-CN')).toBe('2026年3月1日 09:15')
    expect(formatDateTime('2026-03-01', 'zh-CN')).toBe('2026年3月1日')
    expect(formatDate('2026-12-31T23:00:00+08:00', 'en')).toBe('31 Dec 2026')
  })

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('')
    expect(formatDateTime('', 'zh-CN')).toBe('')
    expect(formatDateTime('yesterday', 'zh-CN')).toBe('')
    expect(formatDateTime('2026-13-01T10:00:00+08:00', 'zh-CN')).toBe('')
    expect(parseWallClock('2026-11-23T25:00:00+08:00')).toBeNull()
  })
})
