// The confirmation shows the receipt handed over in the history state and
// leads to the track page with the query code.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountAt, settle } from '@/testing/harness.js'
import { citizenView } from '@/testing/fixtures.js'

const receipt = {
  tracking_no: '20261123000030',
  query_code: '036143660954',
  state: { code: 'submitted', label: '待受理' },
  created_at: '2026-11-23T14:05:09+08:00',
  replayed: false,
}

describe('SubmittedPage', () => {
  // Load the lazy track page before the clock of any test starts.
  beforeAll(() => import('./TrackPage.vue'), 60000)

  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the tracking number, the query code and the advice to keep them', async () => {
    fakeServer()
    const { wrapper } = await mountAt('/submitted', { state: { receipt } })
    expect(wrapper.find('[data-test="tracking-no"]').text()).toBe('20261123000030')
    // The 12-digit query code reads in groups of four.
    expect(wrapper.find('[data-test="query-code"]').text()).toBe('0361 4366 0954')
    expect(wrapper.text()).toContain('请记下或截图保存受理编号和查询码')
    expect(wrapper.text()).toContain('2026年11月23日 14:05')
  })

  it('without a receipt points to the track page', async () => {
    fakeServer()
    const { wrapper } = await mountAt('/submitted')
    expect(wrapper.find('[data-test="tracking-no"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('这里没有可以显示的受理回执')
  })

  it('opens the track page already looked up', async () => {
    fakeServer((method, path, init) =>
      path === '/api/v1/requests/20261123000030' && init.headers['X-Query-Code'] === '036143660954'
        ? [200, citizenView({ state: { code: 'submitted', label: '待受理' }, reply: null, allowed_actions: [] })]
        : undefined,
    )
    const { wrapper, router } = await mountAt('/submitted', { state: { receipt } })
    await wrapper.find('[data-test="go-track"]').trigger('click')
    // The track page is a lazy chunk: wait for it to load and look up.
    await vi.waitFor(() => expect(wrapper.find('[data-test="state"]').exists()).toBe(true), { timeout: 10000 })
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/track/20261123000030')
    expect(wrapper.find('[data-test="state"]').text()).toBe('待受理')
  })
})
