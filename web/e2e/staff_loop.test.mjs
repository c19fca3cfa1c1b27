// The closed loop in the workbench, in a real browser: a dispatcher accepts
// and dispatches a citizen's request, the street's handler signs for it,
// contacts the citizen and replies, its manager returns another request, the
// reviewer sends the reply back and then approves it, the callback closes it
// and the citizen rates it on the portal. Every step is checked behind the
// browser's back through the API.
import assert from 'node:assert/strict'
import { PHONE, portalSuite, signInStaff, tick } from './harness.mjs'

const suite = portalSuite()
const DESK = { viewport: { width: 1440, height: 900 } }

const REQUEST = {
  title: '桂花路口红绿灯旁路灯杆倾斜',
  detail: '滨江街道桂花路口红绿灯旁边的路灯杆明显倾斜，下雨天更严重，担心倒下砸到行人，请尽快处理。',
  area_code: 'dh-01',
  address: '桂花路与滨江路交叉口',
  citizen: { name: '陈先生', phone: '13700001111' },
}
let filed = null // { id, trackingNo, queryCode }

/** Opens the work order titled `title` from the current queue page. */
async function openFromQueue(page, title) {
  await page.getByRole('table').getByRole('link', { name: title }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

/** Clicks an action button by its words (the buttons carry a number key first). */
async function startAction(page, words) {
  await page
    .getByRole('group', { name: '可办理的操作' })
    .getByRole('button', { name: new RegExp(`^\\d?${words}$`) })
    .click()
  return page.getByRole('region', { name: words, exact: true })
}

/** Picks `option` in the select labelled `label` inside `scope`, typing to filter when asked. */
async function choose(page, scope, label, option, { type } = {}) {
  const box = scope.getByRole('combobox', { name: label })
  await box.click({ force: true })
  if (type) await box.fill(type)
  const item = page.getByRole('option', { name: option, exact: true })
  const list = page.getByRole('listbox').filter({ has: item })
  // A click that lands while the list is still opening is lost by Element
  // Plus; click again until the list closes on the choice.
  for (let attempt = 0; ; attempt++) {
    await item.click()
    try {
      await list.waitFor({ state: 'hidden', timeout: 2_000 })
      break
    } catch (err) {
      if (attempt === 2) throw err
    }
  }
  await scope.getByText(option, { exact: true }).first().waitFor() // shown as chosen
}

async function stateShown(page, state) {
  await page.locator('[data-test="order-state"]').filter({ hasText: new RegExp(`^${state}$`) }).waitFor()
}

suite.test(
  '1 the dispatcher accepts the request and dispatches it to the 滨江街道 office',
  { scenario: 'staff-1-dispatch', context: DESK },
  async ({ page, shot, api }) => {
    const receipt = await api.file(REQUEST)
    filed = { trackingNo: receipt.tracking_no, queryCode: receipt.query_code }
    filed.id = await api.workOrderId(filed.trackingNo, 'to_accept')

    await signInStaff(page, 'dispatcher', '待受理')
    const counts = page.getByRole('navigation', { name: '工单队列' })
    await counts.getByRole('link', { name: /^待受理\s*\d+/ }).waitFor()
    await page.getByRole('table').getByRole('link', { name: REQUEST.title }).waitFor()
    await shot('queue-to-accept')

    await openFromQueue(page, REQUEST.title)
    await page.getByText(REQUEST.detail).waitFor()
    await shot('work-order')

    const accept = await startAction(page, '受理')
    // The category: the keyword rules or the model filled in the first
    // level; the dispatcher refines it, typed into the cascader and picked
    // from its suggestions.
    const category = accept.getByRole('textbox', { name: '分类' })
    assert.equal(await category.inputValue(), '城乡建设')
    await category.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('路灯照明')
    await page.getByRole('listitem').filter({ hasText: '城乡建设 / 市容市貌 / 路灯照明' }).click()
    await shot('accept-form')
    await accept.getByRole('button', { name: '确认受理' }).click()
    await stateShown(page, '已受理')
    await page.getByRole('status').filter({ hasText: '已完成：受理' }).waitFor()

    const dispatch = await startAction(page, '派单')
    await dispatch.getByRole('button', { name: '确认派单' }).click()
    await dispatch.getByText('请选择这一项').waitFor() // no unit chosen: nothing sent
    assert.equal((await api.get(`/api/v1/work-orders/${filed.id}`, 'dispatcher')).state.code, 'accepted')
    await choose(page, dispatch, '主办单位', '东湖区滨江街道办事处', { type: '滨江' })
    await dispatch.getByLabel('备注').fill('路灯杆倾斜有安全隐患，请尽快到现场处置。')
    await shot('dispatch-form')
    await dispatch.getByRole('button', { name: '确认派单' }).click()
    await stateShown(page, '待签收')
    await shot('dispatched')

    const wo = await api.get(`/api/v1/work-orders/${filed.id}`, 'dispatcher')
    assert.equal(wo.state.code, 'dispatched')
    assert.equal(wo.lead_unit.name, '东湖区滨江街道办事处')
    assert.equal(wo.category.name, '路灯照明')
  },
)

suite.test(
  '2 the street signs for it, contacts the citizen and replies; its manager returns another request',
  { scenario: 'staff-2-unit', context: DESK },
  async ({ page, context, shot, api }) => {
    assert.ok(filed, 'scenario 1 dispatched the request')
    await signInStaff(page, 'dh01_handler', '待签收')
    await shot('queue-to-sign-for')
    await openFromQueue(page, REQUEST.title)
    await page.locator('[data-test="clock"]').filter({ hasText: '签收' }).first().waitFor() // the sign-for clock runs
    await (await startAction(page, '签收')).getByRole('button', { name: '确认签收' }).click()
    await stateShown(page, '办理中')
    await page.locator('[data-test="clock"]').filter({ hasText: '答复' }).first().waitFor()
    await shot('signed-for')

    const contact = await startAction(page, '联系群众')
    await choose(page, contact, '联系方式', '电话')
    await contact.getByLabel('备注').fill('已电话联系陈先生，约定今天下午到现场查看。')
    await contact.getByRole('button', { name: '确认联系群众' }).click()
    await page.getByRole('status').filter({ hasText: '已完成：联系群众' }).waitFor()

    const reply = await startAction(page, '答复')
    await reply.getByLabel('答复内容').fill('陈先生：您好！路灯杆已加固。')
    await reply.getByRole('button', { name: '确认答复' }).click()
    await stateShown(page, '待审核')
    await shot('replied')

    // The manager returns a request that is not the street's duty.
    const other = await api.file({ title: '市属公园游船码头栏杆松动', area_code: 'dh-01' })
    const otherId = await api.workOrderId(other.tracking_no, 'to_accept')
    const { category, unitIds } = await api.referenceData()
    await api.act('operator', otherId, 'accept', { category_code: category })
    await api.act('dispatcher', otherId, 'dispatch', { unit_id: unitIds.get('dh-01') })

    const manager = await context.browser().newContext({ ...DESK, baseURL: page.url().split('/staff')[0], locale: 'zh-CN' })
    const mpage = await manager.newPage()
    try {
      await signInStaff(mpage, 'dh01_manager', '待签收')
      await openFromQueue(mpage, '市属公园游船码头栏杆松动')
      const ret = await startAction(mpage, '退回')
      await ret.getByRole('button', { name: '确认退回' }).click()
      await ret.getByText('请填写这一项').first().waitFor() // the refusal is explained, nothing sent
      assert.equal((await api.get(`/api/v1/work-orders/${otherId}`, 'dispatcher')).state.code, 'dispatched')
      await ret.getByLabel('退回理由').fill('市属公园由市园林局管理，不属于街道职责。')
      await ret.getByLabel('依据（法规、职责文件）').fill('《江川市公园管理条例》第六条')
      await shot('return-form', mpage)
      await ret.getByRole('button', { name: '确认退回' }).click()
      // The unit said it is not theirs: it no longer sees the work order,
      // and the page says where it went instead of showing it.
      await mpage.locator('[data-test="order-gone"]').filter({ hasText: '已退回' }).waitFor()
      await mpage.getByRole('status').filter({ hasText: '已完成：退回' }).waitFor()
      assert.equal(await mpage.locator('[data-test="order-state"]').count(), 0)
      await shot('returned', mpage)
    } finally {
      await manager.close()
    }
    assert.equal((await api.get(`/api/v1/work-orders/${otherId}`, 'dispatcher')).state.code, 'returned')
  },
)

suite.test(
  '3 the reviewer sends the reply back, then approves the better one',
  { scenario: 'staff-3-review', context: DESK },
  async ({ page, shot, api }) => {
    assert.ok(filed, 'scenario 1 dispatched the request')
    await signInStaff(page, 'reviewer', '待审核')
    await openFromQueue(page, REQUEST.title)
    await page.locator('[data-test="draft-reply"]').filter({ hasText: '路灯杆已加固' }).waitFor()
    await shot('to-review')
    const back = await startAction(page, '审核退回')
    await back.getByLabel('退回意见').fill('请写明处置经过、后续巡查安排和联系方式。')
    await back.getByRole('button', { name: '确认审核退回' }).click()
    await stateShown(page, '办理中')
    await shot('sent-back')

    const better =
      '陈先生：您好！您反映的桂花路口路灯杆倾斜问题，滨江街道已会同路灯所于当天到现场处置，' +
      '对灯杆基础进行了加固并扶正，今后每月巡查一次。如有问题请联系滨江街道城管科，电话0791-88001234。'
    await api.act('dh01_handler', filed.id, 'reply', { text: better })
    await page.reload()
    await stateShown(page, '待审核')
    await page.locator('[data-test="draft-reply"]').filter({ hasText: '每月巡查一次' }).waitFor()
    await (await startAction(page, '审核通过')).getByRole('button', { name: '确认审核通过' }).click()
    await stateShown(page, '待回访')
    await page.locator('[data-test="reply"]').filter({ hasText: '每月巡查一次' }).waitFor()
    await shot('approved')
  },
)

suite.test(
  '4 the callback closes it; the citizen rates it on the phone',
  { scenario: 'staff-4-callback-rate', context: DESK },
  async ({ page, context, shot, api, baseUrl }) => {
    assert.ok(filed, 'scenario 1 dispatched the request')
    await signInStaff(page, 'operator', '待受理')
    await page.getByRole('navigation', { name: '工单队列' }).getByRole('link', { name: /^待回访/ }).click()
    await page.getByRole('heading', { level: 1, name: '待回访' }).waitFor()
    await openFromQueue(page, REQUEST.title)
    const callback = await startAction(page, '回访')
    await tick(callback.getByRole('radio', { name: '已解决' }), callback.getByText('已解决', { exact: true }))
    await choose(page, callback, '满意度', '满意')
    await callback.getByLabel('回访记录').fill('群众表示路灯杆已扶正，很满意。')
    await shot('callback-form')
    await callback.getByRole('button', { name: '确认回访' }).click()
    await stateShown(page, '已办结')
    await shot('closed')
    assert.equal((await api.get(`/api/v1/work-orders/${filed.id}`, 'dispatcher')).state.code, 'closed')

    const phone = await context.browser().newContext({ ...PHONE, baseURL: baseUrl, locale: 'zh-CN' })
    const cpage = await phone.newPage()
    try {
      await cpage.goto('/track')
      await cpage.getByLabel('受理编号').fill(filed.trackingNo)
      await cpage.getByLabel('查询码').fill(filed.queryCode)
      await cpage.getByRole('button', { name: '查询', exact: true }).tap()
      const rating = cpage.getByRole('region', { name: '评价' })
      await tick(rating.getByRole('radio', { name: '满意', exact: true }), rating.getByText('满意', { exact: true }), {
        tap: true,
      })
      await rating.getByRole('button', { name: '提交评价' }).tap()
      await rating.getByText('您的评价：满意。感谢您的反馈！').waitFor()
      await shot('citizen-rated', cpage)
    } finally {
      await phone.close()
    }
    const citizen = await api.citizenView(filed.trackingNo, filed.queryCode)
    assert.equal(citizen.state.code, 'closed')
    assert.equal(citizen.rating && citizen.rating.code, 'satisfied')
  },
)
