// What the track page offers a citizen on their request: rating (评价) and
// dispute (异议). The server decides and lists them in allowed_actions
// (openapi.json, CitizenView); this turns the view into what to show:
// a form, the citizen's earlier choice, or an explanation of why not.
//
// rating.mode:  'form'     allowed and not yet rated
//               'done'     rated (rating.value is the SatisfactionLabel)
//               'notYet'   the reply has not reached the citizen yet
//               'none'     never possible (rejected)
// dispute.mode: 'form'     allowed and not yet disputed; dispute.collapsed
//                          when the citizen rated the reply (basically)
//                          satisfied: a dispute is for the unsatisfied, so
//                          the form waits behind an explicit link
//               'done'     disputed already
//               'passed'   closed, but the window is over
//               'later'    not closed yet: possible after closing
//               'none'     never possible (rejected, merged)

const SATISFIED = new Set(['satisfied', 'basically_satisfied'])

const has = (view, code) => (view.allowed_actions || []).some((a) => a.code === code)

/** { rating: {mode, value}, dispute: {mode} } for a CitizenView. */
export function citizenActions(view) {
  const state = view && view.state ? view.state.code : ''
  let rating
  if (view.rating) rating = { mode: 'done', value: view.rating }
  else if (has(view, 'rate')) rating = { mode: 'form', value: null }
  else if (state === 'rejected') rating = { mode: 'none', value: null }
  else rating = { mode: 'notYet', value: null }

  let dispute
  if (view.disputed) dispute = { mode: 'done' }
  else if (has(view, 'dispute')) dispute = { mode: 'form', collapsed: SATISFIED.has(view.rating && view.rating.code) }
  else if (state === 'closed') dispute = { mode: 'passed' }
  else if (state === 'rejected' || state === 'merged') dispute = { mode: 'none' }
  else dispute = { mode: 'later' }
  return { rating, dispute }
}

/** The reason a request was not accepted, from its public timeline, or ''. */
export function rejectReason(view) {
  const items = (view && view.timeline) || []
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i].action === 'reject' && items[i].reason) return items[i].reason
  }
  return ''
}

/** Tracking numbers as the API accepts them (path pattern ^[0-9A-Za-z-]{1,40}$). */
export const TRACKING_NO = /^[0-9A-Za-z-]{1,40}$/

// Spaces, hyphens and dots between groups, and their full-width forms.
const GROUP_SEPARATORS = /[\s.\-\u2010-\u2015\u2212\u3000\uff0d\uff0e]/g

/**
 * A tracking number or query code as typed, in the form the API stores:
 * the separators between groups dropped ("4821 3376-0954" -> "482133760954")
 * and full-width digits and letters made ASCII. The server does the same.
 */
export function canonicalCode(typed) {
  return String(typed || '')
    .replace(GROUP_SEPARATORS, '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** A query code shown in groups of four for reading aloud and copying by hand. */
export function groupedCode(code) {
  return String(code || '').replace(/(\d{4})(?=\d)/g, '$1 ')
}
