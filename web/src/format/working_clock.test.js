// Clocks count down in working time: only working periods of working days
// pass, holidays and 调休 make-up days follow the calendar.
import { describe, expect, it } from 'vitest'
import {
  clockTone,
  prepareCalendar,
  remainingWorkingMinutes,
  splitWorkingMinutes,
  workingMinutesBetween,
} from './working_clock.js'

// The demo city's calendar: 9:00-12:00 and 13:30-17:30 (7 h), UTC+8.
const calendar = prepareCalendar({
  year: 2026,
  official: true,
  utc_offset_minutes: 480,
  working_periods: [
    { begin_minute: 540, end_minute: 720 },
    { begin_minute: 810, end_minute: 1050 },
  ],
  exceptions: [
    { date: '2026-10-01', working: false, name: '国庆节' },
    { date: '2026-10-10', working: true, name: '国庆调休上班' },
  ],
})
const at = (s) => Date.parse(s)

describe('workingMinutesBetween', () => {
  it('counts only the working periods of a working day', () => {
    // Monday 2026-11-23, 08:00 to 14:00: 9-12 (180) and 13:30-14:00 (30)
    expect(workingMinutesBetween(calendar, at('2026-11-23T08:00:00+08:00'), at('2026-11-23T14:00:00+08:00'))).toBe(210)
  })

  it('stands still at lunch, at night and at the weekend', () => {
    expect(workingMinutesBetween(calendar, at('2026-11-23T12:00:00+08:00'), at('2026-11-23T13:30:00+08:00'))).toBe(0)
    expect(workingMinutesBetween(calendar, at('2026-11-23T17:30:00+08:00'), at('2026-11-24T09:00:00+08:00'))).toBe(0)
    // Friday 17:00 to Monday 9:30: 30 min on Friday, 30 on Monday
    expect(workingMinutesBetween(calendar, at('2026-11-27T17:00:00+08:00'), at('2026-11-30T09:30:00+08:00'))).toBe(60)
  })

  it('follows holidays and make-up working days (调休)', () => {
    // Thursday 2026-10-01 is a holiday
    expect(workingMinutesBetween(calendar, at('2026-10-01T08:00:00+08:00'), at('2026-10-01T18:00:00+08:00'))).toBe(0)
    // Saturday 2026-10-10 is a working day
    expect(workingMinutesBetween(calendar, at('2026-10-10T08:00:00+08:00'), at('2026-10-10T18:00:00+08:00'))).toBe(420)
  })

  it('is zero without a calendar or backwards', () => {
    expect(workingMinutesBetween(null, 0, 1e9)).toBe(0)
    expect(workingMinutesBetween(calendar, at('2026-11-23T14:00:00+08:00'), at('2026-11-23T10:00:00+08:00'))).toBe(0)
  })
})

describe('remainingWorkingMinutes', () => {
  const clock = { remaining_working_minutes: 45, warn_at: '2026-11-23T16:30:00+08:00', warned: false, overdue: false }

  it('subtracts the working time since the server answered', () => {
    const fetched = at('2026-11-23T10:00:00+08:00')
    expect(remainingWorkingMinutes(clock, fetched, at('2026-11-23T10:20:00+08:00'), calendar)).toBe(25)
    // over lunch nothing passes
    const noon = at('2026-11-23T11:50:00+08:00')
    expect(remainingWorkingMinutes(clock, noon, at('2026-11-23T13:40:00+08:00'), calendar)).toBe(25)
    // and it goes negative once past due
    expect(remainingWorkingMinutes(clock, fetched, at('2026-11-23T11:00:00+08:00'), calendar)).toBe(-15)
  })

  it('keeps the server figure without a calendar', () => {
    expect(remainingWorkingMinutes(clock, 0, 1e9, null)).toBe(45)
  })
})

describe('splitWorkingMinutes and clockTone', () => {
  it('splits by the length of a working day (7 h here)', () => {
    expect(splitWorkingMinutes(7 * 60 * 2 + 95, calendar)).toEqual({ days: 2, hours: 1, minutes: 35, overdue: false })
    expect(splitWorkingMinutes(-30, calendar)).toEqual({ days: 0, hours: 0, minutes: 30, overdue: true })
    expect(splitWorkingMinutes(480, null).days).toBe(1) // 8 h without a calendar
  })

  it('is overdue past due, warning after the warning point', () => {
    const c = { warn_at: '2026-11-23T16:30:00+08:00', warned: false, overdue: false }
    expect(clockTone(c, 30, at('2026-11-23T16:00:00+08:00'))).toBe('ok')
    expect(clockTone(c, 20, at('2026-11-23T16:31:00+08:00'))).toBe('warning')
    expect(clockTone({ ...c, warned: true }, 20, 0)).toBe('warning')
    expect(clockTone(c, -1, 0)).toBe('overdue')
    expect(clockTone({ ...c, overdue: true }, 5, 0)).toBe('overdue')
  })
})
