// Answers of the real API (lizheng demo, 江川市), trimmed, for component tests.
export const meta = {
  jurisdiction: { code: 'jc', name: '江川市' },
  request_types: [
    { code: 'consult', label: '咨询' },
    { code: 'help', label: '求助' },
    { code: 'complaint', label: '投诉' },
    { code: 'report', label: '举报' },
    { code: 'suggestion', label: '建议' },
    { code: 'praise', label: '表扬' },
  ],
  satisfactions: [
    { code: 'satisfied', label: '满意' },
    { code: 'basically_satisfied', label: '基本满意' },
    { code: 'unsatisfied', label: '不满意' },
  ],
  states: [],
  channels: [],
  urgencies: [],
  roles: [],
  actions: [],
  contact_methods: [],
  unit_kinds: [],
}

export const areas = {
  items: [
    { code: 'dh', level: 1, name: '东湖区', parent_code: null },
    { code: 'dh-01', level: 2, name: '滨江街道', parent_code: 'dh' },
    { code: 'dh-02', level: 2, name: '东湖街道', parent_code: 'dh' },
    { code: 'xs', level: 1, name: '西山区', parent_code: null },
    { code: 'xs-01', level: 2, name: '枫林街道', parent_code: 'xs' },
  ],
}

export const categories = {
  items: [
    { code: '01', level: 1, name: '城乡建设', parent_code: null },
    { code: '01.03', level: 2, name: '市容市貌', parent_code: '01' },
    { code: '01.03.04', level: 3, name: '路灯照明', parent_code: '01.03' },
  ],
}

export const mailboxes = {
  items: [
    { code: 'mayor', id: 1, level: { code: 'city', label: '市级' }, name: '市长信箱', unit_id: 1 },
    { code: 'dh-head', id: 2, level: { code: 'district', label: '区县级' }, name: '东湖区区长信箱', unit_id: 3 },
  ],
}

export const timeLimits = {
  callback: '3wd',
  dispute_window_days: 15,
  max_extension_working_days: 15,
  reopen_reply: '3wd',
  supervision: '3wd',
  warn_at_percent: 80,
  rules: [
    { category_code: null, contact: '30wm', reply: '5wd', sign_for: '15wm', type: null, urgency: null },
    { category_code: null, contact: '30wm', reply: '1wd', sign_for: '15wm', type: 'consult', urgency: null },
    { category_code: null, contact: '30wm', reply: '3wd', sign_for: '15wm', type: 'complaint', urgency: null },
    { category_code: null, contact: '15m', reply: '1h', sign_for: '5m', type: null, urgency: 'emergency' },
  ],
}

/** A CitizenView; `overrides` replace top-level keys. */
export function citizenView(overrides = {}) {
  return {
    tracking_no: '20261123000030',
    title: '咨询燃气开户办理流程',
    detail: '我在白石镇新买的房子，请问燃气开户需要准备哪些材料？',
    type: { code: 'consult', label: '咨询' },
    channel: { code: 'web', label: '网站' },
    state: { code: 'answered', label: '待回访' },
    created_at: '2026-11-23T19:40:06+08:00',
    handling_unit: null,
    timeline: [
      { action: 'submit', at: '2026-11-23T19:40:06+08:00', label: '提交', state: { code: 'submitted', label: '待受理' } },
      { action: 'accept', at: '2026-11-23T19:44:13+08:00', label: '受理', state: { code: 'accepted', label: '已受理' } },
      { action: 'self_resolve', at: '2026-11-23T20:07:07+08:00', label: '自办', state: { code: 'answered', label: '待回访' } },
    ],
    reply: { at: '2026-11-23T20:07:07+08:00', text: '可在“江川政务”应用中在线办理。', unit: null },
    rating: null,
    disputed: false,
    closed_at: null,
    allowed_actions: [{ code: 'rate', label: '评价' }],
    reply_due: null,
    ...overrides,
  }
}

/**
 * A staff WorkOrderView (a dispatched street-light complaint seen by its
 * unit) with its timeline; `overrides` replace top-level keys.
 */
export function workOrderView(overrides = {}) {
  return {
    id: 42,
    tracking_no: '20261123000042',
    title: '滨江路路灯不亮',
    state: { code: 'dispatched', label: '待签收' },
    type: { code: 'complaint', label: '投诉' },
    channel: { code: 'hotline', label: '热线电话' },
    urgency: { code: 'normal', label: '一般' },
    category: { code: '01.03.04', name: '路灯照明', source: 'staff' },
    area: { code: 'dh-01', name: '滨江街道' },
    lead_unit: { id: 7, name: '滨江街道' },
    handling_unit: { id: 7, name: '滨江街道' },
    created_at: '2026-11-23T09:05:00+08:00',
    updated_at: '2026-11-23T09:10:00+08:00',
    overdue: false,
    supervised: false,
    fast_lane: false,
    suspected_flood: false,
    running_clocks: [
      {
        kind: 'sign_for',
        label: '签收时限',
        started_at: '2026-11-23T09:10:00+08:00',
        due_at: '2026-11-23T09:25:00+08:00',
        warn_at: '2026-11-23T09:22:00+08:00',
        stopped_at: null,
        warned: true,
        overdue: false,
        remaining_working_minutes: 3,
        remaining_seconds: 180,
      },
    ],
    version: 3,
    detail: '滨江路12号门口三盏路灯一周不亮。',
    address: '滨江路12号',
    citizen: { name: '王女士', phone: '13800138000' },
    mailbox: null,
    consent_public: true,
    published: false,
    assisting_units: [],
    clocks: [],
    draft_reply: null,
    review_comment: '',
    reply: null,
    contacted_at: null,
    pending_extension: null,
    extensions_granted: 0,
    extensions_refused: 0,
    callback: null,
    citizen_rating: null,
    last_return: null,
    counts: { returns: 0, redispatches: 0, reopens: 0 },
    reject_reason: '',
    disputed: false,
    closed_at: null,
    supervision: null,
    escalated: false,
    instructions: [],
    watchers: [],
    assessment: null,
    merged_into: null,
    merged: [{ id: 40, tracking_no: '20261123000040', title: '滨江路路灯坏了' }],
    timeline: [
      {
        seq: 1,
        action: 'submit',
        label: '提交',
        from: 'submitted',
        to: 'submitted',
        actor: { role: 'citizen', user_id: 0, name: '群众', unit: null },
        at: '2026-11-23T09:05:00+08:00',
        public: true,
        data: { channel: 'hotline' },
        hash: 'a',
      },
      {
        seq: 2,
        action: 'dispatch',
        label: '派单',
        from: 'accepted',
        to: 'dispatched',
        actor: { role: 'dispatcher', user_id: 3, name: '派单员 赵文博', unit: null },
        at: '2026-11-23T09:10:00+08:00',
        public: true,
        data: { unit_id: '7', unit_id_name: '滨江街道', note: '请尽快核实' },
        hash: 'b',
      },
    ],
    allowed_actions: [
      { code: 'sign_for', label: '签收' },
      { code: 'return', label: '退回' },
    ],
    blocked_actions: [],
    ...overrides,
  }
}
