// The portal's frame: the language switch changes every text, including the
// API's enum labels, and is remembered across visits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeServer, mountAt, settle } from '@/testing/harness.js'
import { createAppI18n, LOCALE_STORAGE_KEY } from '@/i18n/index.js'
import { citizenMessages } from './messages.js'
import App from './App.vue'

describe('language switch', () => {
  beforeEach(() => {
    localStorage.clear()
    fakeServer()
  })

  afterEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('starts in Chinese and shows the city from GET /meta', async () => {
    const { wrapper } = await mountAt('/', { component: App })
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(wrapper.find('[data-test="nav-submit"]').text()).toBe('我要反映')
    expect(wrapper.text()).toContain('江川市12345市民诉求平台')
    expect(wrapper.find('[data-test="language-switch"]').text()).toContain('English')
    expect(wrapper.findAll('[data-test="home-type"] h3').map((h) => h.text())).toContain('投诉')
  })

  it('switches to English, including enum labels, and back', async () => {
    const { wrapper } = await mountAt('/', { component: App })
    await wrapper.find('[data-test="language-switch"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="nav-submit"]').text()).toBe('File a request')
    expect(wrapper.findAll('[data-test="home-type"] h3').map((h) => h.text())).toContain('Complaint')
    expect(wrapper.text()).toContain('Usually answered within 3 working days')
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('江川市 12345 Citizen Requests')
    await wrapper.find('[data-test="language-switch"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="nav-submit"]').text()).toBe('我要反映')
    expect(wrapper.text()).toContain('一般在3个工作日内答复')
  })

  it('remembers the choice for the next visit', async () => {
    const { wrapper } = await mountAt('/', { component: App })
    await wrapper.find('[data-test="language-switch"]').trigger('click')
    await settle()
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(createAppI18n(citizenMessages).global.locale.value).toBe('en')
  })

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(createAppI18n(citizenMessages).global.locale.value).toBe('zh-CN')
  })
})
