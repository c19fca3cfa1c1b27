import { describe, expect, it } from 'vitest'
import { TRACKING_NO, canonicalCode, citizenActions, groupedCode, rejectReason } from './citizen_actions.js'

const view = (state, allowed = [], extra = {}) => ({
  state: { code: state, label: '' },
  allowed_actions: allowed.map((code) => ({ code, label: '' })),
  rating: null,
  disputed: false,
  timeline: [],
  ...extra,
})

describe('citizenActions', () => {
  it('offers rating when the server allows it and nothing was rated yet', () => {
    expect(citizenActions(view('answered', ['rate'])).rating.mode).toBe('form')
    expect(citizenActions(view('answered', ['rate'])).dispute.mode).toBe('later')
  })

  it('shows an earlier rating instead of the form', () => {
    const r = citizenActions(view('closed', ['dispute'], { rating: { code: 'satisfied', label: '满意' } })).rating
    expect(r).toEqual({ mode: 'done', value: { code: 'satisfied', label: '满意' } })
  })

  it('explains why rating is not possible yet, and never for a rejected request', () => {
    expect(citizenActions(view('in_progress')).rating.mode).toBe('notYet')
    expect(citizenActions(view('rejected')).rating.mode).toBe('none')
    expect(citizenActions(view('rejected')).dispute.mode).toBe('none')
  })

  it('keeps the dispute form behind a link for a satisfied citizen, open for everyone else', () => {
    const rated = (code) => view('closed', ['dispute'], { rating: code ? { code, label: '' } : null })
    expect(citizenActions(rated('satisfied')).dispute).toEqual({ mode: 'form', collapsed: true })
    expect(citizenActions(rated('basically_satisfied')).dispute).toEqual({ mode: 'form', collapsed: true })
    expect(citizenActions(rated('unsatisfied')).dispute).toEqual({ mode: 'form', collapsed: false })
    expect(citizenActions(rated(null)).dispute).toEqual({ mode: 'form', collapsed: false })
  })

  it('offers the dispute only when allowed; after the window it explains', () => {
    expect(citizenActions(view('closed', ['rate', 'dispute'])).dispute.mode).toBe('form')
    expect(citizenActions(view('closed', ['rate'])).dispute.mode).toBe('passed')
    expect(citizenActions(view('answered', [], { disputed: true })).dispute.mode).toBe('done')
    expect(citizenActions(view('merged', ['rate'])).dispute.mode).toBe('none')
  })

  it('finds the reason of a rejection in the timeline', () => {
    const v = view('rejected', [], {
      timeline: [
        { action: 'submit', at: '', state: {} },
        { action: 'reject', reason: '无法核实', at: '', state: {} },
      ],
    })
    expect(rejectReason(v)).toBe('无法核实')
    expect(rejectReason(view('closed'))).toBe('')
  })

  it('accepts tracking numbers as the API path does', () => {
    expect(TRACKING_NO.test('20261123000030')).toBe(true)
    expect(TRACKING_NO.test('JC-2026-1')).toBe(true)
    expect(TRACKING_NO.test('2026 1123')).toBe(false)
    expect(TRACKING_NO.test('1'.repeat(41))).toBe(false)
  })

  it('takes codes typed in groups or full width as the API stores them', () => {
    expect(canonicalCode(' 4821 3376 0954 ')).toBe('482133760954')
    expect(canonicalCode('4821-3376-0954')).toBe('482133760954')
    expect(canonicalCode('４８２１\u3000３３７６－０９５４')).toBe('482133760954')
    expect(TRACKING_NO.test(canonicalCode('2026 1123'))).toBe(true)
    expect(canonicalCode("48'21")).toBe("48'21")
  })

  it('groups query codes by four for reading', () => {
    expect(groupedCode('482133760954')).toBe('4821 3376 0954')
    expect(groupedCode('48213376')).toBe('4821 3376')
    expect(groupedCode('')).toBe('')
  })
})
