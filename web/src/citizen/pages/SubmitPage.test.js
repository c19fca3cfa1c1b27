// The filing form as a citizen uses it: messages next to each field for every
// rule, server errors mapped onto fields or shown above the form, and one
// Idempotency-Key for the life of the form.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { callsTo, fakeServer, mountAt, settle } from '@/testing/harness.js'

const fieldError = (wrapper, field) => {
  const el = wrapper.find(`[data-field="${field}"] .el-form-item__error`)
  return el.exists() ? el.text() : ''
}

async function type(wrapper, field, value) {
  const input = wrapper.find(`[data-field="${field}"] input:not([type="radio"]), [data-field="${field}"] textarea`)
  await input.setValue(value)
  await input.trigger('blur')
  await settle()
}

async function choose(wrapper, index, value) {
  const select = wrapper.findAllComponents(ElSelect)[index]
  select.vm.$emit('update:modelValue', value)
  select.vm.$emit('change', value)
  await settle()
}

async function fillValid(wrapper) {
  await wrapper.find('[data-field="type"] input[value="complaint"]').setValue(true)
  await type(wrapper, 'title', '路灯不亮')
  await type(wrapper, 'detail', '滨江路12号门口的路灯坏了一个月。')
  await choose(wrapper, 0, 'dh')
}

const submit = async (wrapper) => {
  await wrapper.find('form').trigger('submit')
  await settle()
}

