// v-input-label="words": names the text box inside a component that passes
// neither `id` nor aria attributes to its <input> (Element Plus's cascader),
// so screen readers and label-based lookups find it by its field's label.
function apply(el, words) {
  const input = el.querySelector('input')
  if (input && words) input.setAttribute('aria-label', words)
}

export const vInputLabel = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}
