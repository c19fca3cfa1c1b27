// The staff entry's message tables: the shared ones, the frame's, the
// workbench's (root key "workbench") and the dashboard's (root "dashboard").
import { mergeMessages } from '@/i18n/index.js'
import commonZh from '@/i18n/common/zh-CN.js'
import commonEn from '@/i18n/common/en.js'
import staffZh from './locales/zh-CN.js'
import staffEn from './locales/en.js'
import workbenchZh from './workbench/locales/zh-CN.js'
import workbenchEn from './workbench/locales/en.js'
import dashboardZh from './dashboard/locales/zh-CN.js'
import dashboardEn from './dashboard/locales/en.js'

export const staffMessages = mergeMessages(
  { 'zh-CN': commonZh, en: commonEn },
  { 'zh-CN': staffZh, en: staffEn },
  { 'zh-CN': workbenchZh, en: workbenchEn },
  { 'zh-CN': dashboardZh, en: dashboardEn },
)
