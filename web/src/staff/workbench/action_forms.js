// The form of every action of the closed loop (openapi.json, ActionCommand):
// its fields, which are required, client-side checks that mirror the
// server's, and the JSON body sent. The server stays the judge: whatever it
// refuses is shown next to the field it names, or above the form.

/**
 * Field kinds: text (one line), long (a paragraph), unit (one unit),
 * units (several), category, type, urgency, method (contact method),
 * days (working days), yesno (a boolean as two radios), satisfaction,
 * work_order (a work order id).
 */
const F = (name, kind, required = false, extra = {}) => ({ name, kind, required, ...extra })

/** Fields per action, in the order shown. */
export const ACTION_FIELDS = {
  accept: [F('category_code', 'category'), F('type', 'type'), F('urgency', 'urgency'), F('note', 'long')],
  reject: [F('reason', 'long', true)],
  self_resolve: [F('text', 'long', true), F('category_code', 'category')],
  dispatch: [F('unit_id', 'unit', true), F('assisting_unit_ids', 'units'), F('category_code', 'category'), F('note', 'long')],
  direct_dispatch: [
    F('unit_id', 'unit', true),
    F('assisting_unit_ids', 'units'),
    F('category_code', 'category'),
    F('note', 'long'),
  ],
  sign_for: [F('note', 'long')],
  return: [F('reason', 'long', true), F('legal_basis', 'long', true)],
  reject_return: [F('reason', 'long', true)],
  redispatch: [F('unit_id', 'unit', true), F('reason', 'long'), F('assisting_unit_ids', 'units'), F('note', 'long')],
  pass_down: [F('unit_id', 'unit', true, { below: true }), F('note', 'long')],
  contact: [F('method', 'method', true), F('note', 'long')],
  reply: [F('text', 'long', true, { rows: 8 })],
  approve_reply: [F('comment', 'long')],
  send_back_reply: [F('comment', 'long', true)],
  request_extension: [F('working_days', 'days', true, { max: 'extension' }), F('reason', 'long', true)],
  decide_extension: [F('approve', 'yesno', true), F('comment', 'long')],
  callback: [F('resolved', 'yesno', true), F('satisfaction', 'satisfaction', true), F('note', 'long')],
  reopen: [F('reason', 'long', true)],
  close: [F('reason', 'long', true)],
  merge: [F('primary_id', 'work_order', true), F('note', 'long')],
  supervise: [F('working_days', 'days', false, { max: 30 }), F('note', 'long')],
  escalate: [F('unit_id', 'unit', true, { above: true }), F('reason', 'long', true), F('note', 'long')],
  instruct: [F('text', 'long', true)],
  acknowledge_instruction: [F('note', 'long')],
  watch: [],
  unwatch: [],
  publish: [],
  unpublish: [F('reason', 'long', true)],
}

/** Actions that end or turn away a request: the button is shown as a danger. */
export const DANGER_ACTIONS = new Set(['reject', 'return', 'send_back_reply', 'reopen', 'unpublish', 'escalate'])

/**
 * The main step forward in each state for the roles that take it: shown first,
 * and the first one offered is the primary button. A reply comes before the
 * contact: the server offers the reply only once the first contact is
 * recorded (until then it is in blocked_actions), so the primary button moves
 * from 联系群众 to 答复 as soon as the contact is done.
 */
const PRIMARY_ORDER = [
  'accept',
  'dispatch',
  'sign_for',
  'reply',
  'contact',
  'approve_reply',
  'callback',
  'close',
  'decide_extension',
  'reject_return',
  'redispatch',
  'acknowledge_instruction',
]

/** Largest length of a text field (ActionCommand maxLength). */
export const MAX_TEXT = 5000

export function fieldsOf(action) {
  return ACTION_FIELDS[action] || []
}

/** An empty form model for an action. */
export function emptyModel(action) {
  const model = {}
  for (const f of fieldsOf(action)) model[f.name] = f.kind === 'units' ? [] : f.kind === 'yesno' ? null : ''
  return model
}

const isEmpty = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.length)

/**
 * The server's rule that redispatch needs a reason when the work order is
 * taken from a unit that holds it (dispatched, in progress).
 */
function requiredHere(field, action, state) {
  if (field.required) return true
  return action === 'redispatch' && field.name === 'reason' && (state === 'dispatched' || state === 'in_progress')
}

/**
 * Checks a model before sending: { field: messageKey } of what is wrong
 * (keys under workbench.actionForm.rules), {} when it may be sent.
 * `limits.maxExtension` is the jurisdiction's longest extension.
 */
