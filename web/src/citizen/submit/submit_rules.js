// Client-side checks of the filing form. They mirror the server's rules
// (core/src/workflow.cpp ValidateSubmission and api/src/routes_citizen.cpp),
// so a citizen learns of a problem next to the field before sending:
//   type      required, one of the request types
//   title     required, not blank, at most 100 characters (code points)
//   detail    required, not blank, at most 5000 characters
//   area      a district is required; the street is optional
//   address   at most 200 characters
//   name      at most 50 characters
//   phone     optional; digits with '-', spaces and a leading '+', 5 to 20 digits,
//             after full-width digits and signs become ASCII (normalizePhone)
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

/**
 * The server's NormalizePhone (core/src/phone_number.cpp): what a Chinese
 * input method types becomes ASCII — full-width digits ０-９, '＋', '－' and
 * dashes, the ideographic space — runs of spaces become one, and the ends are
 * trimmed. Anything else stays for the check to refuse.
 */
export function normalizePhone(p) {
  let out = ''
  for (const c of p || '') {
    const cp = c.codePointAt(0)
    let a = c
    if (cp >= 0xff10 && cp <= 0xff19) a = String.fromCharCode(48 + cp - 0xff10)
    else if (cp === 0xff0b) a = '+'
    else if (cp === 0xff0d || (cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212) a = '-'
    else if (cp === 0x3000 || c === '\t') a = ' '
    if (a === ' ' && (out === '' || out.endsWith(' '))) continue
    out += a
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out
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
    const p = normalizePhone(f.phone)
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
  const phone = normalizePhone(form.phone)
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
