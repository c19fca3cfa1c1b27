// Every figure links to exactly the work orders it counts.
import { describe, expect, it } from 'vitest'
import {
  CALLED_BACK_STATES,
  LIST_QUEUES,
  REPLIED_STATES,
  bucketLink,
  groupLink,
  queueLink,
  tileLinks,
  unitOverdueLink,
  workOrderLink,
} from './figure_links.js'

const W = { from: '2026-11-17T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }

describe('figure links', () => {
  it('drops empty query values', () => {
    expect(queueLink('all', { a: '', b: null, c: undefined, d: 'x' })).toEqual({
      name: 'queue',
      params: { queue: 'all' },
      query: { d: 'x' },
    })
  })

  it('opens one work order by id', () => {
    expect(workOrderLink(2982)).toEqual({ name: 'workOrder', params: { id: '2982' } })
  })

  it.each([
    ['channel', 'hotline', { channel: 'hotline' }],
    ['type', 'complaint', { type: 'complaint' }],
    ['category', '01', { category: '01' }],
    ['district', 'dh', { area: 'dh' }],
    ['unit', '26', { unit: '26' }],
    ['unit', 26, { unit: '26' }],
  ])('a %s group filters the queue by it, within the window', (dimension, key, filter) => {
    expect(groupLink(dimension, key, W)).toEqual({
      name: 'queue',
      params: { queue: 'all' },
      query: { ...filter, from: W.from, to: W.to },
    })
  })

  it('gives no link where no filter selects the group', () => {
    expect(groupLink('category', '', W)).toBeNull()
    expect(groupLink('unit', '0', W)).toBeNull()
    expect(() => groupLink('weather', 'x', W)).toThrow(/unknown figure dimension/)
  })

  it('a day or month opens the work orders received in it', () => {
    const day = { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }
    expect(bucketLink(day)).toEqual({ name: 'queue', params: { queue: 'all' }, query: day })
  })

  it('a unit’s overdue count opens the overdue queue of that unit', () => {
    expect(unitOverdueLink(29, W)).toEqual({
      name: 'queue',
      params: { queue: 'overdue' },
      query: { unit: '29', ...W },
    })
  })

  it('each tile opens the work orders behind its figure', () => {
    const links = tileLinks(W)
    expect(links.received).toEqual({ name: 'queue', params: { queue: 'all' }, query: W })
    expect(links.onTime.query).toEqual({ ...W, state: REPLIED_STATES })
    expect(links.resolution.query).toEqual({ ...W, state: CALLED_BACK_STATES })
    expect(links.satisfaction.query).toEqual({ ...W, state: CALLED_BACK_STATES })
    expect(links.overdue).toEqual({ name: 'queue', params: { queue: 'overdue' }, query: W })
    expect(REPLIED_STATES.split(',')).toEqual(['answered', 'reopened', 'closed'])
  })

  it('lists the four queues a leader watches', () => {
    expect(LIST_QUEUES).toEqual(['overdue', 'fast_lane', 'watched', 'instructed'])
  })
})
