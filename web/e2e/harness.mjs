// Shared harness of the citizen portal's browser tests (node:test + the
// playwright-core library driving Debian's /usr/bin/chromium; no browser is
// ever downloaded).
//
// portalSuite() gives a test file one real platform for all its tests:
// `lizheng demo` fills a temporary database with the demo city 江川市,
// `lizheng serve` serves it with the built pages (web/dist) on a free port,
// and one headless Chromium drives it. Each test gets a fresh browser context
// (own cookies, storage and cache) and a screenshot helper. When Chromium,
// the lizheng binary or web/dist is missing, every test is skipped and says
// which one.
//
// Environment: LIZHENG_BIN (default ../build/src/cli/lizheng), LIZHENG_WEB
// (default dist), both relative to web/ unless absolute; LIZHENG_CHROMIUM
// (default /usr/bin/chromium).
import { spawn, execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { after, before, test } from 'node:test'

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url))
export const SCREENSHOT_DIR = join(WEB_DIR, 'test-results', 'screenshots')
export const LIZHENG_BIN = resolve(WEB_DIR, process.env.LIZHENG_BIN || '../build/src/cli/lizheng')
export const WEB_DIST = resolve(WEB_DIR, process.env.LIZHENG_WEB || 'dist')
export const CHROMIUM = process.env.LIZHENG_CHROMIUM || '/usr/bin/chromium'

/** Chromium flags: no sandbox (root in a container), nothing phoning home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Every demo account's password (README.md, "Demo accounts"). */
export const DEMO_PASSWORD = 'lizheng-demo'

/**
 * Signs a demo account in at /staff/login and waits for the page it lands
 * on: the heading `landing` when given, else any page but the sign-in one.
 */
export async function signInStaff(page, username, landing) {
  await page.goto('/staff/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  if (landing) await page.getByRole('heading', { level: 1, name: landing }).waitFor()
  else await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Why the suite cannot run here, or null when it can. */
export function missingPrerequisites() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  if (!existsSync(LIZHENG_BIN)) return `no lizheng binary at ${LIZHENG_BIN} (build it, or set LIZHENG_BIN)`
  if (!existsSync(join(WEB_DIST, 'index.html')))
    return `no built pages at ${WEB_DIST} (run npm run build, or set LIZHENG_WEB)`
  return null
}

/**
 * A `lizheng serve` of a fresh demo database in its own temporary directory.
 * start() resolves once /api/v1/health answers; stop() sends SIGTERM, waits
 * for the exit (SIGKILL after 5 s) and removes the directory.
 */
export class LizhengServer {
  /** serveArgs: more flags of `lizheng serve`, e.g. ['--now', '2026-12-07T09:00:00+08:00']. */
  constructor({ serveArgs = [] } = {}) {
    this.serveArgs = serveArgs
    this.dir = null
    this.child = null
    this.baseUrl = ''
    this.output = '' // the server's stdout and stderr, for failure messages
    this.exited = null // { code, signal } once the process has ended
  }

  async start() {
    this.dir = mkdtempSync(join(tmpdir(), 'lizheng-e2e-'))
    const db = join(this.dir, 'db')
    try {
      await promisify(execFile)(LIZHENG_BIN, ['demo', '--db', db], { timeout: 60_000 })
    } catch (err) {
      throw new Error(`lizheng demo --db ${db} failed: ${err.message}\n${err.stdout || ''}${err.stderr || ''}`)
    }
    const portFile = join(this.dir, 'port')
    const args = ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--port-file', portFile, '--web', WEB_DIST]
    args.push(...this.serveArgs)
    this.child = spawn(LIZHENG_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString()).slice(-20_000)
    }
    this.child.stdout.on('data', keep)
    this.child.stderr.on('data', keep)
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal }
    })
    // A crashed test process must not leave the server running.
    this.killOnExit = () => this.child && !this.exited && this.child.kill('SIGKILL')
    process.on('exit', this.killOnExit)

    const port = await this.waitForPort(portFile, 15_000)
    this.baseUrl = `http://127.0.0.1:${port}`
    await this.waitForHealth(15_000)
    return this
  }

  async waitForPort(portFile, ms) {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`lizheng serve exited early (${JSON.stringify(this.exited)}):\n${this.output}`)
      if (existsSync(portFile)) {
        const port = Number.parseInt(readFileSync(portFile, 'utf8').trim(), 10)
        if (port > 0) return port
      }
      await sleep(25)
    }
    throw new Error(`lizheng serve wrote no port to ${portFile} within ${ms} ms:\n${this.output}`)
  }

  async waitForHealth(ms) {
    const deadline = Date.now() + ms
    let last = ''
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`lizheng serve exited early (${JSON.stringify(this.exited)}):\n${this.output}`)
      try {
        const r = await fetch(`${this.baseUrl}/api/v1/health`)
        if (r.ok) return
        last = `HTTP ${r.status}`
      } catch (err) {
        last = err.message
      }
      await sleep(25)
    }
    throw new Error(`lizheng serve at ${this.baseUrl} not healthy within ${ms} ms (${last}):\n${this.output}`)
  }

  async stop() {
    if (this.child && !this.exited) {
      const ended = new Promise((r) => this.child.once('exit', r))
      this.child.kill('SIGTERM')
      const killed = await Promise.race([ended.then(() => false), sleep(5_000).then(() => true)])
      if (killed) {
        this.child.kill('SIGKILL')
        await ended
      }
    }
    if (this.killOnExit) process.off('exit', this.killOnExit)
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
    this.dir = null
  }
}

