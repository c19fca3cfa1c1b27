// Maps an error answer of POST /api/v1/requests onto the filing form.
//
// The server names the offending input in error.field (a body key such as
// "title" or "citizen.phone") and states the rule in error.message
// ("title: at most 100 characters"). We put the message next to the form
// field it concerns, in the citizen's words; everything else (network,
// storage full, a field the form does not show) goes above the form.
import { charCount } from './submit_rules.js'

/** Server field -> form field. area_code is resolved by what was chosen. */
const FORM_FIELD = {
  type: 'type',
  title: 'title',
  detail: 'detail',
  address: 'address',
  category_code: 'category',
  'citizen.name': 'name',
  'citizen.phone': 'phone',
  mailbox_code: 'mailbox',
  mailbox: 'mailbox',
  consent_public: 'consent',
}

/** Reads the broken rule out of a server message. */
export function ruleFromMessage(field, message) {
  const m = String(message || '')
  const max = /at most (\d+) characters/.exec(m)
  if (max) return { rule: 'tooLong', params: { max: Number(max[1]) } }
  if (/must not be (empty|blank)|: required/.test(m)) return { rule: 'required', params: {} }
  if (/unknown (area|category|mailbox|value)/.test(m)) return { rule: 'unknownChoice', params: {} }
  if (field === 'citizen.phone') return { rule: 'phone', params: {} }
  return { rule: 'invalid', params: {} }
}

/**
 * err: an ApiError; form: the form model (to place area errors).
 * Returns { field, rule, params } for an error on a form field, or
 * { field: null } when it belongs above the form.
 */
export function mapSubmitError(err, form = {}) {
  if (!err || err.code !== 'invalid_argument' || !err.field) return { field: null }
  let field = FORM_FIELD[err.field]
  if (err.field === 'area_code') field = form.street ? 'street' : 'district'
  if (!field) return { field: null }
  const { rule, params } = ruleFromMessage(err.field, err.message)
  if (rule === 'tooLong') params.count = charCount(String(form[field] || '').trim())
  // A server "required" on a choice reads better as "please choose".
  const chosen = ['type', 'district', 'street', 'category', 'mailbox'].includes(field)
  return { field, rule: rule === 'required' && chosen ? 'choose' : rule, params }
}