describe('SubmitPage', () => {
  // Load the lazy confirmation page before the clock of any test starts.
  beforeAll(() => import('./SubmittedPage.vue'), 60000)

  let server
  let posted
  let answer

  beforeEach(() => {
    posted = []
    answer = [201, { tracking_no: '20261124000001', query_code: '12345678', state: { code: 'submitted', label: '待受理' }, created_at: '2026-11-24T09:00:00+08:00', replayed: false }]
    server = fakeServer((method, path, init) => {
      if (method === 'POST' && path === '/api/v1/requests') {
        posted.push({ headers: init.headers, body: JSON.parse(init.body) })
        return answer
      }
      return undefined
    })
  })

  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the request types from GET /meta', async () => {
    const { wrapper } = await mountAt('/submit')
    const names = wrapper.findAll('.type-choice__name').map((n) => n.text())
    expect(names).toEqual(['咨询', '求助', '投诉', '举报', '建议', '表扬'])
  })

  it('refuses an empty form with a message next to each required field and sends nothing', async () => {
    const { wrapper } = await mountAt('/submit')
    await submit(wrapper)
    expect(fieldError(wrapper, 'type')).toBe('请选择诉求类型')
    expect(fieldError(wrapper, 'title')).toBe('请填写标题')
    expect(fieldError(wrapper, 'detail')).toBe('请填写详细内容')
    expect(fieldError(wrapper, 'district')).toBe('请选择区县')
    expect(fieldError(wrapper, 'phone')).toBe('')
    expect(wrapper.find('[data-test="error-summary"]').text()).toContain('4')
    expect(callsTo(server, 'POST', '/api/v1/requests')).toHaveLength(0)
  })

  it('tells assistive technology which fields are invalid and why, until they are fixed', async () => {
    const { wrapper } = await mountAt('/submit')
    await submit(wrapper)
    const title = wrapper.find('[data-field="title"] input')
    expect(title.attributes('aria-invalid')).toBe('true')
    const described = document.getElementById(title.attributes('aria-describedby'))
    expect(described.textContent.trim()).toBe('请填写标题')
    await title.setValue('路灯不亮')
    await title.trigger('blur')
    await settle()
    expect(title.attributes('aria-invalid')).toBe('false')
    expect(title.attributes('aria-describedby')).toBeUndefined()
  })

  it('treats a blank title as missing', async () => {
    const { wrapper } = await mountAt('/submit')
    await type(wrapper, 'title', '   ')
    expect(fieldError(wrapper, 'title')).toBe('请填写标题')
  })

  it('counts characters for the length limits of title, address and name', async () => {
    const { wrapper } = await mountAt('/submit')
    // maxlength stops typing; a paste or autofill can still exceed it.
    await type(wrapper, 'title', '题'.repeat(101))
    expect(fieldError(wrapper, 'title')).toBe('标题不能超过100个字（现在101个字）')
    await type(wrapper, 'address', '路'.repeat(201))
    expect(fieldError(wrapper, 'address')).toBe('详细地址不能超过200个字（现在201个字）')
    await type(wrapper, 'name', '张'.repeat(51))
    expect(fieldError(wrapper, 'name')).toBe('姓名或称呼不能超过50个字（现在51个字）')
  })

  it('checks the details limit of 5000 characters', async () => {
    const { wrapper } = await mountAt('/submit')
    await type(wrapper, 'detail', 'x'.repeat(5001))
    expect(fieldError(wrapper, 'detail')).toBe('详细内容不能超过5000个字（现在5001个字）')
  })

  it('checks the phone number and clears the message once it is fixed', async () => {
    const { wrapper } = await mountAt('/submit')
    await type(wrapper, 'phone', '138abc')
    expect(fieldError(wrapper, 'phone')).toContain('请填写正确的电话号码')
    await wrapper.find('[data-field="phone"] input').setValue('138-0013-8000')
    await settle()
    expect(fieldError(wrapper, 'phone')).toBe('')
  })

  it('offers the streets of the chosen district only', async () => {
    const { wrapper } = await mountAt('/submit')
    await choose(wrapper, 0, 'xs')
    const street = wrapper.findAllComponents(ElSelect)[1]
    const options = street.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))
    expect(options).toEqual(['xs-01'])
  })

  it('files a valid form with an Idempotency-Key and shows the receipt', async () => {
    const { wrapper, router } = await mountAt('/submit')
    await fillValid(wrapper)
    await choose(wrapper, 1, 'dh-01')
    await submit(wrapper)
    expect(posted).toHaveLength(1)
    expect(posted[0].body).toEqual({
      type: 'complaint',
      title: '路灯不亮',
      detail: '滨江路12号门口的路灯坏了一个月。',
      area_code: 'dh-01',
      consent_public: false,
    })
    expect(posted[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('submitted'), { timeout: 10000 })
    expect(router.options.history.state.receipt.query_code).toBe('12345678')
  })

  it('preselects the mailbox named in the URL', async () => {
    const { wrapper } = await mountAt('/submit?mailbox=mayor')
    await fillValid(wrapper)
    await submit(wrapper)
    expect(posted[0].body.mailbox_code).toBe('mayor')
  })

  it("puts a server error naming a field next to that field, in the citizen's words", async () => {
    answer = [400, { error: { code: 'invalid_argument', reason: 'phone_invalid', field: 'citizen.phone', message: '字段 citizen.phone：应为 5 至 20 位数字' } }]
    const { wrapper } = await mountAt('/submit')
    await fillValid(wrapper)
    await submit(wrapper)
    expect(fieldError(wrapper, 'phone')).toContain('请填写正确的电话号码')
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('citizen.phone')
  })

  it('maps an unknown area onto the district when no street was chosen', async () => {
    answer = [400, { error: { code: 'invalid_argument', reason: 'unknown_area', field: 'area_code', message: "字段 area_code：未知的区域 'dh'" } }]
    const { wrapper } = await mountAt('/submit')
    await fillValid(wrapper)
    await submit(wrapper)
    expect(fieldError(wrapper, 'district')).toBe('所选的区县已失效，请重新选择')
  })

  it('shows other failures above the form, keeps the key, and sends the same key on retry', async () => {
    answer = [503, { error: { code: 'unavailable', message: 'storage full' } }]
    const { wrapper } = await mountAt('/submit')
    await fillValid(wrapper)
    await submit(wrapper)
    const alert = wrapper.find('[data-test="form-error"]')
    expect(alert.text()).toContain('系统正忙或正在维护，请稍后再试。')
    expect(alert.text()).not.toContain('unavailable')
    answer = [200, { tracking_no: '20261124000001', query_code: '12345678', state: { code: 'submitted', label: '待受理' }, created_at: '2026-11-24T09:00:00+08:00', replayed: true }]
    await submit(wrapper)
    expect(posted).toHaveLength(2)
    expect(posted[1].headers['Idempotency-Key']).toBe(posted[0].headers['Idempotency-Key'])
  })

  it('explains a network failure without losing the form', async () => {
    const { wrapper } = await mountAt('/submit')
    await fillValid(wrapper)
    server.mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch')
    })
    await submit(wrapper)
    expect(wrapper.find('[data-test="form-error"]').text()).toContain('无法连接到服务器')
    expect(wrapper.find('[data-field="title"] input').element.value).toBe('路灯不亮')
  })

  it('after a 409 offers to send the changed form as a new request under a new key', async () => {
    answer = [409, { error: { code: 'conflict', message: 'idempotency key reused with a different request' } }]
    const { wrapper } = await mountAt('/submit')
    await fillValid(wrapper)
    await submit(wrapper)
    const alert = wrapper.find('[data-test="form-error"]')
    expect(alert.text()).toContain('作为新诉求提交')
    answer = [201, { tracking_no: '20261124000002', query_code: '87654321', state: { code: 'submitted', label: '待受理' }, created_at: '2026-11-24T09:00:00+08:00', replayed: false }]
    await alert.find('button').trigger('click')
    await settle()
    expect(posted).toHaveLength(2)
    expect(posted[1].headers['Idempotency-Key']).not.toBe(posted[0].headers['Idempotency-Key'])
  })
})
