// A clock for the page: `now` (epoch ms) advancing every `everyMs` while the
// component is mounted, so countdowns move without asking the server.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useNow(everyMs = 30_000) {
  const now = ref(Date.now())
  let timer = null
  onMounted(() => {
    timer = setInterval(() => {
      now.value = Date.now()
    }, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
