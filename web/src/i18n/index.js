// Language handling shared by the page entries: Simplified Chinese first,
// English second; the visitor's choice is kept in localStorage and mirrored
// on <html lang>.
import { createI18n } from 'vue-i18n'

export const LOCALES = ['zh-CN', 'en']
export const DEFAULT_LOCALE = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'lizheng.locale'

function localStore() {
  try {
    return globalThis.localStorage || null
  } catch {
    return null // storage disabled (private mode, policies)
  }
}

/** The remembered language, or Chinese when none (or an unknown one) was stored. */
export function storedLocale() {
  const s = localStore()
  const v = s ? s.getItem(LOCALE_STORAGE_KEY) : null
  return LOCALES.includes(v) ? v : DEFAULT_LOCALE
}

function applyDocumentLang(locale) {
  if (globalThis.document) globalThis.document.documentElement.lang = locale
}

/** Merges message tables per locale: mergeMessages(common, citizen) etc. */
export function mergeMessages(...tables) {
  const out = {}
  for (const table of tables) {
    for (const [locale, messages] of Object.entries(table)) out[locale] = { ...(out[locale] || {}), ...messages }
  }
  return out
}

/** A Composition-API vue-i18n instance starting in the remembered language. */
export function createAppI18n(messages) {
  const locale = storedLocale()
  applyDocumentLang(locale)
  return createI18n({
    legacy: false,
    globalInjection: true,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

/**
 * Switches the language of a global composer (i18n.global, or
 * useI18n({ useScope: 'global' })), remembers it and updates <html lang>.
 */
export function setLocale(composer, locale) {
  if (!LOCALES.includes(locale)) return
  composer.locale.value = locale
  const s = localStore()
  if (s) s.setItem(LOCALE_STORAGE_KEY, locale)
  applyDocumentLang(locale)
}
