// Which queues each role works from, in the order they appear on the
// workbench, and the role's first queue. The server decides what each queue
// holds for the caller (unit roles see their unit's subtree, centre roles the
// jurisdiction's); this only chooses what is worth a tab.

/** Queues per role (openapi.json, Queue), most urgent work first. */
export const QUEUES_BY_ROLE = {
  operator: ['to_accept', 'suspected_flood', 'to_call_back', 'returned', 'overdue', 'fast_lane', 'all', 'closed'],
  dispatcher: [
    'to_accept',
    'suspected_flood',
    'to_dispatch',
    'returned',
    'to_call_back',
    'overdue',
    'supervised',
    'fast_lane',
    'watched',
    'all',
    'closed',
  ],
  reviewer: ['to_review', 'overdue', 'all', 'closed'],
  unit_handler: ['to_sign_for', 'in_progress', 'overdue', 'supervised', 'instructed', 'all', 'closed'],
  unit_manager: ['to_sign_for', 'in_progress', 'overdue', 'supervised', 'instructed', 'all', 'closed'],
  leader: ['fast_lane', 'watched', 'instructed', 'supervised', 'overdue', 'all', 'closed'],
  admin: ['all', 'overdue', 'closed'],
}

/** Every queue name the API knows. */
export const ALL_QUEUES = [
  'all',
  'to_accept',
  'to_dispatch',
  'to_sign_for',
  'in_progress',
  'to_review',
  'to_call_back',
  'returned',
  'overdue',
  'supervised',
  'watched',
  'fast_lane',
  'instructed',
  'suspected_flood',
  'closed',
]

/**
 * Queues of work that needs attention now: the server lists their open work
 * orders unless a state is asked for (state=closed looks back), and their
 * badges count the open ones.
 */
export const ATTENTION_QUEUES = ['overdue', 'supervised', 'watched', 'fast_lane', 'instructed', 'suspected_flood']

/** The code of a role, whether given as a string or a {code, label} pair. */
export function roleCode(role) {
  return typeof role === 'string' ? role : (role && role.code) || ''
}

/** The queues shown to `role`; the whole list for an unknown role. */
export function queuesForRole(role) {
  return QUEUES_BY_ROLE[roleCode(role)] || ALL_QUEUES
}

/** The queue a user lands on. */
export function homeQueue(role) {
  return queuesForRole(role)[0]
}

/** Roles that may read the dashboard's figures (GET /figures). */
export const DASHBOARD_ROLES = ['operator', 'dispatcher', 'reviewer', 'leader', 'admin']

export function mayReadDashboard(role) {
  return DASHBOARD_ROLES.includes(roleCode(role))
}
