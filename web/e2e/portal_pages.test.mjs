// The portal's other pages in a real browser: the English version, the
// published requests and the leaders' mailboxes, each checked against what
// the API says about the demo city.
import assert from 'node:assert/strict'
import { portalSuite } from './harness.mjs'

const suite = portalSuite()

/** { term: definition } of the description lists inside `scope`. */
async function definitions(scope) {
  const terms = await scope.getByRole('term').allInnerTexts()
  const values = await scope.getByRole('definition').allInnerTexts()
  assert.equal(terms.length, values.length, `terms ${terms} and definitions ${values}`)
  return Object.fromEntries(terms.map((t, i) => [t.trim(), values[i].trim()]))
}

suite.test(
  '4 English: the language switch shows the home page in English, and the choice survives a reload',
  { scenario: '4-english' },
  async ({ page, shot }) => {
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: '您的诉求，件件有回音' }).waitFor()
    await page.getByRole('heading', { level: 3, name: '投诉' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    await shot('home-chinese')

    await page.getByRole('button', { name: 'Switch to English / 切换为英文' }).click()
    const checkEnglish = async () => {
      await page.getByRole('heading', { level: 1, name: 'Every request gets an answer' }).waitFor()
      await page.getByRole('heading', { level: 2, name: 'What you can raise' }).waitFor()
      await page.getByRole('heading', { level: 3, name: 'Complaint' }).waitFor() // an API enum, in English
      const nav = page.getByRole('navigation', { name: 'Main navigation' })
      for (const link of ['Home', 'File a request', 'Track', 'Published requests', "Leaders' mailboxes"])
        await nav.getByRole('link', { name: link, exact: true }).waitFor()
      await page.getByRole('button', { name: '切换为中文 / Switch to Chinese' }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      await page.waitForFunction(() => document.title === '江川市 12345 Citizen Requests')
      assert.equal(await page.getByText('您的诉求，件件有回音').count(), 0, 'no Chinese heading left')
    }
    await checkEnglish()
    await shot('home-english')

    await page.reload()
    await checkEnglish()
    await shot('home-english-reloaded')

    // Another page is in English too, and switching back works.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'File a request' }).click()
    await page.getByRole('heading', { level: 1, name: 'File a request' }).waitFor()
    await page.getByRole('radio', { name: /^Complaint/ }).waitFor()
    await shot('submit-english')
    await page.getByRole('button', { name: '切换为中文 / Switch to Chinese' }).click()
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    await page.reload()
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor()
    await shot('submit-chinese-again')
  },
)

suite.test(
  '5a public list: the published demo requests render with replies, masked, and can be searched',
  { scenario: '5a-public' },
  async ({ page, shot, api }) => {
    const published = await api.get('/api/v1/public/requests?limit=20')
    assert.ok(published.items.length > 0, 'the demo city has published requests')

    await page.goto('/public')
    await page.getByRole('heading', { level: 1, name: '公开诉求' }).waitFor()
    const articles = page.getByRole('main').getByRole('article')
    const first = published.items[0]
    await page.getByRole('article', { name: first.title }).first().waitFor()
    assert.equal(await articles.count(), published.items.length, 'one card per published request')
    await page.getByText(`已显示 ${published.items.length} 件`).waitFor()
    await shot('list')

    // What the API published is what the page shows: titles, tracking numbers, replies.
    for (const item of published.items.slice(0, 5)) {
      const card = page.getByRole('article').filter({ hasText: `编号 ${item.tracking_no}` })
      await card.getByRole('heading', { level: 2, name: item.title }).waitFor()
      if (item.reply) await card.getByRole('heading', { level: 3, name: '答复' }).waitFor()
      else await card.getByText('尚未答复').waitFor()
    }
    const text = await page.getByRole('main').innerText()
    assert.doesNotMatch(text, /1[3-9]\d{9}/, 'no unmasked mobile number on the public page')
    assert.doesNotMatch(text, /\d{17}[\dXx]/, 'no unmasked ID card number on the public page')

    // Load more appends the next page.
    if (published.next_cursor) {
      await page.getByRole('button', { name: '加载更多' }).click()
      await page.getByText(`已显示 ${published.items.length * 2} 件`).waitFor()
      await shot('list-more')
    }

    // A search by a word of a title finds only matching titles, and the filter is in the URL.
    const word = first.title.slice(0, 2)
    await page.getByRole('searchbox', { name: '搜索标题' }).fill(word)
    await page.getByRole('search', { name: '筛选条件' }).getByRole('button', { name: '搜索', exact: true }).click()
    await page.waitForURL((u) => u.searchParams.get('q') === word)
    await page.getByRole('button', { name: '清除条件' }).waitFor()
    await page.getByRole('article', { name: first.title }).first().waitFor()
    const titles = await page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 }).allInnerTexts()
    assert.ok(titles.length > 0)
    for (const t of titles) assert.ok(t.includes(word), `"${t}" contains "${word}"`)
    await shot('search')
  },
)

suite.test(
  '5b mailboxes: every demo mailbox is listed by level with its figures and a way to write',
  { scenario: '5b-mailboxes' },
  async ({ page, shot, api }) => {
    const { items: mailboxes } = await api.get('/api/v1/mailboxes')
    assert.ok(mailboxes.length > 0, 'the demo city has mailboxes')

    await page.goto('/mailboxes')
    await page.getByRole('heading', { level: 1, name: '领导信箱' }).waitFor()
    for (const level of ['市级', '区县级', '街道乡镇级']) {
      if (mailboxes.some((m) => m.level.label === level))
        await page.getByRole('heading', { level: 2, name: level }).waitFor()
    }
    for (const m of mailboxes) {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: m.name }) })
      await card.waitFor()
      await card.getByText(`所属：${m.unit_name}`).waitFor()
      const figures = await definitions(card)
      assert.equal(figures['收到来信'], String(m.figures.received), `${m.name}: received`)
      assert.equal(figures['已答复'], String(m.figures.replied), `${m.name}: answered`)
      assert.ok(m.figures.received > 0, `${m.name} received letters in the demo`)
      // The rates the API computes over the mailbox's letters, each with what it stands on.
      assert.ok(m.figures.replied > 0 && m.figures.rated > 0, `${m.name} answered and rated letters in the demo`)
      const onTime = `${Math.round(m.figures.on_time_rate * 1000) / 10}%`
      assert.equal(figures['按时办结率'].split('\n')[0].trim(), onTime, `${m.name}: on time`)
      assert.match(figures['按时办结率'], new RegExp(`${m.figures.replied}件答复中${m.figures.replied_on_time}件按时`))
      const satisfied = m.figures.satisfied + m.figures.basically_satisfied
      assert.equal(figures['满意率'].split('\n')[0].trim(), `${Math.round(m.figures.satisfaction_rate * 1000) / 10}%`)
      assert.match(figures['满意率'], new RegExp(`${m.figures.rated}件评价中${satisfied}件满意`))
      await card.getByRole('link', { name: `给${m.name}写信` }).waitFor()
    }
    await shot('directory')

    // Writing to the first mailbox opens the form with it chosen.
    const first = mailboxes[0]
    await page.getByRole('link', { name: `给${first.name}写信` }).click()
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor()
    await page.waitForURL((u) => u.pathname === '/submit' && u.searchParams.get('mailbox') === first.code)
    await page.getByRole('group', { name: '其他选项' }).getByText(first.name, { exact: true }).waitFor()
    await shot('write-form')
  },
)
