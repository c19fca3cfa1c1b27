// Maps an error answer of POST /api/v1/requests onto the filing form.
//
// The server names the offending input in error.field (a body key such as
// "title" or "citizen.phone") and the broken rule in error.reason, a stable
// code ("text_too_long"); error.message is for people, in their language,
// and never parsed. We put the rule next to the form field it concerns, in
// the citizen's words; everything else (network, storage full, a field the
// form does not show) goes above the form.
import { MAX_CHARS, charCount } from './submit_rules.js'

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

/** Reasons that mean "pick one of the offered choices". */
const UNKNOWN_CHOICE = new Set(['unknown_area', 'unknown_category', 'unknown_mailbox', 'unknown_value'])

/** The broken rule of a server refusal of `formField`, from its reason. */
export function ruleFromReason(formField, reason) {
  if (reason === 'text_too_long' && MAX_CHARS[formField]) return { rule: 'tooLong', params: { max: MAX_CHARS[formField] } }
  if (reason === 'field_required') return { rule: 'required', params: {} }
  if (UNKNOWN_CHOICE.has(reason)) return { rule: 'unknownChoice', params: {} }
  if (reason === 'phone_invalid') return { rule: 'phone', params: {} }
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
  const { rule, params } = ruleFromReason(field, err.reason)
  if (rule === 'tooLong') params.count = charCount(String(form[field] || '').trim())
  // A server "required" on a choice reads better as "please choose".
  const chosen = ['type', 'district', 'street', 'category', 'mailbox'].includes(field)
  return { field, rule: rule === 'required' && chosen ? 'choose' : rule, params }
}
