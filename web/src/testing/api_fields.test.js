// Every field a page reads from an API answer is one the OpenAPI document
// (docs/openapi.json) defines, and every fixture standing for an API answer
// has only such fields: a misspelt or renamed field fails here, not silently
// on the page as an empty line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureProblems, readProblems, schemaOf } from './api_fields.js'
import * as fixtures from './fixtures.js'
import { USERS } from './staff_harness.js'

// Vitest runs in web/ (npm test).
const doc = JSON.parse(readFileSync(join(process.cwd(), '..', 'docs', 'openapi.json'), 'utf8'))
const source = (file) => readFileSync(join(process.cwd(), 'src', file), 'utf8')

/**
 * The pages and the names in them that hold API answers (schema specs: see
 * api_fields.js; { ref } for a Vue ref). v-for loops over these and array
 * callbacks on them are followed without being listed.
 */
const PAGES = {
  'staff/App.vue': { user: { ref: 'User' }, u: 'User' },
  'staff/workbench/WorkOrderPage.vue': {
    view: { ref: 'WorkOrderView' },
    gone: { ref: 'ActionAck' },
    stoppedClocks: { ref: ['Clock'] },
    pendingInstructions: { ref: ['Instruction'] },
  },
  'staff/workbench/ActionForm.vue': {
    'props.view': 'WorkOrderView',
    view: 'WorkOrderView',
    'props.reference.limits': 'TimeLimits',
    'props.reference.units': ['Unit'],
    'props.reference.categories': ['Category'],
  },
  'staff/workbench/action_forms.js': { view: 'WorkOrderView', b: 'BlockedAction', u: 'Unit' },
  'staff/workbench/AdvicePanel.vue': { 'props.view': 'WorkOrderView', view: 'WorkOrderView', advice: { ref: 'Advice' }, assessment: { ref: 'Assessment' } },
  'staff/workbench/AdviceRepeats.vue': { repeats: ['RepeatSuggestion'] },
  'staff/workbench/AdviceReplyQuality.vue': { 'props.quality': 'ReplyQuality', quality: 'ReplyQuality' },
  'staff/workbench/ClockBadge.vue': { 'props.clock': 'RunningClock', clock: 'RunningClock' },
  'staff/workbench/EventTimeline.vue': { events: ['Event'], a: 'Event.actor' },
  'staff/workbench/QueuePage.vue': { items: { ref: ['WorkOrderSummary'] }, meta: { ref: 'Meta' } },
  'citizen/pages/TrackPage.vue': { view: { ref: 'CitizenView' }, item: 'CitizenTimelineItem' },
  'citizen/track/citizen_actions.js': { view: 'CitizenView' },
  'citizen/pages/PublicPage.vue': { items: { ref: ['PublishedRequest'] } },
}

describe('the fields pages read', () => {
  for (const [file, declared] of Object.entries(PAGES)) {
    it(`${file} reads only fields the OpenAPI document defines`, () => {
      expect(readProblems(doc, source(file), declared)).toEqual([])
    })
  }

  it('finds a misspelt field, in templates, scripts, loops and callbacks', () => {
    const page = `
      <p>{{ view.reply.unit_name }}</p>
      <li v-for="c in view.running_clocks">{{ c.due }}</li>
      const n = view.value?.assisting_units.map((u) => u.title)
      const ok = view.reply.unit.name + view.reply.at + view.timeline.length`
    expect(readProblems(doc, page, { view: { ref: 'WorkOrderView' } }).map((p) => p.text)).toEqual([
      'view.reply.unit_name',
      'c.due',
      'u.title',
    ])
  })
})

describe('the fixtures', () => {
  const cases = [
    ['workOrderView()', 'WorkOrderView', fixtures.workOrderView(), true],
    ['citizenView()', 'CitizenView', fixtures.citizenView(), true],
    ['meta', 'Meta', fixtures.meta, false],
    ['areas', 'AreaList', fixtures.areas, false],
    ['categories', 'CategoryList', fixtures.categories, false],
    ['mailboxes', 'MailboxList', fixtures.mailboxes, false],
    ['timeLimits', 'TimeLimits', fixtures.timeLimits, false],
    ...Object.entries(USERS).map(([k, u]) => [`USERS.${k}`, 'User', { ...u, jurisdiction: { code: 'jc', name: '江川市' } }, false]),
  ]
  for (const [name, schema, value, complete] of cases) {
    it(`${name} is a ${schema} as the OpenAPI document defines it`, () => {
      expect(fixtureProblems(doc, schemaOf(doc, schema), value, '$', { complete })).toEqual([])
    })
  }

  it('finds a misspelt fixture field', () => {
    const view = fixtures.workOrderView({ reply: { text: '已修复', unit_name: '滨江街道', replied_at: '2026-11-23T10:00:00+08:00' } })
    expect(fixtureProblems(doc, schemaOf(doc, 'WorkOrderView'), view)).toEqual([
      '$.reply.unit_name: not defined by the OpenAPI document',
      '$.reply.replied_at: not defined by the OpenAPI document',
    ])
  })
})
