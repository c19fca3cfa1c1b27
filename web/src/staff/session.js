// The signed-in staff member of this tab, shared by the staff pages.
import { ref } from 'vue'
import { currentUser, login, logout } from '@/api/auth_api.js'

/** The signed-in user (openapi.json, User) or null. */
export const user = ref(null)
let checked = null

/** Asks the server once per page load who is signed in (cookie session). */
export function ensureSession() {
  if (!checked) {
    checked = currentUser()
      .then((u) => {
        user.value = u
      })
      .catch(() => {
        user.value = null
        checked = null // try again on the next navigation
      })
  }
  return checked
}

export async function signIn(username, password) {
  const data = await login(username, password)
  user.value = data.user
  checked = Promise.resolve()
}

export async function signOut() {
  try {
    await logout()
  } finally {
    user.value = null
  }
}

/** Forgets the session state of this page load (component tests). */
export function resetSession() {
  user.value = null
  checked = null
}
