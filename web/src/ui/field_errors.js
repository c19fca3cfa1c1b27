// v-field-errors on an Element Plus <el-form>: ties each field's error
// message to its control for assistive technology. Element Plus paints the
// message under the field but does not say which control it belongs to, so
// a screen reader hears neither that the field is invalid nor why. While a
// form item shows an error, its control gets aria-invalid="true" and
// aria-describedby naming the message; both go once the message goes.
// A MutationObserver follows the messages, which Element Plus renders late.
let counter = 0

const CONTROL = 'input:not([type=hidden]), textarea, [role=radiogroup], [role=combobox]'

function sync(form) {
  for (const item of form.querySelectorAll('.el-form-item')) {
    const control = item.querySelector(CONTROL)
    if (!control) continue
    const message = item.querySelector('.el-form-item__error')
    if (message && message.textContent.trim()) {
      if (!message.id) message.id = `lz-field-error-${++counter}`
      if (control.getAttribute('aria-describedby') !== message.id) control.setAttribute('aria-describedby', message.id)
      if (control.getAttribute('aria-invalid') !== 'true') control.setAttribute('aria-invalid', 'true')
    } else if (control.hasAttribute('aria-describedby') && control.getAttribute('aria-describedby').startsWith('lz-field-error-')) {
      control.removeAttribute('aria-describedby')
      control.setAttribute('aria-invalid', 'false')
    }
  }
}

export const vFieldErrors = {
  mounted(el) {
    sync(el)
    el._lzFieldErrors = new MutationObserver(() => sync(el))
    el._lzFieldErrors.observe(el, { childList: true, subtree: true, characterData: true })
  },
  unmounted(el) {
    if (el._lzFieldErrors) el._lzFieldErrors.disconnect()
  },
}
