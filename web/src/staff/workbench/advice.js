// What the analytics advice panel decides without a DOM: which suggestion
// to show, whether it agrees with the work order, which action form adopts
// it and with which values. The server's advice is only advice: adopting it
// opens a form the user still checks and sends.

import { fieldsOf } from './action_forms.js'

/** Actions whose form sets the category, in the order a dispatcher meets them. */
const CATEGORY_ACTIONS = ['accept', 'dispatch', 'direct_dispatch']

/** Actions whose form names the lead unit: the ones that make unit suggestions matter. */
const DISPATCH_ACTIONS = ['dispatch', 'direct_dispatch', 'redispatch']

/** A score in [0, 1] as a whole percentage (0 for anything that is not a number). */
export function percent(score) {
  const x = Number(score)
  return Number.isFinite(x) ? Math.round(Math.min(1, Math.max(0, x)) * 100) : 0
}

/** An advice reason ({ code, zh, en }) in the current language; Chinese when no English is given. */
export function reasonText(reason, locale) {
  if (!reason) return ''
  const lang = typeof locale === 'string' ? locale : locale.value
  return lang.startsWith('zh') ? reason.zh || reason.en || '' : reason.en || reason.zh || ''
}

/**
 * The category to suggest: the live advice's, else the assessment made when
 * the request arrived (so the suggestion survives a failed advice request).
 */
export function suggestedCategory(advice, view) {
  if (advice && advice.category) return advice.category
  return (view && view.assessment && view.assessment.category) || null
}

const within = (code, parent) => code === parent || code.startsWith(`${parent}.`)

/**
 * How the work order's category stands to a suggestion: 'none' (not
 * classified), 'same' (the suggestion or below it: the classifier suggests
 * first levels, so 01.03.04 agrees with 01), 'broader' (above it) or
 * 'different'.
 */
export function categoryVerdict(current, suggested) {
  if (!current || !current.code) return 'none'
  if (!suggested) return 'same'
  if (within(current.code, suggested.code)) return 'same'
  if (within(suggested.code, current.code)) return 'broader'
  return 'different'
}

/** The offered action that adopts a category (accept or dispatch), or null. */
export function categoryAction(offered) {
  return offered.find((a) => CATEGORY_ACTIONS.includes(a)) || null
}

/** The offered action that names a lead unit (dispatch or redispatch), or null. */
export function dispatchAction(offered) {
  return offered.find((a) => DISPATCH_ACTIONS.includes(a)) || null
}

/**
 * The values to start `action`'s form with when the user adopts a suggested
 * unit: the unit, and the suggested category when the work order has none
 * yet and the form asks for one (dispatching needs a category).
 */
export function dispatchPreset(action, unitId, view, category) {
  const preset = { unit_id: unitId }
  const asksCategory = fieldsOf(action).some((f) => f.name === 'category_code')
  if (asksCategory && !(view && view.category) && category) preset.category_code = category.code
  return preset
}
