// Client-side checks of the filing form. They mirror the server's rules
// (core/src/workflow.cpp ValidateSubmission and api/src/routes_citizen.cpp),
// so a citizen learns of a problem next to the field before sending:
//   type      required, one of the request types
//   title     required, not blank, at most 100 characters (code points)
//   detail    required, not blank, at most 5000 characters
//   area      a district is required; the street is optional
//   address   at most 200 characters
//   name      at most 50 characters
//   phone     optional; digits with '-', spaces and a leading '+', 5 to 20 digits
// Each check returns null or { rule, params } for the message table
// submit.rules.<rule>; the page adds the field's name.

export const MAX_CHARS = { title: 100, detail: 5000, address: 200, name: 50 }

export const REQUEST_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise']

/** Characters as the server counts them: Unicode code points, not UTF-16 units. */
export function charCount(s) {
  return Array.from(s || '').length
}

/**
 * True when `s` has nothing but whitespace. The server treats space, tab,
 * CR and LF as blank; we add the ideographic space U+3000 that Chinese
 * input methods type, so "　　" is caught here rather than filed.
 */
export function isBlank(s) {
  return !/[^ \t\r\n\u3000]/.test(s || '')
}

/** The server's PlausiblePhone: 5 to 20 digits; '-' and ' ' anywhere, '+' only first. */
export function isPlausiblePhone(p) {
  let digits = 0
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c >= '0' && c <= '9') digits++
    else if (!(c === '-' || c === ' ' || (c === '+' && i === 0))) return false
  }
  return digits >= 5 && digits <= 20
}

function maxLength(field, value) {
  const count = charCount(value)
  return count > MAX_CHARS[field] ? { rule: 'tooLong', params: { max: MAX_CHARS[field], count } } : null
}

const CHECKS = {
  type: (f) => (REQUEST_TYPES.includes(f.type) ? null : { rule: 'choose', params: {} }),
  title: (f) => (isBlank(f.title) ? { rule: 'required', params: {} } : maxLength('title', f.title.trim())),
  detail: (f) => (isBlank(f.detail) ? { rule: 'required', params: {} } : maxLength('detail', f.detail.trim())),
  district: (f) => (f.district ? null : { rule: 'choose', params: {} }),
  street: () => null,
  address: (f) => maxLength('address', (f.address || '').trim()),
  category: () => null,
  name: (f) => maxLength('name', (f.name || '').trim()),
  phone: (f) => {
    const p = (f.phone || '').trim()
    return p && !isPlausiblePhone(p) ? { rule: 'phone', params: {} } : null
  },
  mailbox: () => null,
  consent: () => null,
}

/** The form's fields in page (and focus) order. */
export const FIELD_ORDER = Object.keys(CHECKS)

/** Checks one field of the form model; null when it is fine. */
export function validateField(field, form) {
  const check = CHECKS[field]
  return check ? check(form) : null
}

/** Checks every field; returns { field: {rule, params} } for the failing ones. */
export function validateForm(form) {
  const errors = {}
  for (const field of FIELD_ORDER) {
    const e = validateField(field, form)
    if (e) errors[field] = e
  }
  return errors
}

/** The form model as the body of POST /api/v1/requests (SubmitRequest). */
export function toSubmitBody(form) {
  const body = {
    type: form.type,
    title: form.title.trim(),
    detail: form.detail.trim(),
    area_code: form.street || form.district,
    consent_public: Boolean(form.consent),
  }
  const address = (form.address || '').trim()
  if (address) body.address = address
  if (form.category) body.category_code = form.category
  const name = (form.name || '').trim()
  const phone = (form.phone || '').trim()
  if (name || phone) {
    body.citizen = {}
    if (name) body.citizen.name = name
    if (phone) body.citizen.phone = phone
  }
  if (form.mailbox) body.mailbox_code = form.mailbox
  return body
}

/** An empty form model. */
export function emptyForm() {
  return {
    type: '',
    title: '',
    detail: '',
    district: '',
    street: '',
    address: '',
    category: '',
    name: '',
    phone: '',
    mailbox: '',
    consent: false,
  }
}
