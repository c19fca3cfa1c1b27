// Copying text for the citizen (tracking number, query code). The async
// Clipboard API needs a secure context; on plain http fall back to a hidden
// textarea and execCommand('copy'). Resolves true when it worked.
export async function copyText(text) {
  try {
    if (globalThis.navigator && navigator.clipboard && globalThis.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the textarea
  }
  try {
    const ta = document.createElement('textarea')
    ta.value = text
    ta.setAttribute('readonly', '')
    ta.style.position = 'fixed'
    ta.style.opacity = '0'
    document.body.appendChild(ta)
    ta.select()
    const ok = document.execCommand('copy')
    document.body.removeChild(ta)
    return ok
  } catch {
    return false
  }
}
