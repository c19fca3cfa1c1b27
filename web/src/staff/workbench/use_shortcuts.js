// Single-key shortcuts for operators who handle hundreds of work orders a
// day. Keys typed into a field are left alone, except Escape; modifier
// combinations are left to the browser, except those a handler names
// ('Ctrl+Enter').
import { onBeforeUnmount, onMounted } from 'vue'

function inField(target) {
  if (!target || !target.tagName) return false
  const tag = target.tagName.toLowerCase()
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable
}

/** The name of a key event as used in the handler map: 'j', 'Enter', 'Ctrl+Enter', '?'. */
export function keyName(event) {
  const mods = []
  if (event.ctrlKey || event.metaKey) mods.push('Ctrl')
  if (event.altKey) mods.push('Alt')
  return [...mods, event.key].join('+')
}

/**
 * handlers: { key: (event) => void }. A handler runs when its key is pressed
 * outside a text field (Escape and Ctrl+ combinations also inside one); the
 * event's default is then prevented.
 */
export function useShortcuts(handlers) {
  const onKey = (event) => {
    if (event.defaultPrevented || event.isComposing) return
    const name = keyName(event)
    const handler = handlers[name]
    if (!handler) return
    const plain = !name.includes('Ctrl+') && !name.includes('Alt+') && name !== 'Escape'
    if (plain && inField(event.target)) return
    event.preventDefault()
    handler(event)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
