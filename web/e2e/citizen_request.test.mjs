// A citizen's request from end to end in a real browser: filed on a phone,
// refused when empty, tracked, carried through by staff (over the HTTP API,
// which the workbench cannot do yet), read and rated.
import assert from 'node:assert/strict'
import { PHONE, portalSuite, tick } from './harness.mjs'

const suite = portalSuite()

// What scenario 1 filed and scenario 3 carries on.
const REQUEST = {
  title: '滨江路小区门口路灯不亮',
  detail: '滨江路12号小区东门外的三盏路灯已经一周不亮了，晚上老人孩子出门看不清路，请尽快修复。',
  district: '东湖区',
  street: '滨江街道',
  address: '滨江路12号小区东门',
  name: '李女士',
  phone: '13912345678',
}
let filed = null // { trackingNo, queryCode } once scenario 1 has filed it

const TRACKING_NO = /^[0-9A-Za-z-]{6,40}$/

/** The value shown in the receipt next to its copy button ("复制受理编号"). */
async function receiptValue(page, copyLabel) {
  const dd = page.getByRole('definition').filter({ has: page.getByRole('button', { name: copyLabel }) })
  return (await dd.innerText()).replace('复制', '').trim()
}

/**
 * Picks `option` in the Element Plus select labelled `label` (in the fieldset
 * named `group`) by tapping the box, then the option. The box's placeholder
 * or value is painted over the combobox input, so the tap goes to the
 * input's place without Playwright's hit-target check. Waits until the list
 * has closed and the box shows the choice.
 */
async function choose(page, group, label, option) {
  const box = page.getByRole('combobox', { name: label })
  await box.waitFor()
  await box.tap({ force: true })
  const item = page.getByRole('option', { name: option, exact: true })
  await item.tap()
  await page.getByRole('listbox').filter({ has: item }).waitFor({ state: 'hidden' })
  await page.getByRole('group', { name: group }).getByText(option, { exact: true }).waitFor() // shown as chosen
}

/** Opens the track page from the navigation and looks up a request with its two codes. */
async function lookUp(page, trackingNo, queryCode) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '进度查询' }).click()
  await page.getByRole('heading', { level: 1, name: '进度查询' }).waitFor()
  await page.getByLabel('受理编号').fill(trackingNo)
  await page.getByLabel('查询码').fill(queryCode)
  await page.getByRole('button', { name: '查询', exact: true }).click()
}

/** The request card of the track page (the article named by the request's title). */
function requestView(page, title) {
  return page.getByRole('article', { name: title })
}

