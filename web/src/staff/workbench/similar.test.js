// Candidates for a repeat: same place, same category, open, the last 30 days
// in the jurisdiction's own wall clock.
import { describe, expect, it } from 'vitest'
import { similarOnes, similarQuery } from './similar.js'

describe('similarQuery', () => {
  it('asks for open requests of the same street and category since 30 days before', () => {
    const q = similarQuery({ area: { code: 'dh-01' }, category: { code: '01.03.04' }, created_at: '2026-11-23T09:05:00+08:00' })
    expect(q).toMatchObject({ queue: 'all', area: 'dh-01', category: '01.03.04', from: '2026-10-24T09:05:00+08:00' })
    expect(q.state.split(',')).not.toContain('closed')
  })

  it('leaves the category out while unclassified, and gives up without a place', () => {
    expect(similarQuery({ area: { code: 'dh' }, category: null, created_at: '2026-11-23T09:05:00+08:00' }).category).toBeUndefined()
    expect(similarQuery({ area: null })).toBeNull()
  })
})

describe('similarOnes', () => {
  it('drops the work order itself and what is already merged into it', () => {
    const view = { id: 5, merged_into: null, merged: [{ id: 6 }] }
    expect(similarOnes(view, [{ id: 5 }, { id: 6 }, { id: 7 }]).map((w) => w.id)).toEqual([7])
  })
})
