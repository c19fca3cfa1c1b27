// The workbench and the portal as a new user walks them: only what the
// server accepts is offered, and a missing step is explained before anyone
// writes; the highlighted button follows the next step; the published reply
// names its unit and time; the header, the dispatch form, the review screen,
// required fields, the search box, the phone field, the dispute form and the
// phone navigation read as they should.
import assert from 'node:assert/strict'
import { PHONE, portalSuite, signInStaff } from './harness.mjs'

const suite = portalSuite()
const DESK = { viewport: { width: 1440, height: 900 } }

async function openOrder(page, id, title) {
  await page.goto(`/staff/orders/${id}`)
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

const actions = (page) => page.getByRole('group', { name: '可办理的操作' })
const actionButton = (page, words) => actions(page).getByRole('button', { name: new RegExp(`^\\d?${words}$`) })
/** The words of the highlighted (primary) action button. */
async function primaryWords(page) {
  const primary = actions(page).locator('.el-button--primary')
  assert.equal(await primary.count(), 1, 'one primary action')
  return (await primary.innerText()).replace(/^\d/, '').trim()
}

/** A request filed by a citizen, accepted with a category and dispatched to 滨江街道. */
async function dispatched(api, title) {
  const receipt = await api.file({ title })
  const id = await api.workOrderId(receipt.tracking_no, 'to_accept')
  const { category, unitIds } = await api.referenceData()
  await api.act('operator', id, 'accept', { category_code: category })
  await api.act('dispatcher', id, 'dispatch', { unit_id: unitIds.get('dh-01') })
  return { id, receipt }
}

let handled = null // { id, title }: replied by scenario 1

suite.test(
  '1 after signing for, the handler is told to contact the citizen first, and the highlight moves to 答复 once done',
  { scenario: 'desk-1-steps', context: DESK },
  async ({ page, shot, api }) => {
    const title = '滨江路井盖松动有响声'
    const { id } = await dispatched(api, title)
    await api.act('dh01_handler', id, 'sign_for')
    handled = { id, title }

    await signInStaff(page, 'dh01_handler', '待签收')
    await openOrder(page, id, title)
    await actionButton(page, '联系群众').waitFor()
    assert.equal(await actionButton(page, '答复').count(), 0, '答复 is not offered before the first contact')
    const blocked = page.locator('[data-test="blocked-actions"]')
    assert.match(await blocked.innerText(), /答复：须先联系群众并记录首次联系/)
    assert.equal(await primaryWords(page), '联系群众')
    await shot('contact-first')

    await blocked.getByRole('button', { name: '去联系群众' }).click()
    const contact = page.getByRole('region', { name: '联系群众', exact: true })
    const method = contact.getByRole('combobox', { name: '联系方式' })
    await method.click({ force: true })
    await page.getByRole('option', { name: '电话', exact: true }).click()
    await contact.getByText('电话', { exact: true }).first().waitFor()
    await contact.getByRole('button', { name: '确认联系群众' }).click()
    await page.getByRole('status').filter({ hasText: '已完成：联系群众' }).waitFor()

    await actionButton(page, '答复').waitFor()
    assert.equal(await blocked.count(), 0, 'nothing waits for a step any more')
    assert.equal(await primaryWords(page), '答复', 'the highlight follows the next step')
    await shot('reply-next')

    await actionButton(page, '答复').click()
    const reply = page.getByRole('region', { name: '答复', exact: true })
    // The required field's name is read without the "*" drawn before it.
    const text = reply.getByRole('textbox', { name: '答复内容', exact: true })
    assert.equal(await text.getAttribute('aria-required'), 'true')
    await text.fill('您好！井盖已由市政养护单位更换固定，今后纳入日常巡查。如有问题请致电0791-88001234。')
    await reply.getByRole('button', { name: '确认答复' }).click()
    await page.locator('[data-test="order-state"]').filter({ hasText: /^待审核$/ }).waitFor()
  },
)

suite.test(
  '2 the reviewer reads the draft before the advice; the published reply names its unit and time',
  { scenario: 'desk-2-review', context: DESK },
  async ({ page, shot, api }) => {
    assert.ok(handled, 'scenario 1 replied')
    await signInStaff(page, 'reviewer', '待审核')
    await openOrder(page, handled.id, handled.title)
    const draft = page.locator('[data-test="draft-reply"]')
    await draft.waitFor()
    const advice = page.getByRole('heading', { level: 2, name: '智能研判' })
    await advice.waitFor()
    const [draftBox, adviceBox] = [await draft.boundingBox(), await advice.boundingBox()]
    assert.ok(draftBox.y < adviceBox.y, `the draft (y=${draftBox.y}) comes before the advice (y=${adviceBox.y})`)
    await shot('draft-first')

    await api.act('reviewer', handled.id, 'approve_reply')
    await page.reload()
    const by = page.locator('[data-test="reply-by"]')
    await by.waitFor()
    assert.match(await by.innerText(), /^东湖区滨江街道办事处 · \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    await shot('published-reply')
  },
)

suite.test(
  '3 the header names the person once; the dispatch form shows the category; Tab reaches the first result quickly',
  { scenario: 'desk-3-small', context: DESK },
  async ({ page, api }) => {
    await signInStaff(page, 'dispatcher', '待受理')
    assert.equal((await page.locator('[data-test="signed-in-user"]').innerText()).trim(), '赵文博 · 派单员')

    // From the search box to the first work order of the queue.
    await page.getByRole('table').getByRole('link').first().waitFor()
    await page.getByRole('search').getByRole('textbox').first().focus()
    const first = page.getByRole('table').getByRole('link').first()
    let presses = 0
    while (presses < 30 && !(await first.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab')
      presses += 1
    }
    assert.ok(presses <= 4, `${presses} Tab presses from the search box to the first result`)

    const receipt = await api.file({ title: '滨江路人行道地砖破损' })
    const id = await api.workOrderId(receipt.tracking_no, 'to_accept')
    await api.act('operator', id, 'accept', { category_code: (await api.referenceData()).category })
    await openOrder(page, id, '滨江路人行道地砖破损')
    await actionButton(page, '派单').click()
    const dispatch = page.getByRole('region', { name: '派单', exact: true })
    assert.equal(await dispatch.getByRole('textbox', { name: '分类' }).inputValue(), '城乡建设')
  },
)

suite.test(
  '4 on a phone: one line of navigation, full-width digits accepted, a satisfied citizen is not shown an open dispute form',
  { scenario: 'desk-4-citizen', context: PHONE },
  async ({ page, shot, api }) => {
    await page.goto('/')
    const links = page.getByRole('navigation', { name: '主导航' }).getByRole('link')
    assert.equal(await links.count(), 5)
    const tops = new Set()
    for (let i = 0; i < 5; i++) tops.add(Math.round((await links.nth(i).boundingBox()).y))
    assert.equal(tops.size, 1, `the navigation sits on one line (tops: ${[...tops].join(', ')})`)
    await shot('navigation')

    await page.goto('/submit')
    // Required fields are named without the "*".
    await page.getByRole('textbox', { name: '标题', exact: true }).waitFor()
    const phone = page.getByRole('textbox', { name: '联系电话' })
    await phone.fill('１３８００１３８０００')
    await phone.blur()
    await page.waitForFunction(() => document.querySelector('input[type=tel]').value === '13800138000')
    assert.equal(await page.locator('[data-field="phone"] .el-form-item__error').count(), 0, 'no complaint about the number')
    await shot('phone-normalised')

    const receipt = await api.file({ title: '滨江公园路灯已修好' })
    const id = await api.answer(receipt.tracking_no, '您好！公园路灯已修复。')
    await api.act('operator', id, 'callback', { resolved: true, satisfaction: 'satisfied' })
    await api.ok('POST', `/api/v1/requests/${receipt.tracking_no}/rate`, {
      headers: { 'X-Query-Code': receipt.query_code },
      body: { satisfaction: 'satisfied' },
    })
    await page.goto('/track')
    await page.getByLabel('受理编号').fill(receipt.tracking_no)
    await page.getByLabel('查询码').fill(receipt.query_code)
    await page.getByRole('button', { name: '查询', exact: true }).tap()
    const dispute = page.locator('[data-test="dispute"]')
    const open = dispute.getByRole('button', { name: '我仍有异议' })
    await open.waitFor()
    assert.equal(await dispute.getByRole('textbox').count(), 0, 'no open dispute form beside a satisfied rating')
    await shot('dispute-collapsed')
    await open.tap()
    await dispute.getByRole('textbox', { name: '异议理由', exact: true }).waitFor()
  },
)
