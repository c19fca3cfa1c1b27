// Entry of the staff workbench and leader dashboard (staff.html).
import 'element-plus/theme-chalk/base.css'
import '@/ui/theme.css'
import { createApp } from 'vue'
import App from './App.vue'
import { createStaffRouter } from './router.js'
import { createAppI18n } from '@/i18n/index.js'
import { staffMessages } from './messages.js'

createApp(App).use(createAppI18n(staffMessages)).use(createStaffRouter()).mount('#app')
