// The citizen portal's message tables: the shared ones plus its own.
import { mergeMessages } from '@/i18n/index.js'
import commonZh from '@/i18n/common/zh-CN.js'
import commonEn from '@/i18n/common/en.js'
import citizenZh from './locales/zh-CN.js'
import citizenEn from './locales/en.js'

export const citizenMessages = mergeMessages({ 'zh-CN': commonZh, en: commonEn }, { 'zh-CN': citizenZh, en: citizenEn })
