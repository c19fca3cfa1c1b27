// Labels of the API's enums ({code, label} pairs). The server's labels are
// Chinese, so they are used as they are in Chinese; in English the message
// table enums.<kind>.<code> gives the words, and the server's label is the
// fallback for a code the table does not know yet.
import { useI18n } from 'vue-i18n'

/** label(kind, {code, label}) -> words in the current language; '' for null. */
export function makeEnumLabel({ t, te, locale }) {
  return (kind, value) => {
    if (!value) return ''
    const code = typeof value === 'string' ? value : value.code
    const serverLabel = typeof value === 'string' ? '' : value.label
    const key = `enums.${kind}.${code}`
    const lang = typeof locale === 'string' ? locale : locale.value
    if (lang.startsWith('zh') && serverLabel) return serverLabel
    if (te(key)) return t(key)
    return serverLabel || code
  }
}

/** The same inside a component's setup. */
export function useEnumLabel() {
  return makeEnumLabel(useI18n())
}