export function validate(action, model, { state, limits = {} } = {}) {
  const errors = {}
  for (const f of fieldsOf(action)) {
    const v = model[f.name]
    if (isEmpty(v)) {
      if (requiredHere(f, action, state)) errors[f.name] = f.kind === 'long' || f.kind === 'text' ? 'required' : 'choose'
      continue
    }
    if ((f.kind === 'long' || f.kind === 'text') && String(v).length > MAX_TEXT) errors[f.name] = 'tooLong'
    if (f.kind === 'days') {
      const n = Number(v)
      const max = f.max === 'extension' ? limits.maxExtension || 1000 : f.max
      if (!Number.isInteger(n) || n < 1 || n > max) errors[f.name] = 'days'
    }
    if (f.kind === 'work_order' && !/^[1-9][0-9]*$/.test(String(v).trim())) errors[f.name] = 'workOrderId'
  }
  return errors
}

/** The ActionCommand body of a valid model: empty optional fields are left out. */
export function buildBody(action, model) {
  const body = {}
  for (const f of fieldsOf(action)) {
    const v = model[f.name]
    if (isEmpty(v)) continue
    if (f.kind === 'long' || f.kind === 'text') body[f.name] = String(v).trim()
    else if (f.kind === 'unit' || f.kind === 'days' || f.kind === 'work_order') body[f.name] = Number(v)
    else if (f.kind === 'units') body[f.name] = v.map(Number)
    else body[f.name] = v
  }
  return body
}

/**
 * The actions to offer as buttons: the server's allowed_actions (role, unit
 * scope and state) without those whose precondition visibly does not hold
 * on this work order (nothing pending to decide or acknowledge, already
 * watching, nothing to publish), the main steps first.
 */
export function offeredActions(view, userId) {
  const allowed = (view.allowed_actions || []).map((a) => (typeof a === 'string' ? a : a.code))
  const watching = (view.watchers || []).includes(userId)
  const pendingInstruction = (view.instructions || []).some((i) => !i.acknowledged_at)
  const holds = {
    watch: !watching,
    unwatch: watching,
    decide_extension: Boolean(view.pending_extension),
    request_extension: !view.pending_extension,
    acknowledge_instruction: pendingInstruction,
    publish: Boolean(view.consent_public) && !view.published && Boolean(view.reply),
    unpublish: Boolean(view.published),
    approve_reply: Boolean(view.draft_reply),
    send_back_reply: Boolean(view.draft_reply),
    reject_return: Boolean(view.last_return),
    supervise: !(view.supervision && view.supervision.open),
    rate: false, // citizens' actions
    dispute: false,
  }
  const offered = allowed.filter((a) => holds[a] !== false && a in ACTION_FIELDS)
  const rank = (a) => {
    const i = PRIMARY_ORDER.indexOf(a)
    return i < 0 ? PRIMARY_ORDER.length : i
  }
  return offered.sort((a, b) => rank(a) - rank(b))
}

/**
 * The actions the server will not accept yet because a step is missing on the
 * work order (blocked_actions): [{ action, reason, message }], with the
 * action's code, the missing step's reason code and the server's words.
 */
export function blockedActions(view) {
  return (view.blocked_actions || []).map((b) => ({
    action: typeof b.action === 'string' ? b.action : b.action.code,
    reason: b.reason,
    message: b.message,
  }))
}

/** The action to mark as the primary step, or null. */
export function primaryAction(offered) {
  return offered.find((a) => PRIMARY_ORDER.includes(a)) || null
}

/** Ids of `unitId` and every unit below it. */
function subtree(units, unitId) {
  const out = new Set([unitId])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units) {
      if (u.parent_id != null && out.has(u.parent_id) && !out.has(u.id)) {
        out.add(u.id)
        grew = true
      }
    }
  }
  return out
}

/** Ids of the units above `unitId`, nearest first. */
function ancestors(units, unitId) {
  const byId = new Map(units.map((u) => [u.id, u]))
  const out = []
  let u = byId.get(unitId)
  while (u && u.parent_id != null && !out.includes(u.parent_id)) {
    out.push(u.parent_id)
    u = byId.get(u.parent_id)
  }
  return out
}

/**
 * The units a unit field may name: active units; for pass_down only those
 * below the handling unit, for escalate only those above the lead unit.
 */
export function unitChoices(units, field, view) {
  const active = (units || []).filter((u) => u.active !== false)
  if (field.below && view.handling_unit) {
    const below = subtree(active, view.handling_unit.id)
    below.delete(view.handling_unit.id)
    return active.filter((u) => below.has(u.id))
  }
  if (field.above && view.lead_unit) {
    const above = ancestors(units || [], view.lead_unit.id)
    return above.map((id) => active.find((u) => u.id === id)).filter(Boolean)
  }
  return active
}
