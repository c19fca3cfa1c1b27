import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http.js'
import { mapSubmitError, ruleFromReason } from './server_errors.js'

const invalid = (field, reason, message = '') => new ApiError({ status: 400, code: 'invalid_argument', reason, field, message })

describe('server error -> form field', () => {
  it('maps body keys onto the form fields by the reason, whatever the language', () => {
    expect(mapSubmitError(invalid('title', 'field_required', '字段 title：不能为空')).field).toBe('title')
    expect(mapSubmitError(invalid('citizen.phone', 'phone_invalid', "字段 citizen.phone：应为 5 到 20 位数字，可带 '+'、'-' 或空格"))).toEqual({
      field: 'phone',
      rule: 'phone',
      params: {},
    })
    expect(mapSubmitError(invalid('citizen.name', 'text_too_long', '字段 citizen.name：最多 50 个字'), { name: '张'.repeat(60) })).toEqual({
      field: 'name',
      rule: 'tooLong',
      params: { max: 50, count: 60 },
    })
    expect(mapSubmitError(invalid('title', 'text_too_long', 'title: at most 100 characters'), { title: 'a'.repeat(120) })).toEqual({
      field: 'title',
      rule: 'tooLong',
      params: { max: 100, count: 120 },
    })
    expect(mapSubmitError(invalid('category_code', 'unknown_category', "字段 category_code：没有分类 '99'")).field).toBe('category')
    expect(mapSubmitError(invalid('mailbox_code', 'unknown_mailbox', "字段 mailbox_code：没有信箱 'x'")).rule).toBe('unknownChoice')
    expect(mapSubmitError(invalid('mailbox', 'unknown_mailbox')).field).toBe('mailbox')
  })

  it('never reads the rule out of the message', () => {
    // An English message that used to be parsed: the reason decides.
    expect(mapSubmitError(invalid('title', 'wrong_type', 'title: at most 100 characters')).rule).toBe('invalid')
    expect(mapSubmitError(invalid('title', undefined, 'title: must not be empty')).rule).toBe('invalid')
  })

  it('puts an area error on the street when one was chosen, else on the district', () => {
    const err = invalid('area_code', 'unknown_area', "字段 area_code：没有区域 'zz'")
    expect(mapSubmitError(err, { district: 'dh', street: 'dh-09' }).field).toBe('street')
    expect(mapSubmitError(err, { district: 'zz', street: '' })).toEqual({
      field: 'district',
      rule: 'unknownChoice',
      params: {},
    })
  })

  it('reads "required" on a choice as "please choose"', () => {
    expect(mapSubmitError(invalid('type', 'field_required', '字段 type：必填'))).toEqual({
      field: 'type',
      rule: 'choose',
      params: {},
    })
  })

  it('sends errors without a form field above the form', () => {
    expect(mapSubmitError(invalid('urgency', 'urgency_set_by_centre')).field).toBeNull()
    expect(mapSubmitError(invalid('foo', 'unknown_field')).field).toBeNull()
    expect(mapSubmitError(invalid(null, 'bad_request')).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 409, code: 'conflict', message: 'x' })).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 0, code: 'network', message: 'x' })).field).toBeNull()
    expect(mapSubmitError(new ApiError({ status: 503, code: 'unavailable', field: 'title' })).field).toBeNull()
  })

  it('falls back to a generic rule for reasons it does not know', () => {
    expect(ruleFromReason('title', 'something_new')).toEqual({ rule: 'invalid', params: {} })
  })
})
