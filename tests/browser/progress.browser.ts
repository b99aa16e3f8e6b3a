// The customer's side in Chromium against wrangler dev: after sending the form, what happens next
// and the link to the progress page; the look-up, the operator's change showing, cancel — with
// JavaScript and without; no axe-core violations.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { beijingDaysAhead } from '../beijing-day.ts';

const visit = beijingDaysAhead(1, '15:00');
import { baseUrl, sharedBrowser, screenshot, violations, ownAddress } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

async function sendForm(page: Page, phone: string) {
  await page.goto(`${baseUrl}/hunan/xiangxi/jishou/`);
  await page.fill('#lead-name', '陶女士');
  await page.fill('#lead-phone', phone);
  await page.fill('#lead-description', '智能锁没电打不开');
  await page.selectOption('#lead-brand', 'jianxia');
  await page.check('#lead-consent');
  await page.check('#lead-abroad');
}

/** A staff member books the visit in the inbox; their page stays open. */
async function operatorSchedules(reference: string) {
  const name = `调度${Date.now() % 100000}`;
  const added = await fetch(`${baseUrl}/api/admin/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, role: 'staff' }),
  });
  const code = new URL(((await added.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
  const setup = await fetch(`${baseUrl}/admin/setup`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json', ...ownAddress() },
    body: JSON.stringify({ code, password: 'a long enough password' }),
  });
  const cookie = /baoxiu-session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')![0];
  // In the inbox, as staff do it: find the lead by its reference, book the visit.
  const context = await browser.newContext({
    extraHTTPHeaders: ownAddress(),
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  await context.addCookies([{ name: 'baoxiu-session', value: cookie.split('=')[1], url: `${baseUrl}/admin/` }]);
  const inbox = await context.newPage();
  await inbox.goto(`${baseUrl}/admin/?q=${reference}`);
  await submit(inbox, `a:has-text("${reference}")`);
  await inbox.selectOption('#stage', 'scheduled');
  await inbox.fill('#appointmentAt', visit.local);
  await submit(inbox, 'form[action$="/stage"] button');
  expect(await inbox.textContent('main')).toContain('已预约');
  return inbox;
}

describe('the customer, with JavaScript', () => {
  it('is told what happens next, looks the lead up, sees the booking, and cancels', async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: ownAddress(),
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await sendForm(page, '13655550001');
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-done]:not([hidden])');
    const reference = (await page.textContent('[data-lead-done] [data-lead-reference]'))!.trim();
    // On one line at a phone's width, as it is read out and typed: not cut at a hyphen.
    const lines = await page.$eval('[data-lead-done] [data-lead-reference]', (el) => {
      const text = document.createRange();
      text.selectNodeContents(el);
      return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    const next = (await page.textContent('[data-lead-done] [data-lead-next]'))!;
    expect(next).toMatch(/客服会在|现在不在服务时间/);
    expect(next).toContain('吉首市：市区 2 小时内上门');
    expect(next).toContain('400-000-0000');
    // The hotline in it is a link to call.
    expect(await page.getAttribute('[data-lead-done] [data-lead-next] a', 'href')).toBe('tel:4000000000');

    await submit(page, '[data-lead-done] [data-lead-progress]');
    expect(await page.inputValue('#progress-reference')).toBe(reference);
    await page.fill('#progress-tail', '0001');
    await page.click('form[data-progress-form] button');
    await expect.poll(() => page.textContent('[data-progress-lines]')).toContain(`单号 ${reference}：已受理。`);
    expect(await violations(page)).toEqual([]);

    const inbox = await operatorSchedules(reference);
    await page.click('form[data-progress-form] button');
    await expect.poll(() => page.textContent('[data-progress-lines]')).toContain(`已预约，上门时间 ${visit.shown}（北京时间）`);

    await page.check('#progress-confirm');
    await page.click('form[data-progress-cancel] button');
    await expect.poll(() => page.textContent('[data-progress-lines]')).toContain('已取消');
    expect(await page.isHidden('form[data-progress-cancel]')).toBe(true);
    // The operator sees it on the lead's page: who (the customer) and when.
    await inbox.reload();
    expect(await inbox.textContent('[data-history]')).toContain('客户：改为已取消（客户在进度页取消）');
    await inbox.context().close();
    // The page's repair form, sent empty, shows its own errors; a look-up leaves them as they are.
    await page.click('[data-lead-form] button[type=submit]');
    await page.waitForSelector('[data-lead-form] [data-error-for=name]:not([hidden])');
    // A wrong tail: the one "not found" answer.
    await page.fill('#progress-tail', '9999');
    await page.click('form[data-progress-form] button');
    await expect.poll(() => page.textContent('form[data-progress-form] [data-error-for=form]')).toContain('没有找到这条报修');
    expect(await page.isVisible('[data-lead-form] [data-error-for=name]')).toBe(true);
    await context.close();
  });
});

describe('the customer, without JavaScript', () => {
  it('gets the same: next steps and the link on /thanks/, the look-up and cancel as pages', async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: ownAddress(),
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await sendForm(page, '13655550002');
    await submit(page, '[data-lead-form] button[type=submit]');
    const reference = (await page.textContent('[data-lead-reference]'))!.trim();
    expect(await page.textContent('[data-lead-next]')).toContain('吉首市：市区 2 小时内上门');
    expect(await page.getAttribute('[data-lead-next] a', 'href')).toBe('tel:4000000000');
    expect(await page.textContent('[data-lead-next] a')).toBe('400-000-0000');
    expect(await page.textContent('[data-lead-done]')).toContain('请记下或截图保存：查询进度、加急时都要用。');
    expect(await page.$('[data-lead-none]')).toBeNull();
    // Reached by a redirect (Post/Redirect/Get): a reload asks for the page again, not the post.
    expect(new URL(page.url()).pathname).toBe('/api/leads/confirmation');
    await page.reload();
    expect((await page.textContent('[data-lead-reference]'))!.trim()).toBe(reference);
    expect(await page.getAttribute('[data-lead-progress]', 'href')).toBe(`/progress/?ref=${reference}`);

    await submit(page, '[data-lead-progress]');
    expect(await page.inputValue('#progress-reference')).toBe(reference);
    await page.fill('#progress-tail', '0002');
    await submit(page, 'form[data-progress-form] button');
    expect(await page.textContent('[data-progress-lines]')).toContain(`单号 ${reference}：已受理。`);
    await page.check('#progress-confirm');
    await submit(page, 'form[data-progress-cancel] button');
    expect(await page.textContent('[data-progress-lines]')).toContain('已取消');
    expect(await page.textContent('[data-progress-lines]')).toContain('已为您取消');
    await screenshot(page, 'progress-cancelled-390');
    // A wrong tail: the one "not found" answer, with what was typed kept to correct.
    await page.fill('#progress-tail', '9999');
    await submit(page, 'form[data-progress-form] button');
    expect(await page.textContent('form[data-progress-form] [data-error-for=form]')).toContain('没有找到这条报修');
    expect([await page.inputValue('#progress-reference'), await page.inputValue('#progress-tail')]).toEqual([reference, '9999']);

    // /thanks/ opened as it is (a bookmark) shows no request as sent.
    await page.goto(`${baseUrl}/thanks/`);
    expect(await page.isVisible('[data-lead-done]')).toBe(false);
    expect(await page.textContent('[data-lead-none]')).toContain('提交报修后，这里显示单号和接下来的安排');
    // A confirmation link that no longer works says why on the look-up, still without a script.
    expect(await page.isVisible('#expired')).toBe(false);
    await page.goto(`${baseUrl}/api/leads/confirmation?t=nothing`);
    expect(new URL(page.url()).hash).toBe('#expired');
    expect(await page.isVisible('#expired')).toBe(true);
    expect(await page.textContent('#expired')).toContain('报修结果页的链接已失效');
    await context.close();
  });
});
