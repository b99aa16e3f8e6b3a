// Against `wrangler dev`: the security headers of static pages, a page that works under its CSP
// (search with Pagefind's WebAssembly, the JavaScript form) without a single violation, and the
// operator's CLI deleting a customer's leads by phone number.
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { baseUrl, sharedBrowser, leads } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

describe('security headers and CSP', () => {
  it('static pages carry them (public/_headers)', async () => {
    const res = await fetch(`${baseUrl}/hunan/xiangxi/jishou/`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('permissions-policy')).toBeTruthy();
  });

  it('search and the JavaScript form work with no CSP violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${baseUrl}/hunan/xiangxi/jishou/`);
    await page.click('#site-search');
    await page.fill('#site-search', '吉首');
    await page.locator('#site-search-results a').first().waitFor();
    await page.fill('#lead-name', '冯先生');
    await page.fill('#lead-phone', '13800005555');
    await page.fill('#lead-description', '智能锁没电了');
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('npm run leads -- forget', () => {
  it('deletes every lead of a phone number through the admin API', async () => {
    const send = () =>
      fetch(`${baseUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: '褚女士',
          phone: '13800006666',
          region: '433101',
          description: '冰箱不制冷',
          consent: true,
          abroad: true,
        }),
      });
    let res = await send();
    // Every test posts from 127.0.0.1: wait out the per-IP limit if the other tests used it up.
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000 + 200));
      res = await send();
    }
    expect(res.status).toBe(201);
    expect((await leads()).some((l) => l.phone === '+8613800006666')).toBe(true);

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/leads.ts', ...args, '--url', baseUrl], {
        encoding: 'utf8',
        env: { ...process.env, ADMIN_TOKEN: inject('adminToken') },
      });
    const forget = cli('forget', '138 0000 6666');
    expect(forget.stderr).toBe('');
    expect(forget.stdout).toContain('Deleted 1 lead(s)');
    expect((await leads()).some((l) => l.phone === '+8613800006666')).toBe(false);

    const wrong = spawnSync(process.execPath, ['scripts/leads.ts', 'forget', '13800006666', '--url', baseUrl], {
      encoding: 'utf8',
      env: { ...process.env, ADMIN_TOKEN: 'wrong' },
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('401');
  });
});
