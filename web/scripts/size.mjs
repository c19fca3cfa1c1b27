#!/usr/bin/env node
// Prints the gzipped size of what the citizen portal's home page loads
// first: the scripts and stylesheets of dist/index.html and, transitively,
// the static imports of those scripts (dynamic import() chunks, the other
// pages, are not counted). Exits 1 above the budget, 2 when dist is missing.
//
//   node scripts/size.mjs [--budget-kb 300] [--html dist/index.html]
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const arg = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const budgetKb = Number(arg('--budget-kb', '300'))
const htmlPath = resolve(webRoot, arg('--html', 'dist/index.html'))
const distRoot = dirname(htmlPath)

if (!existsSync(htmlPath)) {
  console.error(`size: ${relative(webRoot, htmlPath)} not found; run "npm run build" first`)
  process.exit(2)
}

/** A URL path of the site ("/assets/x.js") or relative to `from` -> file in dist. */
function toFile(url, fromUrl) {
  const clean = url.split(/[?#]/)[0]
  const sitePath = clean.startsWith('/') ? clean : posix.join(posix.dirname(fromUrl), clean)
  return { sitePath, file: join(distRoot, ...sitePath.split('/').filter(Boolean)) }
}

const html = readFileSync(htmlPath, 'utf8')
const tagAttr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? m[1] ?? m[2] ?? m[3] : null
}

const scripts = []
const styles = []
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = tagAttr(tag, 'src')
  if (src && !/^[a-z]+:/i.test(src)) scripts.push(src)
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = (tagAttr(tag, 'rel') || '').toLowerCase()
  const href = tagAttr(tag, 'href')
  if (!href || /^[a-z]+:/i.test(href)) continue
  if (rel === 'stylesheet') styles.push(href)
  if (rel === 'modulepreload') scripts.push(href)
}

// Static imports in minified ES modules: import"x"; import{a}from"x";
// import*as n from"x"; export{a}from"x". Not import("x"), which is lazy.
const STATIC_IMPORT = /(?:^|[;\s}{)])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.m?js)["']/g

const seen = new Map() // sitePath -> { kind, raw, gzip }
function add(kind, url, fromUrl = '/index.html') {
  const { sitePath, file } = toFile(url, fromUrl)
  if (seen.has(sitePath)) return
  if (!existsSync(file)) {
    console.error(`size: ${sitePath} is referenced but missing`)
    process.exit(2)
  }
  const body = readFileSync(file)
  seen.set(sitePath, { kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })
  if (kind === 'js') {
    for (const m of body.toString('utf8').matchAll(STATIC_IMPORT)) add('js', m[1], sitePath)
  }
}

for (const s of scripts) add('js', s)
for (const s of styles) add('css', s)

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
let total = 0
let totalRaw = 0
const rows = [...seen.entries()].sort((a, b) => b[1].gzip - a[1].gzip)
console.log(`First load of ${relative(webRoot, htmlPath)} (gzip -9):`)
for (const [path, r] of rows) {
  total += r.gzip
  totalRaw += r.raw
  console.log(`  ${r.kind.padEnd(3)} ${kb(r.gzip).padStart(9)}  (${kb(r.raw).padStart(9)} raw)  ${path}`)
}
const js = rows.filter(([, r]) => r.kind === 'js').reduce((n, [, r]) => n + r.gzip, 0)
const css = total - js
console.log(`  total ${kb(total)} gzipped (JS ${kb(js)}, CSS ${kb(css)}; ${kb(totalRaw)} raw); budget ${budgetKb} KB`)
if (total > budgetKb * 1024) {
  console.error(`size: over budget by ${kb(total - budgetKb * 1024)}`)
  process.exit(1)
}
