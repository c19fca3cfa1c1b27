// Checks the field names pages read from API answers against the OpenAPI
// document (docs/openapi.json), so that a page reading `reply.unit_name`
// where the API sends `reply.unit.name` fails a test instead of showing
// nothing. Two checks:
//
// - readPaths(): in a page's source, every chain of property reads that
//   starts at a name declared to hold an API value (`view.reply.unit.name`),
//   including the aliases of v-for loops and of array callbacks
//   (`v-for="c in view.running_clocks"`, `view.instructions.filter((i) => ...)`);
// - fixtureProblems(): a test fixture standing for an API answer has only
//   fields the document defines, with the right types.
//
// A name is declared with a schema spec: 'WorkOrderView', a path inside a
// schema 'Event.actor', or ['Clock'] for an array of a schema.

/** Members of arrays and strings a page may call or read: a chain ends there. */
const ARRAY_MEMBERS = new Set([
  'length', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'includes', 'indexOf', 'join',
  'slice', 'forEach', 'reduce', 'concat', 'flatMap', 'at', 'sort', 'toSorted',
])

/** Resolves $ref and a single-entry allOf (how the document writes nullable references). */
export function resolveSchema(doc, schema) {
  let s = schema
  for (let guard = 0; s && guard < 20; guard++) {
    if (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]
    else if (s.allOf && s.allOf.length === 1 && !s.properties) s = s.allOf[0]
    else break
  }
  return s
}

/** The schema of a spec ('Name', 'Name.a.b' or ['Name']); throws when the document lacks it. */
export function schemaOf(doc, spec) {
  if (Array.isArray(spec)) return { type: 'array', items: schemaOf(doc, spec[0]) }
  const [name, ...path] = spec.split('.')
  let s = doc.components.schemas[name]
  if (!s) throw new Error(`the OpenAPI document has no schema ${name}`)
  for (const p of path) {
    s = resolveSchema(doc, s)
    if (!s.properties || !s.properties[p]) throw new Error(`the OpenAPI document has no ${spec}`)
    s = s.properties[p]
  }
  return s
}

/**
 * Walks `fields` from `schema`. Returns { schema } of where the chain ends,
 * or { problem } naming the first field the schema does not define.
 */
export function walk(doc, schema, fields) {
  let s = resolveSchema(doc, schema)
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    if (!s) return { schema: s }
    if (s.type === 'array') {
      if (ARRAY_MEMBERS.has(f)) return { schema: s }
      return { problem: `'${f}' is read from an array` }
    }
    if (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.type === 'boolean') return { schema: s }
    if (s.properties) {
      if (!(f in s.properties)) {
        return { problem: `no field '${f}' (defined: ${Object.keys(s.properties).join(', ')})` }
      }
      s = resolveSchema(doc, s.properties[f])
      continue
    }
    return { schema: s } // a free-form object (event data): any key
  }
  return { schema: s }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const CHAIN = '((?:\\??\\.[A-Za-z_$][\\w$]*)+)'

/** The property reads after `root` in `source`: [{ fields, text }]. */
function chainsOf(source, root, { isRef }) {
  const re = new RegExp(`(?<![\\w$.'"\`/-])${escape(root)}${CHAIN}`, 'g')
  const out = []
  for (const m of source.matchAll(re)) {
    let fields = m[1].split('.').map((f) => f.replace(/\?$/, '')).filter(Boolean)
    if (isRef && fields[0] === 'value') fields = fields.slice(1)
    out.push({ fields, text: root + m[1] })
  }
  return out
}

/**
 * The names a source binds to elements of declared arrays: v-for aliases and
 * the first parameter of array callbacks. Returns { alias: schema }.
 */
