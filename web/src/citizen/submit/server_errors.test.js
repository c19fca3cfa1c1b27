import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http.js'
import { mapSubmitError, ruleFromMessage } from './server_errors.js'

const invalid = (field, message) => new ApiError({ status: 400, code: 'invalid_argument', field, message })

describe('server error -> form field', () => {
  it('maps body keys onto the form fields', () => {
    expect(mapSubmitError(invalid('title', 'title: must not be empty')).field).toBe('title')
    expect(mapSubmitError(invalid('citizen.phone', "citizen.phone: expected 5 to 20 digits, optionally with '+', '-' or spaces"))).toEqual({
      field: 'phone',
      rule: 'phone',
      params: {},
    })
    expect(mapSubmitError(invalid('citizen.name', 'citizen.name: at most 50 characters'), { name: '张'.repeat(60) })).toEqual({
      field: 'name',
      rule: 'tooLong',
      params: { max: 50, count: 60 },
    })
    expect(mapSubmitError(invalid('category_code', "category_code: unknown category '99'")).field).toBe('category')
    expect(mapSubmitError(invalid('mailbox_code', "mailbox_code: unknown mailbox 'x'")).rule).toBe('unknownChoice')
    expect(mapSubmitError(invalid('mailbox', 'mailbox: unknown mailbox')).field).toBe('mailbox')
  })

  it('puts an area error on the street when one was chosen, else on the district', () => {
    const err = invalid('area_code', "area_code: unknown area 'zz'; see GET /api/v1/areas")
    expect(mapSubmitError(err, { district: 'dh', street: 'dh-09' }).field).toBe('street')
    expect(mapSubmitError(err, { district: 'zz', street: '' })).toEqual({
      field: 'district',
      rule: 'unknownChoice',
      params: {},
    })
  })

  it('reads "required" on a choice as "please choose"', () => {
    expect(mapSubmitError(invalid('type', 'type: required; expected one of: consult, help'))).toEqual({
      field: 'type',
      rule: 'choose',
      params: {},
    })
  })

  it('sends errors without a form field above the form', () => {
    expect(mapSubmitError(invalid('urgency', 'urgency: set by the centre')).field).toBeNull()
    expect(mapSubmitError(invalid('foo', 'foo: unknown field')).field).toBeNull()
    expect(mapSubmitError(invalid(null, 'bad request')).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 409, code: 'conflict', message: 'x' })).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 0, code: 'network', message: 'x' })).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 503, code: 'unavailable', field: 'title' })).field).toBeNull()
  })

  it('falls back to a generic rule for messages it does not know', () => {
    expect(ruleFromMessage('title', 'title: something new')).toEqual({ rule: 'invalid', params: {} })
  })
})
