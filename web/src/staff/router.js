// Routes of the staff entry (staff.html), in history mode under /staff/.
// The lizheng server answers every GET under /staff/ outside /api with
// staff.html. Leaders land on the dashboard, everyone else on their first
// queue (workbench/queues.js).
import { createRouter, createWebHistory } from 'vue-router'
import { ensureSession, user } from './session.js'
import { homeQueue, mayReadDashboard, roleCode } from './workbench/queues.js'

export const routes = [
  { path: '/', name: 'home', component: { render: () => null }, meta: { requiresAuth: true } },
  {
    path: '/queue/:queue',
    name: 'queue',
    component: () => import('./workbench/QueuePage.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/orders/:id(\\d+)',
    name: 'workOrder',
    component: () => import('./workbench/WorkOrderPage.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./dashboard/DashboardPage.vue'),
    meta: { requiresAuth: true, dashboard: true },
  },
  { path: '/login', name: 'signIn', component: () => import('./pages/SignInPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Where a signed-in user starts. */
export function landingFor(u) {
  if (roleCode(u.role) === 'leader') return { name: 'dashboard' }
  return { name: 'queue', params: { queue: homeQueue(u.role) } }
}

export function createStaffRouter(history = createWebHistory('/staff/')) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    await ensureSession()
    if (to.meta.requiresAuth && !user.value) return { name: 'signIn', query: { redirect: to.fullPath } }
    if (to.name === 'signIn' && user.value) return landingFor(user.value)
    if (to.name === 'home') return landingFor(user.value)
    if (to.meta.dashboard && !mayReadDashboard(user.value.role)) return landingFor(user.value)
    return true
  })
  return router
}