function aliasesOf(doc, source, roots) {
  const found = {}
  const bind = (alias, root, fields) => {
    const end = walk(doc, roots[root].schema, fields)
    const s = end.schema && resolveSchema(doc, end.schema)
    if (s && s.type === 'array') (found[alias] ||= []).push(s.items)
  }
  const names = Object.keys(roots).sort((a, b) => b.length - a.length).map(escape).join('|')
  const vfor = new RegExp(`v-for="\\(?\\s*([A-Za-z_$][\\w$]*)[^"]*?\\s(?:in|of)\\s+(${names})((?:\\??\\.[A-Za-z_$][\\w$]*)*)\\s*"`, 'g')
  for (const m of source.matchAll(vfor)) {
    let fields = m[3].split('.').map((f) => f.replace(/\?$/, '')).filter(Boolean)
    if (roots[m[2]].isRef && fields[0] === 'value') fields = fields.slice(1)
    bind(m[1], m[2], fields)
  }
  const callback = new RegExp(
    `(?<![\\w$.])(${names})((?:\\??\\.[A-Za-z_$][\\w$]*)*)\\??\\.(?:map|filter|some|every|find|findIndex|forEach|flatMap)\\(\\s*\\(?\\s*([A-Za-z_$][\\w$]*)`,
    'g',
  )
  for (const m of source.matchAll(callback)) {
    let fields = m[2].split('.').map((f) => f.replace(/\?$/, '')).filter(Boolean)
    if (roots[m[1]].isRef && fields[0] === 'value') fields = fields.slice(1)
    bind(m[3], m[1], fields)
  }
  return found
}

/**
 * Every read of a declared name in `source` that the document does not
 * define: [{ text, problem }]. `declared` maps names to schema specs; a name
 * declared with { ref: spec } is a Vue ref (its `.value` is skipped in script).
 */
export function readProblems(doc, source, declared) {
  const roots = {}
  for (const [name, spec] of Object.entries(declared)) {
    const isRef = Boolean(spec && spec.ref)
    roots[name] = { schema: schemaOf(doc, isRef ? spec.ref : spec), isRef }
  }
  const aliases = aliasesOf(doc, source, roots)
  const problems = []
  const check = (root, schemas, isRef) => {
    for (const { fields, text } of chainsOf(source, root, { isRef })) {
      const results = schemas.map((s) => walk(doc, s, fields))
      // An alias bound in several loops may stand for any of their items.
      if (results.every((r) => r.problem)) problems.push({ text, problem: results[0].problem })
    }
  }
  for (const [name, r] of Object.entries(roots)) check(name, [r.schema], r.isRef)
  for (const [alias, schemas] of Object.entries(aliases)) if (!(alias in roots)) check(alias, schemas, false)
  return problems
}

function typeOk(s, v) {
  if (v === null) return Boolean(s.nullable)
  switch (s.type) {
    case 'string': return typeof v === 'string'
    case 'integer': return Number.isInteger(v)
    case 'number': return typeof v === 'number'
    case 'boolean': return typeof v === 'boolean'
    case 'array': return Array.isArray(v)
    case 'object': return typeof v === 'object' && !Array.isArray(v)
    default: return true
  }
}

/**
 * What is wrong with `value` as an instance of `schema`: fields the document
 * does not define and values of the wrong type, as ["path: problem"]. Missing
 * fields are allowed (fixtures are trimmed) unless `complete`.
 */
export function fixtureProblems(doc, schema, value, path = '$', { complete = false } = {}) {
  const wrapper = schema && !schema.$ref && schema.allOf ? schema : null
  const s = resolveSchema(doc, schema)
  if (!s) return []
  const nullable = Boolean((wrapper && wrapper.nullable) || s.nullable)
  if (value === null) return nullable ? [] : [`${path}: null is not allowed`]
  if (!typeOk({ ...s, nullable }, value)) return [`${path}: expected ${s.type}, got ${JSON.stringify(value)}`]
  if (s.enum && !s.enum.includes(value)) return [`${path}: '${value}' is not one of ${s.enum.join(', ')}`]
  const out = []
  if (s.type === 'array') value.forEach((v, i) => out.push(...fixtureProblems(doc, s.items, v, `${path}[${i}]`, { complete })))
  if (s.properties) {
    for (const [k, v] of Object.entries(value)) {
      if (!(k in s.properties)) {
        if (s.additionalProperties === false) out.push(`${path}.${k}: not defined by the OpenAPI document`)
        continue
      }
      out.push(...fixtureProblems(doc, s.properties[k], v, `${path}.${k}`, { complete }))
    }
    if (complete) for (const k of s.required || []) if (!(k in value)) out.push(`${path}.${k}: required, missing`)
  }
  return out
}