suite.test(
  '1 phone: file a request from the home page, get the receipt, track it as 待受理',
  { scenario: '1-phone-file-and-track', context: PHONE },
  async ({ page, shot, api }) => {
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: '您的诉求，件件有回音' }).waitFor()
    await page.getByRole('heading', { level: 2, name: '可以反映哪些事' }).waitFor()
    await page.getByRole('heading', { level: 3, name: '投诉' }).waitFor() // request types loaded
    await shot('home')

    await page.getByRole('main').getByRole('link', { name: '我要反映', exact: true }).tap()
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor()
    await page.getByRole('radio', { name: /^投诉/ }).waitFor() // the choices are loaded
    await shot('form-empty')

    const types = page.getByRole('radiogroup', { name: '诉求类型' })
    await tick(types.getByRole('radio', { name: /^投诉/ }), types.getByText('投诉', { exact: true }), { tap: true })
    await page.getByLabel('标题').fill(REQUEST.title)
    await page.getByLabel('详细内容').fill(REQUEST.detail)
    await choose(page, '发生在哪里', '区县', REQUEST.district)
    await choose(page, '发生在哪里', '街道乡镇', REQUEST.street)
    await page.getByLabel('详细地址').fill(REQUEST.address)
    await page.getByLabel('姓名或称呼').fill(REQUEST.name)
    await page.getByLabel('联系电话').fill(REQUEST.phone)
    const consent = page.getByRole('group', { name: '是否公开' })
    await tick(
      consent.getByRole('checkbox', { name: /^我同意在“公开诉求”栏目公开这件诉求和答复/ }),
      consent.getByText('我同意在“公开诉求”栏目公开这件诉求和答复', { exact: true }),
      { tap: true },
    )
    await shot('form-filled')

    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/requests') && r.request().method() === 'POST',
    )
    await page.getByRole('button', { name: '提交诉求' }).tap()
    const response = await posted
    assert.equal(response.status(), 201, `POST /api/v1/requests answered ${response.status()}`)
    const sent = response.request().postDataJSON()
    assert.deepEqual(
      sent,
      {
        type: 'complaint',
        title: REQUEST.title,
        detail: REQUEST.detail,
        area_code: 'dh-01',
        consent_public: true,
        address: REQUEST.address,
        citizen: { name: REQUEST.name, phone: REQUEST.phone },
      },
      'the form sends what was filled in',
    )
    const receipt = await response.json()

    await page.getByRole('heading', { level: 1, name: '提交成功' }).waitFor()
    const trackingNo = await receiptValue(page, '复制受理编号')
    const queryCode = await receiptValue(page, '复制查询码')
    assert.match(trackingNo, TRACKING_NO)
    assert.ok(queryCode.length >= 4, `query code "${queryCode}"`)
    assert.equal(trackingNo, receipt.tracking_no, 'the receipt shows the tracking number the server gave')
    assert.match(queryCode, /^\d{4} \d{4} \d{4}$/, 'the query code reads in groups of four')
    assert.equal(queryCode.replaceAll(' ', ''), receipt.query_code, 'the receipt shows the query code the server gave')
    await page.getByText('请记下或截图保存受理编号和查询码').waitFor()
    await page.getByRole('definition').getByText('待受理', { exact: true }).waitFor()
    await shot('receipt')
    filed = { trackingNo, queryCode }

    await lookUp(page, trackingNo, queryCode)
    const view = requestView(page, REQUEST.title)
    await view.waitFor()
    await view.getByText('待受理', { exact: true }).first().waitFor()
    await view.getByText(`受理编号 ${trackingNo}`).waitFor()
    const timeline = view.getByRole('region', { name: '办理进展' })
    await timeline.getByText('提交', { exact: true }).waitFor()
    assert.equal(await timeline.getByRole('listitem').count(), 1, 'one timeline entry: submitted')
    await view.getByRole('region', { name: '诉求内容' }).getByText(REQUEST.detail).waitFor()
    await view.getByRole('region', { name: '评价' }).getByText('答复送达您之后，就可以在这里评价。').waitFor()
    assert.match(page.url(), new RegExp(`/track/${trackingNo}$`), 'the URL names the request')
    await shot('track-submitted')

    // The server agrees.
    const citizen = await api.citizenView(trackingNo, queryCode)
    assert.equal(citizen.state.code, 'submitted')
    assert.equal(citizen.title, REQUEST.title)
  },
)

suite.test(
  '2 validation: an empty form shows a message next to each required field and files nothing',
  { scenario: '2-validation' },
  async ({ page, shot, api }) => {
    const before = await api.workOrderCount()
    const posts = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/requests')) posts.push(r.url())
    })

    await page.goto('/submit')
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor()
    await page.getByRole('radio', { name: /^投诉/ }).waitFor()
    await shot('form-empty')

    await page.getByRole('button', { name: '提交诉求' }).click()
    await page.getByRole('status').getByText('还有 4 处需要修改，请查看标红的项目。').waitFor()

    // Each message sits right below its own field.
    const expected = [
      { field: page.getByRole('radiogroup', { name: '诉求类型' }), message: '请选择诉求类型' },
      { field: page.getByRole('textbox', { name: '标题' }), message: '请填写标题' },
      { field: page.getByRole('textbox', { name: '详细内容' }), message: '请填写详细内容' },
      { field: page.getByRole('combobox', { name: '区县' }), message: '请选择区县' },
    ]
    for (const { field, message } of expected) {
      const text = page.getByRole('alert').filter({ hasText: new RegExp(`^${message}$`) })
      await text.waitFor()
      const f = await field.boundingBox()
      const m = await text.boundingBox()
      const gap = m.y - (f.y + f.height)
      assert.ok(gap >= -2 && gap < 48, `"${message}" is ${gap}px below its field`)
      assert.ok(Math.abs(m.x - f.x) < 48, `"${message}" starts ${m.x - f.x}px from its field's left edge`)
    }
    // The optional fields have no message.
    for (const message of ['请选择街道乡镇', '请填写详细地址', '请填写姓名或称呼', '请填写联系电话']) {
      assert.equal(await page.getByRole('alert').filter({ hasText: message }).count(), 0, `no "${message}"`)
    }
    // Focus goes to the first field to fix.
    await page.waitForFunction(() => document.activeElement && document.activeElement.type === 'radio')
    await shot('form-errors')

    // A message goes away as soon as its field is fixed; a wrong phone number gets one.
    await page.getByLabel('标题').fill('路灯不亮')
    await page.getByRole('alert').filter({ hasText: '请填写标题' }).waitFor({ state: 'detached' })
    await page.getByLabel('联系电话').fill('abc')
    await page.getByLabel('联系电话').blur()
    await page.getByRole('alert').filter({ hasText: /^请填写正确的电话号码/ }).waitFor()
    await page.getByRole('button', { name: '提交诉求' }).click()
    await page.getByRole('status').getByText('还有 4 处需要修改，请查看标红的项目。').waitFor()
    await shot('form-errors-phone')

    assert.deepEqual(posts, [], 'nothing was sent to POST /api/v1/requests')
    assert.equal(await api.workOrderCount(), before, 'no work order was created')
  },
)

