// The staff entry's message tables: the shared ones plus its own.
import { mergeMessages } from '@/i18n/index.js'
import commonZh from '@/i18n/common/zh-CN.js'
import commonEn from '@/i18n/common/en.js'
import staffZh from './locales/zh-CN.js'
import staffEn from './locales/en.js'

export const staffMessages = mergeMessages({ 'zh-CN': commonZh, en: commonEn }, { 'zh-CN': staffZh, en: staffEn })
