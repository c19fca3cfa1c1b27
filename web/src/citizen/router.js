// Routes of the citizen portal (index.html), in history mode. The lizheng
// server answers every unknown path outside /api and /staff with index.html,
// so each of these URLs can be bookmarked or reloaded.
//
// The home page is part of the first load; every other page is its own
// chunk, loaded when visited.
import { createRouter, createWebHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'

export const routes = [
  { path: '/', name: 'home', component: HomePage, meta: { titleKey: 'titles.home' } },
  {
    path: '/submit',
    name: 'submit',
    component: () => import('./pages/SubmitPage.vue'),
    meta: { titleKey: 'titles.submit' },
  },
  {
    path: '/submitted',
    name: 'submitted',
    component: () => import('./pages/SubmittedPage.vue'),
    meta: { titleKey: 'titles.submitted' },
  },
  {
    path: '/track/:trackingNo?',
    name: 'track',
    component: () => import('./pages/TrackPage.vue'),
    props: true,
    meta: { titleKey: 'titles.track' },
  },
  {
    path: '/public',
    name: 'public',
    component: () => import('./pages/PublicPage.vue'),
    meta: { titleKey: 'titles.public' },
  },
  {
    path: '/mailboxes',
    name: 'mailboxes',
    component: () => import('./pages/MailboxesPage.vue'),
    meta: { titleKey: 'titles.mailboxes' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'notFound',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'titles.notFound' },
  },
]

const RELOADED_KEY = 'lizheng.chunkReload'

/**
 * The portal's router. After a new release the chunk names change; a tab
 * opened before it fails to load a page chunk, so reload that URL once.
 */
export function createCitizenRouter(history = createWebHistory('/')) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      return saved || { top: 0 }
    },
  })
  router.onError((err, to) => {
    const chunkFailed = /dynamically imported module|Importing a module script failed|error loading dynamically/i
    if (!chunkFailed.test(String(err && err.message))) return
    try {
      if (sessionStorage.getItem(RELOADED_KEY) === to.fullPath) return
      sessionStorage.setItem(RELOADED_KEY, to.fullPath)
    } catch {
      return
    }
    window.location.assign(to.fullPath)
  })
  return router
}
