// The lead form in real Chromium, with and without JavaScript, ending in a stored lead.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, sharedBrowser, leads, query, serverLog } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function open(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  return page;
}

/** A page at `path`, one for each of JavaScript on and off, shared by the tests that change nothing
 *  outside their page (no blocked route, no count of requests, no race with the first load): a new
 *  browser context costs Chromium ~1.1 CPU-s, its renderer starting; a navigation a third of that. */
const shared = new Map<boolean, Page>();
async function onPage(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = shared.get(javaScriptEnabled);
  if (page) {
    await page.goto(baseUrl + path);
    return page;
  }
  const opened = await open(path, javaScriptEnabled);
  shared.set(javaScriptEnabled, opened);
  return opened;
}

async function fill(page: Page, fields: { name: string; phone: string; description: string }) {
  await page.fill('#lead-name', fields.name);
  await page.fill('#lead-phone', fields.phone);
  await page.fill('#lead-description', fields.description);
}

describe('without JavaScript', () => {
  it('a search by town is answered in the list of regions; a town nobody covers ends in a lead for its county', async () => {
    const page = await onPage('/', false);
    await page.fill('#site-search', '湘西乾州');
    // The box's own 搜索 button, on every page (a phone's keyboard may have no Enter to press).
    await Promise.all([page.waitForURL(/\/regions\/\?q=/), page.click('form[data-search] button[type=submit]')]);
    expect(await page.textContent('[data-search-answer-status]')).toBe('找到 1 个结果');
    // Its filters: the province, not the brand, which an index of places could not apply.
    expect(await page.locator('form[data-search] select[name=brand]').count()).toBe(0);
    expect(await page.isVisible('form[data-search] select[name=province]')).toBe(true);
    expect((await page.textContent('[data-search-answer-list] li'))!.replace(/\s+/g, ' ').trim()).toBe(
      '乾州街道 → 湘西州 吉首市 在线报修',
    );
    await Promise.all([
      page.waitForURL(/\/regions\/\?county=433101&town=/),
      page.click('[data-search-answer-list] li a >> nth=0'),
    ]);
    // 吉首市's page, saying the town led there, its address begun with it, as the script does.
    expect(await page.textContent('h1')).toContain('吉首市');
    expect(await page.textContent('[data-town-asked]')).toBe('您搜索的乾州街道属于吉首市，以下服务覆盖吉首市全境。');
    expect(await page.inputValue('#lead-address')).toBe('乾州街道');

    // A name 93 places share (88 towns of today, 5 of 2020): the province filter, shown on the answer with its 搜索 button, narrows it.
    await page.goto(`${baseUrl}/`);
    await page.fill('#site-search', '城关镇');
    await Promise.all([page.waitForURL(/\/regions\/\?q=/), page.press('#site-search', 'Enter')]);
    expect(await page.textContent('[data-search-answer-status]')).toBe('找到 93 个结果');
    await page.selectOption('form[data-search] select[name=province]', '甘肃省');
    await Promise.all([page.waitForURL(/province=/), page.click('form[data-search] button[type=submit]')]);
    const narrowed = Number((await page.textContent('[data-search-answer-status]'))!.match(/找到 (\d+) 个结果/)![1]);
    expect(narrowed).toBeGreaterThan(1);
    expect(narrowed).toBeLessThan(93);
    expect(await page.inputValue('form[data-search] select[name=province]')).toBe('甘肃省');

    await page.goto(`${baseUrl}/`);
    await page.fill('#site-search', '东华门街道');
    await Promise.all([page.waitForURL(/\/regions\/\?q=/), page.press('#site-search', 'Enter')]);
    expect(await page.textContent('[data-search-answer-list] li')).toContain('东华门街道 → 北京市 东城区：暂未覆盖');
    await Promise.all([page.waitForURL(/uncovered=110101/), page.click('text=在线留言')]);
    expect(await page.inputValue('#lead-region')).toBe('110101');
    expect(await page.textContent('#lead-region option:checked')).toBe('北京市 东城区（暂未覆盖）');
    expect(await page.inputValue('#lead-address')).toBe('东华门街道');
    await fill(page, { name: '孙先生', phone: '13700002222', description: '家里保险柜打不开' });
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
    const reference = (await page.textContent('[data-lead-reference]'))!.trim();
    const row = (await leads()).find((l) => l.reference === reference)!;
    expect(row).toMatchObject({ region_code: '110101', address: '东华门街道' });
  });

  it('a plain POST ends on the confirmation page with the stored reference', async () => {
    const page = await onPage('/hunan/xiangxi/jishou/', false);
    await fill(page, { name: '赵先生', phone: '13700001111', description: '保险柜密码忘了' });
    await page.selectOption('#lead-brand', 'jianxia');
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
    // Reached by a redirect (Post/Redirect/Get).
    expect(new URL(page.url()).pathname).toBe('/api/leads/confirmation');
    const reference = (await page.textContent('[data-lead-reference]'))!.trim();
    expect(reference).toMatch(/^BX-\d{6}-\d{6}$/);
    const row = (await leads()).find((l) => l.reference === reference)!;
    expect(row).toMatchObject({ name: '赵先生', phone: '+8613700001111', region_code: '433101', brand: 'jianxia' });
    // A reload shows the page again and sends nothing.
    const count = (await leads()).length;
    await page.reload();
    expect((await page.textContent('[data-lead-reference]'))!.trim()).toBe(reference);
    expect((await leads()).length).toBe(count);
    // At rest, the phone is ciphertext.
    expect(JSON.stringify(query('SELECT * FROM leads WHERE reference = ?', reference))).not.toContain('13700001111');
  });

  it('errors come back on the same page with the input kept; fixing them stores one lead', async () => {
    const page = await onPage('/hunan/xiangxi/jishou/', false);
    await fill(page, { name: '钱女士', phone: '1370000', description: '指纹锁没反应' });
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
    expect(await page.title()).toMatch(/^提交未成功 - 吉首市上门维修/);
    expect(await page.textContent('[data-error-for=phone]')).toContain('请填写有效的手机号');
    // The answer opens at the form, its message in view on a phone, not at the top of the page.
    expect(new URL(page.url()).hash).toBe('#lead-form');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(
      await page.$eval('[data-form-status]', (el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(await page.inputValue('#lead-name')).toBe('钱女士');
    expect(await page.inputValue('#lead-description')).toBe('指纹锁没反应');
    expect(await page.isChecked('#lead-consent')).toBe(true);
    expect(await page.isChecked('#lead-abroad')).toBe(true);
    expect((await leads()).filter((l) => l.name === '钱女士')).toHaveLength(0);

    await page.fill('#lead-phone', '13700002222');
    await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
    expect(await page.textContent('[data-lead-reference]')).toMatch(/^BX-/);
    expect((await leads()).filter((l) => l.name === '钱女士').map((l) => l.phone)).toEqual(['+8613700002222']);
  });
});

describe('with JavaScript', () => {
  it('submits JSON, shows the reference inline without a reload, and logs the lead masked', async () => {
    const page = await onPage('/guangdong/dongguan/humen/', true);
    let navigated = false;
    page.on('framenavigated', () => (navigated = true));
    await fill(page, { name: '孙先生', phone: '13800003333', description: '空调不制冷' });
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    const reference = (await page.textContent('[data-lead-done] [data-lead-reference]'))!;
    expect(reference).toMatch(/^BX-\d{6}-\d{6}$/);
    expect(navigated).toBe(false);
    expect(await page.isHidden('form[data-lead-form]')).toBe(true);
    const [row] = query<{ region_name: string; request_id: string; id: string }>(
      'SELECT * FROM leads WHERE reference = ?',
      reference,
    );
    expect(row.region_name).toBe('广东省 东莞市 虎门镇');
    expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => serverLog(), { timeout: 10_000 }).toContain(`[outbox] lead ${reference} · 孙** · 138****3333`);
    expect(serverLog()).not.toContain('13800003333');

    // The same phone, place and brand again within 10 minutes: added to that lead, its reference not told.
    const again = await onPage('/guangdong/dongguan/humen/', true);
    await fill(again, { name: '孙先生', phone: '13800003333', description: '补充：外机有异响' });
    await again.check('#lead-consent');
    await again.check('#lead-abroad');
    await again.click('[data-lead-form] button[type=submit]');
    await again.waitForSelector('[data-lead-done]:not([hidden])');
    expect(await again.isVisible('[data-lead-merged]')).toBe(true);
    expect(await again.isHidden('[data-lead-done] [data-lead-progress]')).toBe(true);
    expect(await again.textContent('[data-lead-done]')).not.toContain(reference);
  });

  it('sends a new request on every page load, even when the browser put the last one back into the form', async () => {
    // Firefox restores form fields on a reload, hidden ones too: a requestId already sent, read as the
    // same post again, would answer a different request with the first one's reference and store nothing.
    const send = async (page: Page, phone: string, description: string) => {
      await fill(page, { name: '钱女士', phone, description });
      await page.check('#lead-consent');
      await page.check('#lead-abroad');
      await page.click('[data-lead-form] button[type=submit]');
      await page.waitForSelector('[data-lead-done]:not([hidden])');
      return (await page.textContent('[data-lead-done] [data-lead-reference]'))!;
    };
    const first = await send(await onPage('/guangdong/dongguan/humen/', true), '13800006661', '门锁打不开');
    const [{ request_id }] = query<{ request_id: string }>('SELECT request_id FROM leads WHERE reference = ?', first);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.route('**/guangdong/dongguan/humen/', async (route) => {
        const res = await route.fetch();
        const html = (await res.text()).replace(/name="requestId" value=""/, `name="requestId" value="${request_id}"`);
        expect(html).toContain(request_id);
        await route.fulfill({ response: res, body: html });
      });
      await page.goto(`${baseUrl}/guangdong/dongguan/humen/`);
      const second = await send(page, '13800006662', '保险柜密码忘了');
      expect(second).toMatch(/^BX-\d{6}-\d{6}$/);
      expect(second).not.toBe(first);
      expect(query<{ description: string }>('SELECT description FROM leads WHERE reference = ?', second)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('shows errors inline and moves focus to the first one', async () => {
    const page = await onPage('/hunan/xiangxi/jishou/', true);
    await fill(page, { name: '周女士', phone: '12', description: '' });
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-error-for=phone]:not([hidden])');
    expect(await page.textContent('[data-error-for=description]')).toContain('请简单描述');
    expect(await page.textContent('[data-error-for=consent]')).toContain('隐私政策');
    expect(await page.textContent('[data-error-for=abroad]')).toContain('境外服务器');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-phone');
    expect(await page.getAttribute('#lead-phone', 'aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/hunan/xiangxi/jishou/');
  });

  it('brings a refusal of the whole form into view, focused (the phone limit, the site busy)', async () => {
    const page = await open('/hunan/xiangxi/jishou/', true);
    const message =
      '该号码一分钟内已多次提交报修。已经提交成功的报修不受影响；如需补充或另报其他维修，请一分钟后再提交，或直接拨打服务电话。';
    // The Worker's answer to a fourth post within a minute (tests/worker/abuse.test.ts), as a stand-in.
    await page.route('**/api/leads', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, errors: { form: message } }),
      }),
    );
    await fill(page, { name: '吴先生', phone: '13700009999', description: '门锁坏了' });
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-form-status]:not([hidden])');
    expect(await page.textContent('[data-form-status]')).toBe(message);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-form-status'))).toBe(true);
    expect(
      await page.$eval('[data-form-status]', (el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await page.context().close();
  });

  it('offers on a brand page the places that brand is serviced in, as without JavaScript', async () => {
    const page = await onPage('/brands/jianxia/', true);
    await page.waitForSelector('#lead-region-1', { state: 'attached' });
    const provinces = await page
      .locator('#lead-region option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(provinces).toEqual(['', '430000', '440000', '460000']); // 湖南, 广东, 海南: 坚匣's coverage
    await page.selectOption('#lead-region', '430000');
    const prefectures = await page
      .locator('#lead-region-1 option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(prefectures).toEqual(['', '430100', '433100']);
  });

  it('keeps a place chosen before the picker came, and names each level by what it holds', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    // A slow phone: the catalog arrives after the customer has chosen in the plain select.
    const arrived = Promise.withResolvers<void>();
    await page.route('**/catalog.json', async (route) => {
      await arrived.promise;
      await route.continue();
    });
    await page.goto(`${baseUrl}/`);
    await page.selectOption('#lead-region', '433100');
    arrived.resolve();
    await page.waitForSelector('#lead-region-2:not([hidden])');
    expect([
      await page.inputValue('#lead-region'),
      await page.inputValue('#lead-region-1'),
      await page.inputValue('#lead-region-2'),
      await page.inputValue('[data-lead-form] input[type=hidden][name=region]'),
    ]).toEqual(['430000', '433100', '', '433100']);
    // 北京's next level is its districts, 东莞's its towns.
    await page.selectOption('#lead-region', '110000');
    expect(await page.getAttribute('#lead-region-1', 'aria-label')).toBe('区县');
    expect(await page.textContent('#lead-region-1 option >> nth=0')).toBe('请选择区县（可不选）');
    await page.selectOption('#lead-region', '440000');
    await page.selectOption('#lead-region-1', '441900');
    expect(await page.getAttribute('#lead-region-2', 'aria-label')).toBe('乡镇街道');
    await context.close();
  });

  it('picks province → prefecture → county on a page without a region', async () => {
    const page = await onPage('/', true);
    await page.waitForSelector('#lead-region-1', { state: 'attached' });
    await page.selectOption('#lead-region', '430000');
    await page.selectOption('#lead-region-1', '433100');
    await page.selectOption('#lead-region-2', '433101');
    await fill(page, { name: '吴先生', phone: '13800004444', description: '保险柜打不开' });
    await page.selectOption('#lead-brand', 'jianxia');
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    expect((await leads()).filter((l) => l.name === '吴先生').map((l) => l.region_code)).toEqual(['433101']);
  });
});

describe('search', () => {
  /** Waits until the results list answers `q`. */
  const answered = (page: Page, q: string) =>
    page.waitForFunction((query) => (document.querySelector('#site-search-results') as HTMLElement).dataset.query === query, q);
  async function searchFor(page: Page, q: string) {
    await page.click('#site-search');
    await page.fill('#site-search', q);
    await answered(page, q);
  }
  const titles = (page: Page) => page.locator('#site-search-results li').allTextContents();
  /** Waits until the results list holds `n` rows (a filter's change answered). */
  const listed = (page: Page, n: number) =>
    page.waitForFunction((count) => document.querySelectorAll('#site-search-results li').length === count, n, { timeout: 5000 });

  it('finds a sample county by its Chinese name and opens its page', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '吉首');
    const first = page.locator('#site-search-results a').first();
    expect(await first.getAttribute('href')).toBe('/hunan/xiangxi/jishou/');
    expect(await page.locator('#site-search-results a.to-form').first().getAttribute('href')).toBe(
      '/hunan/xiangxi/jishou/#lead-form',
    );
    await Promise.all([page.waitForNavigation(), first.click()]);
    expect(await page.title()).toContain('吉首市');
  });

  it('finds 湘西 first although the browser would cut the query apart (Pagefind issue #1237)', async () => {
    const page = await onPage('/', true);
    // The precondition of the bug: Chromium's segmenter splits this place name.
    const pieces = await page.evaluate(() => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment('湘西')].length);
    expect(pieces).toBeGreaterThan(1);
    await searchFor(page, '湘西');
    expect((await titles(page))[0]).toContain('湘西土家族苗族自治州');
  });

  it('finds by pinyin, by brand plus place, and by a town noted on a county page', async () => {
    const page = await onPage('/', true);
    await searchFor(page, 'jishou');
    expect((await titles(page))[0]).toContain('吉首市');
    // With its province in front, as a pinyin keyboard leaves it.
    await searchFor(page, 'hunan jishou');
    expect((await titles(page))[0]).toContain('吉首市');
    await searchFor(page, '保险柜 吉首');
    expect((await titles(page))[0]).toContain('吉首市');
    // With what the customer wants done around it, no space.
    await searchFor(page, '保险柜维修吉首');
    expect((await titles(page))[0]).toContain('吉首市');
    // A phrase that names no place lists none (every page offers its services), but says what to do.
    await searchFor(page, '保险柜维修电话');
    expect(await titles(page)).toEqual([]);
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“保险柜维修电话”。请换个写法（如区县或乡镇名、拼音），或拨打 400-000-0000 咨询。',
    );
    // The hotline it names is a link to call.
    expect(await page.getAttribute('#site-search-status a', 'href')).toBe('tel:4000000000');
    // Nor places that only share a word of it (郑东新区, a zone the data has not: towns called 新区…).
    await searchFor(page, '郑东新区');
    expect(await titles(page)).toEqual([]);
    await searchFor(page, '龙楼');
    expect((await titles(page))[0]).toContain('文昌市');
    await searchFor(page, '虎门');
    expect((await titles(page))[0]).toContain('虎门镇');
  });

  it('finds a place written in traditional characters or with a character of its sound, fetching each table only for such a query', async () => {
    const page = await open('/', true);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // The worker's part for a query nothing holds as typed (search-near.ts), also fetched only then.
    const near = () => fetched.filter((p) => /^\/_astro\/search-near-.+\.js$/.test(p));
    await searchFor(page, '吉首');
    await searchFor(page, '湘西吉首shi');
    expect(fetched).not.toContain('/search-traditional.json');
    expect(near()).toEqual([]);
    await searchFor(page, '湘西吉首市乾州街道');
    await searchFor(page, '吉首市乾州街道');
    await searchFor(page, '乾州街道');
    // 長沙 → 长沙市; 瀋陽 → 沈阳市 (沈 alone stays 沈), not covered in the sample.
    await searchFor(page, '長沙');
    expect((await titles(page))[0]).toMatch(/^长沙市 湖南省/);
    expect(fetched.filter((p) => p === '/search-traditional.json')).toHaveLength(1);
    expect(near()).toHaveLength(1);
    await searchFor(page, '瀋陽');
    expect((await titles(page))[0]).toMatch(/^沈阳市 辽宁省：暂未覆盖/);
    // 於 stays 於 first (於潜镇 has it), then is read as 于: 於都縣 is 于都县.
    await searchFor(page, '於都縣');
    expect((await titles(page))[0]).toMatch(/^于都县 江西省 赣州市：暂未覆盖/);
    expect(fetched.filter((p) => p === '/search-traditional.json')).toHaveLength(1);
    // The right sound, the wrong character (常沙): read by its pinyin, as near places; that table too
    // only once it is needed.
    expect(fetched).not.toContain('/search-sounds.json');
    await searchFor(page, '常沙');
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“常沙”，以下是名称相近的地方；不确定时请拨打 400-000-0000 咨询。',
    );
    expect((await titles(page))[0]).toMatch(/^长沙市 湖南省/);
    await searchFor(page, '蒲田');
    expect((await titles(page))[0]).toMatch(/^莆田市 福建省：暂未覆盖/);
    // A character of nearly the same shape (毫 for 亳), from a table of the worker's own.
    await searchFor(page, '毫州');
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“毫州”，以下是名称相近的“亳州市”；不确定时请拨打 400-000-0000 咨询。',
    );
    expect((await titles(page))[0]).toMatch(/^亳州市 安徽省：暂未覆盖/);
    expect(fetched.filter((p) => p === '/search-sounds.json')).toHaveLength(1);
    expect(near()).toHaveLength(1);
    await page.context().close();
  });

  it('answers a city with its districts, not with streets its name begins (长沙 → 芙蓉区, not 五里牌街道)', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '长沙');
    const list = await titles(page);
    expect(list[0]).toContain('长沙市');
    // The rest are its districts and counties (which seven of its nine: Pagefind's order).
    const under = /^(芙蓉区|天心区|岳麓区|开福区|雨花区|望城区|长沙县|浏阳市|宁乡市) /;
    expect(list.slice(1, 8).filter((t) => under.test(t))).toHaveLength(7);
    expect(list.filter((t) => t.includes('→'))).toEqual([]);
    // Typing into a street's name names it.
    await searchFor(page, '长沙五里牌');
    expect((await titles(page))[0]).toMatch(/^五里牌街道 → 长沙市 芙蓉区/);
  });

  it('says a real place is not covered yet, with the hotline and a form for that place', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '凤凰县');
    const first = (await titles(page))[0];
    expect(first).toMatch(/^凤凰县 湖南省 湘西土家族苗族自治州：暂未覆盖/);
    expect(first).toContain('400-000-0000');
    const form = '/regions/?uncovered=433123#lead-form';
    expect(await page.locator('#site-search-results li').first().locator(`a[href="${form}"]`).count()).toBe(1);
    expect(await page.getAttribute(`#site-search-results a[href="${form}"]`, 'aria-label')).toBe(
      '在线留言（湖南省 湘西土家族苗族自治州 凤凰县）',
    );
    // A brand chosen: the place is still found (a record of uncovered places has no brand), and the
    // status says the filter was set aside, rather than "not found" for a place that exists.
    await page.selectOption('select[name=brand]', '坚匣');
    await page.waitForFunction(() =>
      document.querySelector('#site-search-status')?.textContent?.startsWith('所选“坚匣”中没有“凤凰县”'),
    );
    expect(await page.textContent('#site-search-status')).toBe('所选“坚匣”中没有“凤凰县”，以下不限筛选：找到 1 个结果');
    expect((await titles(page))[0]).toMatch(/^凤凰县 湖南省 湘西土家族苗族自治州：暂未覆盖/);
    await page.selectOption('select[name=brand]', '');
    await searchFor(page, '月球');
    expect(await page.textContent('#site-search-status')).toContain('拨打 400-000-0000');
    // A town of that county says the same, naming the county (廖家桥镇 is only in 凤凰县); its form has
    // the county chosen, and the lead it takes says nobody covers it.
    await searchFor(page, '廖家桥镇');
    expect((await titles(page))[0]).toMatch(/^廖家桥镇 → 湘西州 凤凰县：暂未覆盖。可拨打 400-000-0000 咨询，或在线留言/);
    // Its form link carries the town, for the address, as without JavaScript.
    expect(await page.locator('#site-search-results li').first().locator('a:text("在线留言")').getAttribute('href')).toBe(
      `/regions/?uncovered=433123&town=${encodeURIComponent('廖家桥镇')}#lead-form`,
    );
    expect(await page.locator('#site-search-results li').first().locator('a[href="tel:4000000000"]').count()).toBe(1);
    // An area of a city that is no division (src/lib/areas.ts) names each county it lies in.
    await searchFor(page, '汉口');
    expect(
      (await titles(page))
        .slice(0, 3)
        .map((t) => t.split('：')[0])
        .sort(),
    ).toEqual(['汉口 → 武汉市 江岸区', '汉口 → 武汉市 江汉区', '汉口 → 武汉市 硚口区'].sort());
    await searchFor(page, '廖家桥镇');
    await Promise.all([
      page.waitForURL(/\/regions\/\?uncovered=433123&town=.+#lead-form$/),
      page.locator('#site-search-results li a', { hasText: '在线留言' }).first().click(),
    ]);
    await page.waitForFunction(() => (document.querySelector('#lead-region') as HTMLSelectElement | null)?.value === '433123');
    const chosen = await page.$eval('#lead-region', (s: HTMLSelectElement) => s.selectedOptions[0].text);
    expect(chosen).toBe('湖南省 湘西土家族苗族自治州 凤凰县（暂未覆盖）');
    expect(await page.inputValue('#lead-address')).toBe('廖家桥镇');
    await fill(page, { name: '郑女士', phone: '13800005555', description: '指纹锁没电打不开' });
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    expect(await page.textContent('[data-lead-next]')).toMatch(/^湖南省 湘西土家族苗族自治州 凤凰县 暂未覆盖。.*说明能否上门/);
    expect((await leads()).filter((l) => l.name === '郑女士').map((l) => [l.region_code, l.region_name])).toEqual([
      ['433123', '湖南省 湘西土家族苗族自治州 凤凰县（暂未覆盖）'],
    ]);
    // The form posted before this file came (a slow phone), with an error: the Worker's page keeps the
    // place in its plain select, and the picker that comes then keeps it too.
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#lead-region') as HTMLSelectElement | null)?.value === '433123');
    await page.fill('#lead-phone', '1380000');
    await Promise.all([
      page.waitForURL(/\/api\/leads#lead-form$/),
      page.$eval('form[data-lead-form]', (f: HTMLFormElement) => f.submit()), // no submit event: a plain post
    ]);
    await page.waitForSelector('#lead-region-1', { state: 'attached' });
    expect(await page.$eval('#lead-region', (s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(
      '湖南省 湘西土家族苗族自治州 凤凰县（暂未覆盖）',
    );
    expect(await page.inputValue('[data-lead-form] input[type=hidden][name=region]')).toBe('433123');
    // A link that names a region covered since has it chosen; one that names no region chooses nothing,
    // and its text is never shown.
    for (const [code, chosen] of [
      ['433101', ['433101', '430000', '433100', '433101']],
      ['999999', ['', '', '', '']],
    ] as const) {
      const other = await open(`/regions/?uncovered=${code}`, true);
      await other.waitForSelector('#lead-region-1', { state: 'attached' });
      const values = await other.$$eval('[name=region], [data-region-picker] select', (els) =>
        els.map((el) => (el as HTMLInputElement).value),
      );
      expect(values, code).toEqual(chosen);
      await other.context().close();
    }
  });

  it('finds any town of China, as people write it, and says which county page it leads to', async () => {
    const page = await onPage('/', true);
    for (const q of [
      '乾州街道',
      '乾州',
      '吉首市乾州街道',
      '湘西乾州',
      '湘西 乾州',
      '湖南吉首乾州',
      'hunan吉首乾州',
      'qianzhou',
      // As phones and customers also send it: a capital, an address's parts below the town.
      'Qianzhou',
      '乾州社区',
      '吉首市乾州街道世纪山水小区',
    ]) {
      await searchFor(page, q);
      const first = page.locator('#site-search-results a').first();
      expect(await first.textContent(), q).toBe('乾州街道 → 湘西州 吉首市');
      expect(await first.getAttribute('href'), q).toBe(`/hunan/xiangxi/jishou/?town=${encodeURIComponent('乾州街道')}`);
    }
    // The county's page says which town led there, and the address begins with it.
    await Promise.all([
      page.waitForURL('**/hunan/xiangxi/jishou/?town=*'),
      page.locator('#site-search-results a').first().click(),
    ]);
    expect(await page.textContent('[data-town-asked]')).toBe('您搜索的乾州街道属于吉首市，以下服务覆盖吉首市全境。');
    expect(await page.inputValue('#lead-address')).toBe('乾州街道');
    // A link naming anything else (not a town of this county) shows nothing.
    for (const town of ['廖家桥镇', '官方授权维修中心']) {
      await page.goto(`${baseUrl}/hunan/xiangxi/jishou/?town=${encodeURIComponent(town)}`);
      expect(await page.isHidden('[data-town-asked]'), town).toBe(true);
      expect(await page.inputValue('#lead-address'), town).toBe('');
    }
    // A town of a county-less city is its own page.
    await searchFor(page, '石龙镇');
    const shilong = page.locator('#site-search-results a').first();
    expect(await shilong.textContent()).toBe('石龙镇 → 东莞市 石龙镇');
    expect(await shilong.getAttribute('href')).toBe('/guangdong/dongguan/shilong/');
  });

  it('lists every county of a shared town name on request, and narrows them by province', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '城关镇');
    // More records than were read: no count until they are (some may hold none of its places).
    expect(await page.textContent('#site-search-status')).toBe('显示前 8 个结果；可按省份筛选，或点“显示全部”');
    const first = await titles(page);
    // The arrow keys reach 显示全部 after the eighth place's links; Enter there lists them all.
    await page.focus('#site-search');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown'); // past the last: it stays there
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('显示全部');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#site-search-results li').length === 93);
    // The first eight where they were, the other 85 after them (88 towns of today, 5 of 2020).
    expect((await titles(page)).slice(0, 8)).toEqual(first.slice(0, 8));
    // The button went with the list it ended: focus is on the first place it added (the ninth, each
    // with two links), not lost, nor back among those already read.
    await page.waitForFunction(
      () => document.activeElement === document.querySelectorAll('#site-search-results li')[8].querySelector('a'),
    );
    const all = await titles(page);
    expect(all.every((t) => t.startsWith('城关镇 → '))).toBe(true);
    expect(new Set(all).size).toBe(93);
    await page.selectOption('select[name=province]', '甘肃省');
    // The filter starts the list afresh; 甘肃 has 20 of the 93.
    await page.waitForFunction(() =>
      /^(找到 \d+ 个结果，)?显示前 8 个/.test(document.querySelector('#site-search-status')?.textContent ?? ''),
    );
    await page.click('#site-search-results button');
    await page.waitForFunction(() => document.querySelectorAll('#site-search-results li').length === 20);
    const inGansu = await titles(page);
    expect(inGansu.every((t) => t.startsWith('城关镇 → '))).toBe(true);
    // 甘肃 is not covered in the sample: each says so, naming a county of 甘肃 (兰州市 永登县…).
    expect(inGansu.some((t) => t.startsWith('城关镇 → 兰州市 '))).toBe(true);
    expect(inGansu.every((t) => t.includes('暂未覆盖'))).toBe(true);
    expect(inGansu.some((t) => t.includes('宝鸡市'))).toBe(false);
  });

  it('on the regions page, a new query or filter answers in place of the answer the page came with', async () => {
    const page = await onPage(`/regions/?q=${encodeURIComponent('城关镇')}`, true);
    expect(await page.isVisible('[data-search-answer]')).toBe(true); // the Worker's, for 城关镇: 93
    await page.click('#site-search');
    await page.selectOption('select[name=province]', '河南省');
    await answered(page, '城关镇');
    expect(await page.isVisible('[data-search-answer]')).toBe(false);
    expect((await titles(page)).slice(0, 8).every((t) => t.startsWith('城关镇 → '))).toBe(true);
  });

  it('counts what it found exactly when every record was read, and says when it only found a near name', async () => {
    const page = await onPage('/', true);
    // 石家庄's places (its districts and counties) sit in records of uncovered places that were all
    // read: the count is exact, and the button says it.
    await searchFor(page, '石家庄');
    const count = (await page.textContent('#site-search-status'))?.match(/^找到 (\d+) 个结果，显示前 8 个；可按省份筛选$/)?.[1];
    expect(Number(count)).toBeGreaterThan(20);
    expect(await page.textContent('#site-search-results button')).toBe(`显示全部 ${count} 个`);
    // No place holds 石门坎乡 (the data's name is 石门乡): the towns of that near name, said to be near
    // and named, with the hotline — 威宁's among them, not 石门县 (the longest word the query begins with).
    await searchFor(page, '石门坎乡');
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“石门坎乡”，以下是名称相近的“石门乡”；不确定时请拨打 400-000-0000 咨询。',
    );
    // Eight shown; the ninth on request (in a record of uncovered places not read yet: no count).
    expect(await page.textContent('#site-search-results button')).toBe('显示全部');
    await page.click('#site-search-results button');
    await page.waitForFunction(
      () =>
        !document.querySelector('#site-search-results button') &&
        document.querySelectorAll('#site-search-results li').length === 9,
    );
    const near = await titles(page);
    expect(near.every((t) => t.startsWith('石门乡 → '))).toBe(true);
    expect(near.some((t) => t.startsWith('石门乡 → 毕节市 威宁彝族回族苗族自治县'))).toBe(true);
    // No near name either: Pagefind's nearest words, of the reading that accounts for most of the query
    // (石门 within 湖南省: 石门县, not 湖南省 itself).
    await searchFor(page, '湖南石门坎乡');
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“湖南石门坎乡”，以下是名称相近的地方；不确定时请拨打 400-000-0000 咨询。',
    );
    expect((await titles(page))[0]).toMatch(/^石门县 湖南省 常德市/);
    // A suffix it had (增城市 is 增城区 since 2014): the place with the data's suffix, as near.
    await searchFor(page, '增城市');
    expect(await page.textContent('#site-search-status')).toBe(
      '没有找到“增城市”，以下是名称相近的“增城区”；不确定时请拨打 400-000-0000 咨询。',
    );
    expect(await titles(page)).toEqual([expect.stringMatching(/^增城区 广东省 广州市：暂未覆盖/)]);
    // A county written under the prefecture it left (简阳 went from 资阳 to 成都 in 2016): where it is.
    await searchFor(page, '资阳简阳');
    expect(await page.textContent('#site-search-status')).toBe(
      '“简阳市”不在“资阳”，以下是同省的“简阳市”；不确定时请拨打 400-000-0000 咨询。',
    );
    expect(await titles(page)).toEqual([expect.stringMatching(/^简阳市 四川省 成都市：暂未覆盖/)]);
    // Places the region data has none of: said, whatever a town of a similar name gives.
    for (const q of ['香港', '臺北']) {
      await searchFor(page, q);
      expect(await page.textContent('#site-search-status'), q).toMatch(/ 本站服务地区不含香港、澳门、台湾。$/);
    }
    // A province typed that contradicts the one chosen: nothing in the chosen one, so the place
    // itself, with the filter said to be set aside.
    await page.selectOption('select[name=province]', '广东省');
    await searchFor(page, '湖南吉首乾州');
    expect((await titles(page))[0]).toMatch(/^乾州街道 → 湘西州 吉首市/);
    expect(await page.textContent('#site-search-status')).toBe('所选“广东省”中没有“湖南吉首乾州”，以下不限筛选：找到 1 个结果');
    // Nowhere at all: said with the filter named, so it is not taken for the whole country.
    await searchFor(page, '月球');
    expect(await page.textContent('#site-search-status')).toMatch(/^在所选“广东省”中没有找到“月球”。/);
  });

  it('shows nothing for a box emptied while its first search was on its way', async () => {
    const page = await open('/', true);
    await page.fill('#site-search', '长');
    await page.fill('#site-search', ''); // before Pagefind has even loaded
    await page.waitForTimeout(1500);
    expect(await page.locator('#site-search-results li').count()).toBe(0);
    expect(await page.textContent('#site-search-status')).toBe('');
    await page.context().close();
  });

  it('falls back to the list of regions on Enter when the search worker cannot load', async () => {
    const page = await open('/', true);
    await page.context().route('**/search-worker*', (route) => route.abort());
    await page.fill('#site-search', '吉首');
    await Promise.all([page.waitForURL(/\/regions\/\?q=/, { timeout: 10_000 }), page.press('#site-search', 'Enter')]);
    await page.context().close();
  });

  it('leaves the arrow keys to the province filter', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '城关镇');
    // Each result's link names its place in full, for a screen reader's list of links.
    const labels = await page
      .locator('#site-search-results a[aria-label^="在线留言"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^在线留言（\S+ \S+ 城关镇）$/);
    await page.focus('select[name=province]');
    const prevented = await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('select[name=province]')!;
      const down = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
      select.dispatchEvent(down);
      return down.defaultPrevented;
    });
    expect(prevented).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('province');
  });

  it("fetches Pagefind's set-up files beside its script, once each (src/scripts/pagefind-early.ts)", async () => {
    const page = await open('/', true);
    const fetched: string[] = [];
    page.on('request', (r) => void (r.url().includes('/pagefind/') && fetched.push(new URL(r.url()).pathname)));
    await searchFor(page, '吉首');
    expect((await titles(page))[0]).toContain('吉首市');
    // The entry file asked for before pagefind.js, not once it has loaded; then its language's files.
    const setUp = fetched.filter((p) => !/\/(index|fragment|covered)\//.test(p));
    expect(setUp.slice(0, 2)).toEqual(['/pagefind/pagefind-entry.json', '/pagefind/pagefind.js']);
    expect(setUp.slice(2).sort()).toEqual([
      expect.stringMatching(/^\/pagefind\/pagefind\.und_\w+\.pf_meta$/),
      '/pagefind/wasm.unknown.pagefind',
    ]);
    await page.context().close();
  });

  it('answers a later search of a covered place from the fragments fetched after the first', async () => {
    const page = await open('/', true);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname)); // the search worker's too
    // The sample's covered places weigh little: all of them in one file (scripts/covered-fragments.ts).
    const bundle = page.waitForResponse(/\/pagefind\/covered\/site\.json$/);
    await searchFor(page, '吉首'); // the covered places' fragments follow the answer
    await bundle;
    expect(fetched.filter((p) => p.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
    await page.waitForTimeout(300); // read into the worker
    const before = fetched.length;
    await searchFor(page, '长沙');
    const later = fetched.slice(before);
    expect(later.filter((p) => p.endsWith('.pf_index')).length).toBeGreaterThan(0);
    expect(later.filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    const found = await titles(page);
    expect(found.slice(0, 3)).toEqual([
      expect.stringContaining('长沙市'),
      expect.stringContaining('长沙县'),
      expect.stringContaining('浏阳市'),
    ]);
    // Another province's town: its fragment is here too.
    const other = fetched.length;
    await searchFor(page, '虎门');
    expect(fetched.slice(other).filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    expect((await titles(page))[0]).toContain('虎门镇');
    expect(fetched.filter((p) => p.includes('/pagefind/covered/'))).toEqual(['/pagefind/covered/site.json']);
    await page.context().close();
  });

  it('keeps the search, filters too, when the customer comes back from a result', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '太平镇');
    await page.selectOption('select[name=province]', '湖南省');
    await listed(page, 3);
    const before = await titles(page);
    await Promise.all([page.waitForNavigation(), page.locator('#site-search-results a').first().click()]);
    await page.goBack();
    await answered(page, '太平镇');
    expect(await page.inputValue('#site-search')).toBe('太平镇');
    expect(await page.inputValue('select[name=province]')).toBe('湖南省');
    expect(await titles(page)).toEqual(before);
    // Emptied, the box is empty again after a reload: nothing kept.
    await page.fill('#site-search', '');
    await page.reload();
    expect(await page.inputValue('#site-search')).toBe('');
  });

  it('searches the index there now when a deploy has replaced the one the page started with', async () => {
    const page = await open('/', true);
    const entries: string[] = [];
    page.on('request', (r) => void (r.url().includes('/pagefind/pagefind-entry.json') && entries.push(r.url())));
    await searchFor(page, '吉首');
    expect(entries).toHaveLength(1);
    // As a tab left open across a deploy finds it: the index chunk it would load is gone, once.
    await page.context().route('**/pagefind/index/**', (route) => route.fulfill({ status: 404, body: '' }), { times: 1 });
    await searchFor(page, '长沙');
    expect((await titles(page))[0]).toContain('长沙市');
    expect(entries).toHaveLength(2); // Pagefind started again, from the index's entry file
    await page.context().close();
  });

  it('says search is unavailable, with the hotline, when its files cannot be loaded', async () => {
    const page = await open('/', true);
    await page.context().route('**/pagefind/**', (route) => route.abort());
    await searchFor(page, '吉首');
    expect(await page.textContent('#site-search-status')).toBe('搜索暂时不可用，请稍后再试，或拨打 400-000-0000 咨询。');
    await page.context().close();
  });

  it('filters by brand and is usable with the keyboard alone', async () => {
    const page = await onPage('/', true);
    await searchFor(page, '东莞');
    await page.selectOption('select[name=brand]', '栖门');
    // 栖门 is serviced only in 东城街道 of 东莞: that town, and 东莞市 above it.
    await listed(page, 2);
    expect(await titles(page)).toEqual([expect.stringContaining('东莞市'), expect.stringContaining('东城街道')]);
    // The city's result says so, as its page does: not every town of 东莞 has 栖门.
    expect(await page.textContent('#site-search-results li:first-child')).toContain('· 坚匣、栖门（仅部分镇街）');
    expect(await page.textContent('#site-search-results li:nth-child(2)')).toContain('· 坚匣、栖门');
    expect(await page.textContent('#site-search-results li:nth-child(2)')).not.toContain('仅部分');
    await page.selectOption('select[name=brand]', '');
    await page.focus('#site-search');
    await page.fill('#site-search', '岳麓');
    await page.waitForFunction(
      () => document.querySelector('#site-search-results a')?.textContent?.includes('岳麓区'),
      undefined,
      { timeout: 5000 },
    );
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('岳麓区');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/hunan/changsha/yuelu/');
    // Enter straight after typing waits for the results, then goes to the first: a brand's own page
    // before the 54 places whose words name it.
    await page.focus('#site-search');
    await page.fill('#site-search', '坚匣');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('#site-search-results'), undefined, { timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/brands/jianxia/');
    // One result: Enter opens its page.
    await page.fill('#site-search', '吉首');
    await Promise.all([page.waitForURL(/\/hunan\/xiangxi\/jishou\/$/, { timeout: 5000 }), page.press('#site-search', 'Enter')]);
  });
});
