// Areas and categories arrive as flat lists with parent codes
// (GET /api/v1/areas, /categories). These helpers turn them into the nested
// options the selectors need, keeping the server's order.

/**
 * Flat [{code, name, parent_code}] -> [{value, label, children?}] roots.
 * Leaves have no `children` key, so cascaders treat them as leaves. Items
 * whose parent is missing become roots rather than disappearing.
 */
export function buildTree(items) {
  const nodes = new Map()
  for (const it of items || []) nodes.set(it.code, { value: it.code, label: it.name })
  const roots = []
  for (const it of items || []) {
    const node = nodes.get(it.code)
    const parent = it.parent_code ? nodes.get(it.parent_code) : null
    if (parent) (parent.children ||= []).push(node)
    else roots.push(node)
  }
  return roots
}

/** code -> name lookup for a flat list. */
export function namesByCode(items) {
  return new Map((items || []).map((it) => [it.code, it.name]))
}