/** Headless Debian Chromium with a fresh temporary profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

/**
 * The real HTTP API (/api/v1, docs/openapi.json) for what the tests do as
 * staff or check behind the browser's back. Tokens are cached per user.
 */
export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl
    this.tokens = new Map()
    this.reference = null
  }

  /** { status, body } of one call; body is parsed JSON (or null). */
  async call(method, path, { token, body, headers = {} } = {}) {
    const h = { Accept: 'application/json', ...headers }
    if (token) h.Authorization = `Bearer ${token}`
    if (body !== undefined) h['Content-Type'] = 'application/json'
    const r = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    let parsed = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: r.status, body: parsed }
  }

  /** The body of a call that must answer `expected`; throws with the details otherwise. */
  async ok(method, path, options = {}, expected = [200]) {
    const r = await this.call(method, path, options)
    if (!expected.includes(r.status))
      throw new Error(`${method} ${path} -> ${r.status} (wanted ${expected}): ${JSON.stringify(r.body)}`)
    return r.body
  }

  async token(username) {
    if (!this.tokens.has(username)) {
      const r = await this.ok('POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } })
      this.tokens.set(username, r.token)
    }
    return this.tokens.get(username)
  }

  async get(path, username) {
    return this.ok('GET', path, { token: username ? await this.token(username) : undefined })
  }

  /** POST /api/v1/work-orders/{id}/{action} as `username`. */
  async act(username, id, action, body = {}) {
    return this.ok('POST', `/api/v1/work-orders/${id}/${action}`, { token: await this.token(username), body })
  }

  /** The number of work orders the dispatcher sees (every one of the jurisdiction). */
  async workOrderCount() {
    return (await this.get('/api/v1/work-orders?total=true&limit=1', 'dispatcher')).total
  }

  /** The work order id of a tracking number, searched in a queue (default: all). */
  async workOrderId(trackingNo, queue = 'all') {
    let path = `/api/v1/work-orders?queue=${queue}&limit=200`
    for (let page = 0; page < 50; page++) {
      const r = await this.get(path, 'dispatcher')
      const hit = r.items.find((w) => w.tracking_no === trackingNo)
      if (hit) return hit.id
      if (!r.next_cursor) break
      path = `/api/v1/work-orders?queue=${queue}&limit=200&cursor=${encodeURIComponent(r.next_cursor)}`
    }
    throw new Error(`no work order ${trackingNo} in queue ${queue}`)
  }

  /** Ids the closed loop needs: a first-level category code and unit ids by code. */
  async referenceData() {
    if (!this.reference) {
      const [units, categories] = await Promise.all([this.get('/api/v1/units'), this.get('/api/v1/categories')])
      const top = categories.items.filter((c) => c.level === 1)
      const category = (top.find((c) => c.name === '城乡建设') || top[0]).code
      this.reference = { category, unitIds: new Map(units.items.map((u) => [u.code, u.id])) }
    }
    return this.reference
  }

  /**
   * Carries a submitted request through the loop to 待回访 (answered): the
   * operator accepts it, the dispatcher sends it to 滨江街道 (dh-01), whose
   * handler signs for it, phones the citizen and replies; the reviewer
   * approves the reply (tests/support/closed_loop.cpp does the same).
   */
  async answer(trackingNo, replyText) {
    const { category, unitIds } = await this.referenceData()
    const id = await this.workOrderId(trackingNo, 'to_accept')
    await this.act('operator', id, 'accept', { category_code: category })
    await this.act('dispatcher', id, 'dispatch', { unit_id: unitIds.get('dh-01') })
    await this.act('dh01_handler', id, 'sign_for')
    await this.act('dh01_handler', id, 'contact', { method: 'phone', note: '已电话联系群众，核实了情况' })
    await this.act('dh01_handler', id, 'reply', { text: replyText })
    await this.act('reviewer', id, 'approve_reply')
    return id
  }

  /** A request filed as a citizen through POST /api/v1/requests; resolves to the receipt. */
  async file(overrides = {}) {
    const body = {
      type: 'complaint',
      title: '滨江路路灯夜间不亮',
      detail: '滨江路12号小区东门外三盏路灯已经一周不亮，晚上行人看不清路，请尽快修复。',
      area_code: 'dh-01',
      address: '滨江路12号',
      citizen: { name: '王女士', phone: '13800138000' },
      consent_public: true,
      ...overrides,
    }
    return this.ok('POST', '/api/v1/requests', { body }, [201])
  }

  /** GET /api/v1/requests/{no} with the query code: the citizen's view. */
  async citizenView(trackingNo, queryCode) {
    return this.ok('GET', `/api/v1/requests/${encodeURIComponent(trackingNo)}`, {
      headers: { 'X-Query-Code': queryCode },
    })
  }
}

