// Every text exists in both languages, so switching never shows a key or
// silently falls back to Chinese.
import { describe, expect, it } from 'vitest'
import { citizenMessages } from '@/citizen/messages.js'
import { staffMessages } from '@/staff/messages.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe.each([
  ['citizen', citizenMessages],
  ['staff', staffMessages],
])('%s messages', (name, messages) => {
  it('have the same keys in Chinese and English', () => {
    const zh = keys(messages['zh-CN']).sort()
    const en = keys(messages.en).sort()
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
  })

  it('have no empty text', () => {
    for (const locale of ['zh-CN', 'en']) {
      const flat = keys(messages[locale])
      const get = (k) => k.split('.').reduce((o, p) => o[p], messages[locale])
      expect(flat.filter((k) => !String(get(k)).trim())).toEqual([])
    }
  })
})
