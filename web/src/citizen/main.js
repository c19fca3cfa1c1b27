// Entry of the citizen portal (index.html).
import 'element-plus/theme-chalk/base.css'
import '@/ui/theme.css'
import { createApp } from 'vue'
import App from './App.vue'
import { createCitizenRouter } from './router.js'
import { createAppI18n } from '@/i18n/index.js'
import { citizenMessages } from './messages.js'

createApp(App).use(createAppI18n(citizenMessages)).use(createCitizenRouter()).mount('#app')
