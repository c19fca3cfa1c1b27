import { describe, expect, it } from 'vitest'
import { charCount, emptyForm, isPlausiblePhone, normalizePhone, toSubmitBody, validateField, validateForm } from './submit_rules.js'

const valid = () => ({
  ...emptyForm(),
  type: 'complaint',
  title: '路灯不亮',
  detail: '滨江路12号门口的路灯坏了一个月。',
  district: 'dh',
})

describe('submit rules (mirror of the server)', () => {
  it('accepts a minimal valid form', () => {
    expect(validateForm(valid())).toEqual({})
  })

  it('requires a known request type', () => {
    expect(validateField('type', { ...valid(), type: '' })).toEqual({ rule: 'choose', params: {} })
    expect(validateField('type', { ...valid(), type: 'gossip' })).toEqual({ rule: 'choose', params: {} })
  })

  it('requires a title that is not blank', () => {
    expect(validateField('title', { ...valid(), title: '' }).rule).toBe('required')
    expect(validateField('title', { ...valid(), title: ' \t\n ' }).rule).toBe('required')
    expect(validateField('title', { ...valid(), title: '\u3000\u3000' }).rule).toBe('required')
  })

  it('limits the title to 100 characters counted as code points', () => {
    expect(validateField('title', { ...valid(), title: '题'.repeat(100) })).toBeNull()
    expect(validateField('title', { ...valid(), title: '题'.repeat(101) })).toEqual({
      rule: 'tooLong',
      params: { max: 100, count: 101 },
    })
    // 100 emoji are 200 UTF-16 units but 100 characters for the server.
    expect(charCount('😀'.repeat(100))).toBe(100)
    expect(validateField('title', { ...valid(), title: '😀'.repeat(100) })).toBeNull()
  })

  it('requires details of at most 5000 characters', () => {
    expect(validateField('detail', { ...valid(), detail: '  ' }).rule).toBe('required')
    expect(validateField('detail', { ...valid(), detail: 'x'.repeat(5000) })).toBeNull()
    expect(validateField('detail', { ...valid(), detail: 'x'.repeat(5001) }).params.max).toBe(5000)
  })

  it('requires a district but not a street', () => {
    expect(validateField('district', { ...valid(), district: '' }).rule).toBe('choose')
    expect(validateField('street', { ...valid(), street: '' })).toBeNull()
  })

  it('limits the address to 200 and the name to 50 characters', () => {
    expect(validateField('address', { ...valid(), address: 'a'.repeat(200) })).toBeNull()
    expect(validateField('address', { ...valid(), address: 'a'.repeat(201) }).rule).toBe('tooLong')
    expect(validateField('name', { ...valid(), name: '张'.repeat(50) })).toBeNull()
    expect(validateField('name', { ...valid(), name: '张'.repeat(51) }).params).toEqual({ max: 50, count: 51 })
  })

  it('checks the phone like the server: 5 to 20 digits, "-", spaces, a leading "+"', () => {
    for (const ok of ['13800138000', '+86 138-0013-8000', '0571-8888 6666', '12345', '1'.repeat(20)]) {
      expect(isPlausiblePhone(ok), ok).toBe(true)
    }
    for (const bad of ['1234', '1'.repeat(21), '138abc00000', '86+13800138000', '(0571)88886666', '+']) {
      expect(isPlausiblePhone(bad), bad).toBe(false)
    }
    expect(validateField('phone', { ...valid(), phone: '' })).toBeNull()
    expect(validateField('phone', { ...valid(), phone: '12' })).toEqual({ rule: 'phone', params: {} })
  })

  it('builds the SubmitRequest body: the street wins over the district, empty parts left out', () => {
    expect(toSubmitBody({ ...valid(), title: '  路灯不亮  ' })).toEqual({
      type: 'complaint',
      title: '路灯不亮',
      detail: '滨江路12号门口的路灯坏了一个月。',
      area_code: 'dh',
      consent_public: false,
    })
    const body = toSubmitBody({
      ...valid(),
      street: 'dh-01',
      address: ' 滨江路12号 ',
      category: '01.03.04',
      name: '张女士',
      phone: ' 13800138000 ',
      mailbox: 'mayor',
      consent: true,
    })
    expect(body).toMatchObject({
      area_code: 'dh-01',
      address: '滨江路12号',
      category_code: '01.03.04',
      citizen: { name: '张女士', phone: '13800138000' },
      mailbox_code: 'mayor',
      consent_public: true,
    })
  })
})

describe('normalizePhone', () => {
  it('reads full-width digits, signs and spaces as the server does', () => {
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000')
    expect(normalizePhone('＋８６　１３８－００１３－８０００')).toBe('+86 138-0013-8000')
    expect(normalizePhone('　138  0013\t8000 ')).toBe('138 0013 8000')
    expect(normalizePhone('１３８abc')).toBe('138abc')
  })

  it('lets a full-width number pass the check and go in ASCII', () => {
    const form = { ...emptyForm(), phone: '１３８００１３８０００' }
    expect(validateField('phone', form)).toBe(null)
    expect(toSubmitBody({ ...form, type: 'help', title: 't', detail: 'd', district: 'dh' }).citizen.phone).toBe('13800138000')
  })
})
