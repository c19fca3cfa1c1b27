// API errors in words a citizen understands (never the raw code). A page may
// give a context: "<context>.errors.<code>" is tried before "errors.<code>".

/** Words for an ApiError (or any error) through a vue-i18n composer {t, te}. */
export function errorText({ t, te }, err, context) {
  const code = (err && err.code) || 'unknown'
  if (context && te(`${context}.errors.${code}`)) return t(`${context}.errors.${code}`)
  if (te(`errors.${code}`)) return t(`errors.${code}`)
  return t('errors.unknown')
}
