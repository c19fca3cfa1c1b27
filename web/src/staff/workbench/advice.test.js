// The panel's decisions: percentages, reasons by language, how a category
// stands to a suggestion, and which form adopts a suggestion with what.
import { describe, expect, it } from 'vitest'
import { categoryAction, categoryVerdict, dispatchAction, dispatchPreset, percent, reasonText, suggestedCategory } from './advice.js'

describe('percent', () => {
  it('rounds a score to a whole percentage and keeps it within 0..100', () => {
    expect(percent(0.934)).toBe(93)
    expect(percent(1.2)).toBe(100)
    expect(percent(-1)).toBe(0)
    expect(percent(undefined)).toBe(0)
  })
})

describe('reasonText', () => {
  const reason = { code: 'text', zh: '文本相似度 80%', en: 'text similarity 80%' }
  it('speaks the current language, Chinese when no English is given', () => {
    expect(reasonText(reason, 'zh-CN')).toBe('文本相似度 80%')
    expect(reasonText(reason, { value: 'en' })).toBe('text similarity 80%')
    expect(reasonText({ code: 'x', zh: '只有中文', en: '' }, 'en')).toBe('只有中文')
  })
})

describe('suggestedCategory', () => {
  it("prefers the live advice and falls back to the assessment made on arrival", () => {
    const assessed = { code: '02', name: '生态环境', confidence: 0.6, source: 'keywords' }
    const view = { assessment: { category: assessed, risks: [], fast_lane: false } }
    expect(suggestedCategory({ category: { code: '01' } }, view).code).toBe('01')
    expect(suggestedCategory(null, view)).toBe(assessed)
    expect(suggestedCategory({ category: null }, { assessment: null })).toBeNull()
  })
})

describe('categoryVerdict', () => {
  const s = { code: '01' }
  it('agrees when the work order sits in the suggested first level', () => {
    expect(categoryVerdict({ code: '01.03.04' }, s)).toBe('same')
    expect(categoryVerdict({ code: '01' }, s)).toBe('same')
  })
  it('tells a missing, a broader and a different category apart', () => {
    expect(categoryVerdict(null, s)).toBe('none')
    expect(categoryVerdict({ code: '01' }, { code: '01.03' })).toBe('broader')
    expect(categoryVerdict({ code: '010' }, s)).toBe('different') // a prefix of the text is not a parent
    expect(categoryVerdict({ code: '02.01' }, s)).toBe('different')
  })
})

describe('which form adopts a suggestion', () => {
  it('uses the first offered accept or dispatch for a category', () => {
    expect(categoryAction(['accept', 'reject'])).toBe('accept')
    expect(categoryAction(['dispatch', 'merge'])).toBe('dispatch')
    expect(categoryAction(['sign_for'])).toBeNull()
  })
  it('uses dispatch, direct dispatch or redispatch for a unit', () => {
    expect(dispatchAction(['redispatch', 'close'])).toBe('redispatch')
    expect(dispatchAction(['accept', 'direct_dispatch'])).toBe('direct_dispatch')
    expect(dispatchAction(['accept'])).toBeNull()
  })
  it('presets the unit, and the category only when the work order has none and the form asks', () => {
    const cat = { code: '01' }
    expect(dispatchPreset('dispatch', 12, { category: null }, cat)).toEqual({ unit_id: 12, category_code: '01' })
    expect(dispatchPreset('dispatch', 12, { category: { code: '02' } }, cat)).toEqual({ unit_id: 12 })
    expect(dispatchPreset('redispatch', 12, { category: null }, cat)).toEqual({ unit_id: 12 }) // no category field
    expect(dispatchPreset('dispatch', 12, { category: null }, null)).toEqual({ unit_id: 12 })
  })
})
