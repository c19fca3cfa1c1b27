// Routes of the staff entry (staff.html), in history mode under /staff/.
// The lizheng server answers every GET under /staff/ outside /api with
// staff.html. The workbench queues, the work-order screen and the leader
// dashboard (ECharts) will be added here as lazily loaded routes.
import { createRouter, createWebHistory } from 'vue-router'
import { ensureSession, user } from './session.js'

export const routes = [
  {
    path: '/',
    name: 'home',
    component: () => import('./pages/WorkbenchHome.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/login', name: 'signIn', component: () => import('./pages/SignInPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createStaffRouter(history = createWebHistory('/staff/')) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    await ensureSession()
    if (to.meta.requiresAuth && !user.value) return { name: 'signIn', query: { redirect: to.fullPath } }
    if (to.name === 'signIn' && user.value) return { name: 'home' }
    return true
  })
  return router
}
