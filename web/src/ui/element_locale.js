// Element Plus's own texts (pagination, "no data", cascader) in the page's
// language; bound to ElConfigProvider by each entry's App.vue.
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'

export function elementLocale(locale) {
  return locale === 'en' ? en : zhCn
}
