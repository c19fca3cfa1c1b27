// Action forms: required fields mirror the server's rules, bodies carry only
// what was filled in, and the offered buttons drop what cannot apply now.
import { describe, expect, it } from 'vitest'
import { blockedActions, buildBody, emptyModel, offeredActions, primaryAction, unitChoices, validate } from './action_forms.js'

describe('validate', () => {
  it('names every required field that is empty', () => {
    expect(validate('return', emptyModel('return'))).toEqual({ reason: 'required', legal_basis: 'required' })
    expect(validate('dispatch', emptyModel('dispatch'))).toEqual({ unit_id: 'choose' })
    expect(validate('callback', emptyModel('callback'))).toEqual({ resolved: 'choose', satisfaction: 'choose' })
    expect(validate('sign_for', emptyModel('sign_for'))).toEqual({})
  })

  it('treats whitespace as empty', () => {
    expect(validate('reply', { text: '   \n ' })).toEqual({ text: 'required' })
  })

  it('wants a reason to redispatch only from a unit that holds the work order', () => {
    const m = { ...emptyModel('redispatch'), unit_id: 5 }
    expect(validate('redispatch', m, { state: 'returned' })).toEqual({})
    expect(validate('redispatch', m, { state: 'in_progress' })).toEqual({ reason: 'required' })
  })

  it('checks working days against the limits', () => {
    const m = { working_days: 20, reason: '需要协调多个部门' }
    expect(validate('request_extension', m, { limits: { maxExtension: 15 } })).toEqual({ working_days: 'days' })
    expect(validate('request_extension', { ...m, working_days: 15 }, { limits: { maxExtension: 15 } })).toEqual({})
    expect(validate('supervise', { working_days: 31, note: '' })).toEqual({ working_days: 'days' })
    expect(validate('supervise', { working_days: '', note: '' })).toEqual({})
  })

  it('wants a work-order number to merge into', () => {
    expect(validate('merge', { primary_id: 'abc', note: '' })).toEqual({ primary_id: 'workOrderId' })
    expect(validate('merge', { primary_id: ' 42 ', note: '' })).toEqual({})
  })

  it('refuses texts over the server limit', () => {
    expect(validate('reply', { text: '字'.repeat(5001) })).toEqual({ text: 'tooLong' })
  })
})

describe('buildBody', () => {
  it('sends numbers as numbers, trims texts and leaves out what is empty', () => {
    const body = buildBody('dispatch', { unit_id: '7', assisting_unit_ids: ['8', 9], category_code: '', note: ' 请尽快 ' })
    expect(body).toEqual({ unit_id: 7, assisting_unit_ids: [8, 9], note: '请尽快' })
  })

  it('keeps false answers', () => {
    expect(buildBody('callback', { resolved: false, satisfaction: 'unsatisfied', note: '' })).toEqual({
      resolved: false,
      satisfaction: 'unsatisfied',
    })
  })

  it('is empty for actions without fields', () => {
    expect(buildBody('watch', emptyModel('watch'))).toEqual({})
  })
})

describe('offeredActions', () => {
  const base = {
    allowed_actions: [
      { code: 'redispatch', label: '改派' },
      { code: 'decide_extension', label: '延期审批' },
      { code: 'supervise', label: '督办' },
      { code: 'watch', label: '关注' },
      { code: 'unwatch', label: '取消关注' },
    ],
    watchers: [],
    instructions: [],
    pending_extension: null,
    supervision: null,
  }

  it('drops what cannot apply to this work order now', () => {
    expect(offeredActions(base, 3)).toEqual(['redispatch', 'supervise', 'watch'])
    expect(offeredActions({ ...base, watchers: [3] }, 3)).toEqual(['redispatch', 'supervise', 'unwatch'])
    const pending = { ...base, pending_extension: { working_days: 3, reason: 'x' } }
    expect(offeredActions(pending, 3)[0]).toBe('decide_extension')
  })

  it('puts the main step first', () => {
    const v = { ...base, allowed_actions: ['return', 'sign_for', 'watch'] }
    const offered = offeredActions(v, 1)
    expect(offered).toEqual(['sign_for', 'return', 'watch'])
    expect(primaryAction(offered)).toBe('sign_for')
  })
})

describe('the next step', () => {
  const inProgress = (allowed, blocked = []) => ({
    allowed_actions: allowed.map((code) => ({ code, label: code })),
    blocked_actions: blocked.map(([code, reason]) => ({ action: { code, label: code }, reason, message: 'record the first contact with the citizen before replying' })),
    watchers: [],
    instructions: [],
  })

  it('is the contact while the reply waits for it, and the reply once the contact is recorded', () => {
    const before = inProgress(['pass_down', 'contact', 'request_extension'], [['reply', 'contact_required']])
    expect(primaryAction(offeredActions(before, 9))).toBe('contact')
    expect(blockedActions(before)).toEqual([
      { action: 'reply', reason: 'contact_required', message: 'record the first contact with the citizen before replying' },
    ])
    const after = inProgress(['pass_down', 'contact', 'reply', 'request_extension'])
    expect(primaryAction(offeredActions(after, 9))).toBe('reply')
    expect(offeredActions(after, 9)[0]).toBe('reply')
    expect(blockedActions(after)).toEqual([])
  })
})

describe('unitChoices', () => {
  const units = [
    { id: 1, parent_id: null, name: '市政府', active: true },
    { id: 3, parent_id: 1, name: '东湖区', active: true },
    { id: 7, parent_id: 3, name: '滨江街道', active: true },
    { id: 8, parent_id: 3, name: '东湖街道', active: false },
    { id: 9, parent_id: 7, name: '滨江社区', active: true },
  ]

  it('offers the units below the handling unit for passing down', () => {
    const names = unitChoices(units, { below: true }, { handling_unit: { id: 3 } }).map((u) => u.name)
    expect(names).toEqual(['滨江街道', '滨江社区'])
  })

  it('offers the units above the lead unit for escalation, nearest first', () => {
    const names = unitChoices(units, { above: true }, { lead_unit: { id: 7 } }).map((u) => u.name)
    expect(names).toEqual(['东湖区', '市政府'])
  })

  it('offers every active unit otherwise', () => {
    expect(unitChoices(units, {}, {}).length).toBe(4)
  })
})