suite.test(
  '3 staff answer the request; the citizen reloads, reads the reply, rates it 基本满意',
  { scenario: '3-reply-and-rate' },
  async ({ page, shot, api }) => {
    let request = filed
    let title = REQUEST.title
    if (!request) {
      // Scenario 1 did not run or failed: file a request of our own so this one still tests its part.
      const r = await api.file()
      request = { trackingNo: r.tracking_no, queryCode: r.query_code }
      title = (await api.citizenView(r.tracking_no, r.query_code)).title
    }
    const { trackingNo, queryCode } = request

    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: '您的诉求，件件有回音' }).waitFor()
    await shot('home')
    // A wrong query code shows nothing of the request.
    const wrongCode = queryCode === '00000000' ? '11111111' : '00000000'
    await lookUp(page, trackingNo, wrongCode)
    await page.getByRole('alert').filter({ hasText: '没有找到这件诉求。请核对受理编号和查询码是否正确。' }).waitFor()
    assert.equal(await requestView(page, title).count(), 0, 'no request shown for a wrong query code')
    await shot('track-wrong-code')

    await page.getByLabel('查询码').fill(queryCode)
    await page.getByRole('button', { name: '查询', exact: true }).click()
    const view = requestView(page, title)
    await view.getByText('待受理', { exact: true }).first().waitFor()
    await shot('track-before')

    const replyText = `李女士：您好！您反映的路灯问题已由滨江街道联系供电所修复，三盏路灯已于今晚恢复照明（${trackingNo}）。`
    await api.answer(trackingNo, replyText)

    // The lookup put the query code in this history entry, so a reload shows the request again.
    await page.reload()
    await view.waitFor()
    await view.getByText('待回访', { exact: true }).first().waitFor()
    const reply = view.getByRole('region', { name: '答复' })
    await reply.getByText(replyText).waitFor()
    const timeline = view.getByRole('region', { name: '办理进展' })
    for (const step of ['提交', '受理', '派单', '签收', '审核通过']) {
      await timeline.getByText(step, { exact: true }).first().waitFor()
    }
    const rating = view.getByRole('region', { name: '评价' })
    await rating.getByText('您对这次办理结果满意吗？评价只能提交一次。').waitFor()
    await shot('track-answered')

    for (const level of ['满意', '基本满意', '不满意']) {
      await rating.getByRole('radio', { name: level, exact: true }).waitFor()
    }
    await tick(rating.getByRole('radio', { name: '基本满意', exact: true }), rating.getByText('基本满意', { exact: true }))
    await rating.getByLabel('补充意见（选填）').fill('修得很快，希望以后定期巡查。')
    await shot('rating-filled')
    await rating.getByRole('button', { name: '提交评价' }).click()
    await rating.getByText('您的评价：基本满意。感谢您的反馈！').waitFor()
    await page.getByRole('status').filter({ hasText: '评价已提交，感谢您的反馈！' }).waitFor({ state: 'attached' })
    assert.equal(await rating.getByRole('button', { name: '提交评价' }).count(), 0, 'the form is gone')
    await shot('rated')

    // The rating is the server's, not just the page's: a reload shows it, and the API says so.
    await page.reload()
    await rating.getByText('您的评价：基本满意。感谢您的反馈！').waitFor()
    await shot('rated-reloaded')
    const citizen = await api.citizenView(trackingNo, queryCode)
    assert.equal(citizen.state.code, 'answered')
    assert.equal(citizen.rating && citizen.rating.code, 'basically_satisfied')
    assert.equal(citizen.reply && citizen.reply.text, replyText)
    assert.ok(!citizen.allowed_actions.some((a) => a.code === 'rate'), 'rating is not offered again')
  },
)
