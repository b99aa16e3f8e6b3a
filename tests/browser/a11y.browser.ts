// axe-core in Chromium on every page type, the form showing errors and search showing results:
// zero violations. And the whole path by keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, sharedBrowser, query, violations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function open(path: string, js = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  return page;
}

const PAGES = {
  home: '/',
  brand: '/brands/jianxia/',
  province: '/hunan/',
  prefecture: '/hunan/xiangxi/',
  county: '/hunan/xiangxi/jishou/',
  town: '/guangdong/dongguan/humen/',
  regions: '/regions/',
  privacy: '/privacy/',
  thanks: '/thanks/',
  'not found': '/no/such/page/',
};

describe('axe-core finds no violations', () => {
  // One page for the page types, loaded one after another: a new browser context costs Chromium ~1
  // CPU-second, a navigation a third of that.
  let shared: Page;
  beforeAll(async () => {
    shared = await open('/');
  });
  afterAll(() => shared?.context().close());

  for (const [name, path] of Object.entries(PAGES)) {
    it(`on the ${name} page`, async () => {
      await shared.goto(baseUrl + path);
      expect(await violations(shared)).toEqual([]);
    });
  }

  it('on the form showing its errors, and on search results', async () => {
    const page = await open('/hunan/xiangxi/jishou/');
    await page.fill('#lead-phone', '12');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-error-for=phone]:not([hidden])');
    expect(await violations(page)).toEqual([]);
    await page.fill('#site-search', '吉首');
    await page.waitForFunction(() => (document.querySelector('#site-search-results') as HTMLElement).dataset.query === '吉首');
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the check itself', () => {
  it('reports a broken page (a field with no name at all)', async () => {
    const page = await open('/hunan/xiangxi/jishou/');
    await page.evaluate(() => {
      document.querySelector('label[for=lead-phone]')?.remove();
      document.querySelector('#lead-phone')?.removeAttribute('placeholder');
    });
    expect((await violations(page)).join()).toMatch(/^label:/);
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('search, pick a result, fill and submit the form', async () => {
    const page = await open('/');
    const k = page.keyboard;
    // Tab to the search box (skip the header links).
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'site-search'; i++)
      await k.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await k.type('吉首');
    await page.waitForFunction(() => (document.querySelector('#site-search-results') as HTMLElement).dataset.query === '吉首');
    await k.press('ArrowDown');
    await Promise.all([page.waitForNavigation(), k.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/hunan/xiangxi/jishou/');

    // To the form: Tab until the name field has focus, then fill every field in order.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'lead-name'; i++) await k.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-name');
    await k.type('键盘用户');
    await k.press('Tab');
    await k.type('13811112222');
    await k.press('Tab'); // brand: keep 其他 / 不确定
    await k.press('Tab');
    await k.type('只用键盘提交');
    await k.press('Tab'); // address
    await k.press('Tab'); // preferred time
    await k.press('Tab'); // consent
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-consent');
    await k.press('Space');
    // Past the privacy link in its label to the consent to storage abroad.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'lead-abroad'; i++) await k.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-abroad');
    await k.press('Space');
    // Past the link in that label to the submit button.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON'; i++) await k.press('Tab');
    await k.press('Enter');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lead-done'))).toBe(true);
    expect(
      query('SELECT region_code FROM leads WHERE request_id IN (SELECT request_id FROM leads ORDER BY created_at DESC LIMIT 5)')
        .length,
    ).toBeGreaterThan(0);
    await page.context().close();
  });
});
