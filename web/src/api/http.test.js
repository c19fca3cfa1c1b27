import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, requestJson } from './http.js'
import { LOCALE_STORAGE_KEY } from '@/i18n/index.js'

function answer(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('requestJson', () => {
  afterEach(() => localStorage.removeItem(LOCALE_STORAGE_KEY))

  it('asks for messages in the chosen language', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer(200, { ok: true }))
    await requestJson('/api/v1/health')
    expect(fetch.mock.calls[0][1].headers['Accept-Language']).toBe('zh-CN')
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    await requestJson('/api/v1/health')
    expect(fetch.mock.calls[1][1].headers['Accept-Language']).toBe('en')
  })

  it('keeps the reason of a refusal for programs, the message for people', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      answer(409, {
        error: { code: 'illegal_transition', reason: 'contact_required', message: '答复前请先登记首次联系群众的情况' },
      }),
    )
    const err = await requestJson('/api/v1/work-orders/1/reply', { method: 'POST', body: {} }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('illegal_transition')
    expect(err.reason).toBe('contact_required')
    expect(err.message).toBe('答复前请先登记首次联系群众的情况')
  })
})
