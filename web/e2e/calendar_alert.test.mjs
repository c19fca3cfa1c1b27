// In the run-up to a year without its official working calendar, the
// administrator sees it on the staff pages right after signing in, in
// Chinese first, with how to import the calendar; the dispatcher does not.
// The server's clock starts on 7 December 2026, 25 days before 2027.
import assert from 'node:assert/strict'
import { portalSuite, signInStaff } from './harness.mjs'

const suite = portalSuite({ serveArgs: ['--now', '2026-12-07T09:00:00+08:00'] })

suite.test('the administrator is told that 2027 has no working calendar', { scenario: 'calendar-alert' }, async ({ page, shot, baseUrl }) => {
  const health = await (await fetch(`${baseUrl}/api/v1/health`)).json()
  assert.equal(health.status, 'degraded')
  assert.deepEqual(
    health.problems.map((p) => [p.code, p.jurisdiction, p.year]),
    [['calendar_missing', 'jc', 2027]],
  )

  await signInStaff(page, 'admin')
  const alert = page.getByRole('alert').filter({ hasText: '缺少 2027 年工作日历' })
  await alert.waitFor()
  assert.match(await alert.innerText(), /lizheng calendar import --year 2027/)
  await shot('admin')
})

suite.test('the dispatcher is not troubled with it', { scenario: 'calendar-dispatcher' }, async ({ page }) => {
  await signInStaff(page, 'dispatcher')
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  assert.equal(await page.getByText('缺少 2027 年工作日历').count(), 0)
})