/** Polls `condition` (an async predicate) until it holds; fails with `what` after `ms`. */
export async function eventually(condition, what, ms = 5_000) {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for: ${what}`)
    await sleep(50)
  }
}

/**
 * Ticks an Element Plus radio or checkbox the way a person does: a tap or
 * click on its visible words (the real <input> is transparent under a
 * painted box), then waits until the control reports checked.
 */
export async function tick(control, words, { tap = false } = {}) {
  if (tap) await words.tap()
  else await words.click()
  await eventually(() => control.isChecked(), `${control} checked`)
}

/**
 * Saves full-page screenshots as test-results/screenshots/<scenario>-<nn>-<step>.png,
 * numbered in the order taken. The scenario's screenshots of an earlier run
 * are removed first, so the folder shows the last run only.
 */
export function screenshotter(scenario) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  for (const f of readdirSync(SCREENSHOT_DIR))
    if (f.startsWith(`${scenario}-`) && f.endsWith('.png')) rmSync(join(SCREENSHOT_DIR, f))
  let n = 0
  return async (page, step) => {
    n += 1
    const file = join(SCREENSHOT_DIR, `${scenario}-${String(n).padStart(2, '0')}-${step}.png`)
    // CSS pixels: a phone's 2x screen would quadruple the encoding time.
    await page.screenshot({ path: file, fullPage: true, scale: 'css' })
    return file
  }
}

/** Phone-sized context options (an iPhone-like 375×812 touch screen). */
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/**
 * One platform and one browser for the tests of a file (serveArgs: more
 * flags of `lizheng serve`, such as --now). Use suite.test()
 * instead of node:test's test(): it skips with the reason when a
 * prerequisite is missing, and gives the test body
 * { t, page, context, shot, api, baseUrl }. `shot(step)` screenshots the
 * page; a failing test also gets a "failure" screenshot. Uncaught errors in
 * the page fail the test.
 */
export function portalSuite({ serveArgs = [] } = {}) {
  const suite = {
    skipReason: missingPrerequisites(),
    server: null,
    browser: null,
    api: null,
    get baseUrl() {
      return this.server ? this.server.baseUrl : ''
    },
  }

  before(
    async () => {
      if (suite.skipReason) return
      const server = new LizhengServer({ serveArgs })
      suite.server = server // stopped by after() even when start() fails half-way
      const [started, launched] = await Promise.allSettled([server.start(), launchChromium()])
      if (launched.status === 'fulfilled') suite.browser = launched.value
      if (started.status === 'rejected') throw started.reason
      if (launched.status === 'rejected') throw launched.reason
      suite.api = new Api(server.baseUrl)
    },
    { timeout: 90_000 },
  )

  after(async () => {
    if (suite.browser) await suite.browser.close()
    if (suite.server) await suite.server.stop()
  })

  /**
   * name: what the test shows; options: scenario (the screenshots' file
   * prefix; no scenario's name may start another's), context (Playwright
   * context options, e.g. PHONE), timeout, todo (node:test's: runs and
   * reports, but a failure does not fail the suite).
   */
  suite.test = (name, { scenario, context: contextOptions = {}, timeout = 60_000, todo } = {}, body) =>
    test(name, { timeout, todo }, async (t) => {
      if (suite.skipReason) {
        t.skip(suite.skipReason)
        return
      }
      const context = await suite.browser.newContext({
        baseURL: suite.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...contextOptions,
      })
      context.setDefaultTimeout(10_000)
      const page = await context.newPage()
      const pageErrors = []
      page.on('pageerror', (err) => pageErrors.push(err.message))
      const save = screenshotter(scenario)
      const shot = (step, p = page) => save(p, step)
      try {
        await body({ t, page, context, shot, api: suite.api, baseUrl: suite.baseUrl })
        if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join(' | ')}`)
      } catch (err) {
        await shot('failure').catch(() => {})
        throw err
      } finally {
        await context.close()
      }
    })

  return suite
}
