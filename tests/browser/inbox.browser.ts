// The inbox's pages in Chromium against wrangler dev (the deployed entry: Worker + Astro's
// on-demand pages): nothing without a session, sign-in without JavaScript, the list, sign-out.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { beijingDaysAhead } from '../beijing-day.ts';
import { baseUrl, sharedBrowser, query, screenshot, violations, ownAddress } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

/** A user with a password, made as the CLI does (admin API) and set up by the setup handler. */
async function user(): Promise<{ name: string; password: string }> {
  const name = `试用${Date.now() % 100000}`;
  const added = await fetch(`${baseUrl}/api/admin/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, role: 'staff' }),
  });
  const code = new URL(((await added.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
  const password = 'a phone-friendly passphrase';
  const setup = await fetch(`${baseUrl}/admin/setup`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...ownAddress() },
    body: new URLSearchParams({ code, password }).toString(),
  });
  expect(setup.status).toBe(200);
  return { name, password };
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: ownAddress(),
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  return context.newPage();
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the inbox', () => {
  it('shows nothing without a session: /admin/ sends to the sign-in page, neither cached nor indexed', async () => {
    const res = await fetch(`${baseUrl}/admin/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sign-in/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(await res.text()).not.toContain('BX-');
    const page = await fetch(`${baseUrl}/admin/sign-in/`);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('signs in on a phone without JavaScript, lists the newest leads, and signs out', async () => {
    const lead = await fetch(`${baseUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '褚先生',
        phone: '13600009876',
        region: '433101',
        brand: 'jianxia',
        description: '保险柜密码锁坏了需要上门',
        consent: true,
        abroad: true,
      }),
    });
    const { reference } = (await lead.json()) as { reference: string };
    const { name, password } = await user();
    const page = await phone();

    await page.goto(`${baseUrl}/admin/`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    await page.fill('#name', name);
    await page.fill('#password', 'not the password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.textContent('[role=alert]')).toContain('用户名或密码不正确');
    // The name is kept, the password is not, and the cursor waits in the password.
    expect([await page.inputValue('#name'), await page.inputValue('#password')]).toEqual([name, '']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    const row = page.locator(`[data-lead="${reference}"]`);
    expect(await row.textContent()).toMatch(/新[\s\S]*湖南省 湘西土家族苗族自治州 吉首市 · 坚匣[\s\S]*保险柜密码锁坏了需要上门/);
    expect(await fitsWidth(page)).toBe(true);

    // Found by the customer's phone, then the lead's page: call back, map links, and working it with plain forms.
    await page.fill('#q', '136 0000 9876');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("筛选")')]);
    await Promise.all([page.waitForNavigation(), page.click(`a:has-text("${reference}")`)]);
    expect(await page.getAttribute('a.call', 'href')).toBe('tel:+8613600009876');
    expect(await page.getAttribute('text=高德地图', 'href')).toContain(encodeURIComponent('湖南省 湘西土家族苗族自治州 吉首市'));
    await page.selectOption('#stage', 'cancelled');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/stage"] button')]);
    expect(await page.textContent('[role=alert]')).toContain('取消需要填写原因');
    await page.selectOption('#stage', 'scheduled');
    const when = beijingDaysAhead(1);
    await page.fill('#appointmentAt', when.local);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/stage"] button')]);
    expect(await page.textContent('main')).toContain(`已预约 · 上门 ${when.shown}`);
    await page.fill('#text', '客户下午在家');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/notes"] button')]);
    const history = await page.textContent('[data-history]');
    expect(history).toContain(`${name}：改为已预约（上门 ${when.shown}）`);
    expect(history).toContain(`${name}：备注（客户下午在家）`);
    expect(await page.textContent('[data-deliveries]')).toMatch(/日志 · (已送达|发送中)/);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'inbox-lead-390');
    // Back to the list it came from, after two saves sent it back to the lead's own page.
    const leadUrl = page.url();
    await Promise.all([page.waitForNavigation(), page.click('text=← 收件箱')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('136 0000 9876');
    expect(await page.inputValue('#q')).toBe('136 0000 9876');
    expect(await page.locator('ul.inbox li').count()).toBe(1);
    // The view is this user's, for a session's idle time: another user on the device gets the inbox.
    const view = (await page.context().cookies()).find((c) => c.name === 'baoxiu-inbox-view')!;
    expect(view.expires - Date.now() / 1000).toBeGreaterThan(11 * 3600);
    expect(view.expires - Date.now() / 1000).toBeLessThan(13 * 3600);
    await page.context().addCookies([{ ...view, value: view.value.replace(/^[^%|]+/, 'another-user') }]);
    await page.goto(leadUrl);
    expect(await page.getAttribute('text=← 收件箱', 'href')).toBe('/admin/');

    await Promise.all([page.waitForNavigation(), page.click('text=退出')]);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    // The searched phone number does not stay on the device.
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('baoxiu-inbox-view');
    await page.goto(`${baseUrl}/admin/`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    // A lead's link opened signed out (a notification's): signing in goes on to that lead, through a
    // wrong password too; a link naming a page elsewhere goes to the inbox.
    await page.goto(leadUrl);
    expect(new URL(page.url()).searchParams.get('next')).toBe(new URL(leadUrl).pathname);
    await page.fill('#name', name);
    await page.fill('#password', 'not the password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.textContent('[role=alert]')).toContain('用户名或密码不正确');
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(page.url()).toBe(leadUrl);
    await Promise.all([page.waitForNavigation(), page.click('text=退出')]);
    await page.goto(`${baseUrl}/admin/sign-in/?next=${encodeURIComponent('//evil.example/admin/')}`);
    expect(await page.$('input[name=next]')).toBeNull();
    await page.context().close();
  });

  it('finds a lead by reference in the other folder, and keeps a stage and time it could not save', async () => {
    // A form filled in by a bot's hands (the honeypot field): stored in 垃圾, its reference given all the same.
    const posted = await fetch(`${baseUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '蒋女士',
        phone: '13600004321',
        region: '433101',
        description: '指纹锁没反应了',
        consent: true,
        abroad: true,
        website: 'http://example.com',
      }),
    });
    const { reference } = (await posted.json()) as { reference: string };
    const { name, password } = await user();
    const page = await phone();
    await page.goto(`${baseUrl}/admin/sign-in/`);
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

    await page.fill('#q', reference);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("筛选")')]);
    expect(await page.textContent('main')).toContain('没有符合条件的报修。');
    expect(await page.textContent('[data-other-folder]')).toContain('垃圾里有符合条件的报修');
    await Promise.all([page.waitForNavigation(), page.click('[data-other-folder] a')]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('spam');
    await Promise.all([page.waitForNavigation(), page.click(`a:has-text("${reference}")`)]);
    await Promise.all([page.waitForNavigation(), page.click('text=不是垃圾')]);

    // A visit a year ahead (the year mistyped): refused, the form as it was sent.
    const far = beijingDaysAhead(365, '15:00');
    await page.selectOption('#stage', 'scheduled');
    await page.fill('#appointmentAt', far.local);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/stage"] button')]);
    expect(await page.textContent('[role=alert]')).toContain('上门时间在半年以后，请检查日期。');
    expect([await page.inputValue('#stage'), await page.inputValue('#appointmentAt')]).toEqual(['scheduled', far.local]);
    // The page's own link fills in nothing.
    await page.goto(page.url().replace(/\?.*$/, ''));
    expect([await page.inputValue('#stage'), await page.inputValue('#appointmentAt')]).toEqual(['', '']);
    await page.context().close();
  });

  it('sets a password from the setup link, in the browser without JavaScript, and signs in', async () => {
    const name = `新人${Date.now() % 100000}`;
    const added = await fetch(`${baseUrl}/api/admin/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, role: 'staff' }),
    });
    const { setupUrl } = (await added.json()) as { setupUrl: string };
    const page = await phone();
    await page.goto(setupUrl);
    expect(await page.textContent('main')).toContain(`为 ${name} 设置登录密码。`);
    await page.fill('#password', 'long enough password');
    await page.fill('#confirm', 'not the same password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.textContent('[role=alert]')).toContain('两次输入的密码不一致');
    await page.fill('#password', 'long enough password');
    await page.fill('#confirm', 'long enough password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    expect(await page.textContent('header')).toContain(name);
    // The link works once, and says so when it opens again (not after a password is typed twice).
    await page.goto(setupUrl);
    expect(await page.textContent('[role=alert]')).toContain('已使用或已过期');
    expect(await page.isVisible('#password')).toBe(false);
    await page.context().close();
  });

  it('adds a passkey on the account page and signs in with it (Chromium virtual authenticator)', async () => {
    const { name, password } = await user();
    // WebAuthn wants a domain as the relying party, not an IP address: the same server as localhost.
    const site = baseUrl.replace('127.0.0.1', 'localhost');
    const context = await browser.newContext({
      extraHTTPHeaders: ownAddress(),
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(`${site}/admin/sign-in/`);
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(`${site}/admin/`), page.click('button[type=submit]')]);

    await page.goto(`${site}/admin/account/`);
    expect(await page.textContent('main')).toContain('还没有通行密钥');
    await Promise.all([page.waitForEvent('load'), page.click('#passkey-add')]);
    await expect.poll(() => page.locator('[data-passkeys] li').count()).toBe(1);
    const [stored] = query<{ id: string; counter: number }>(
      'SELECT p.id, p.counter FROM passkeys p JOIN staff s ON s.id = p.staff_id WHERE s.name = ?',
      name,
    );
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(Buffer.from(credentials[0].credentialId, 'base64').toString('base64url')).toBe(stored.id);
    expect(credentials[0].isResidentCredential).toBe(true);

    // Signed out, the passkey alone signs in: no name typed.
    await Promise.all([page.waitForURL(`${site}/admin/sign-in/`), page.click('text=退出')]);
    await Promise.all([page.waitForURL(`${site}/admin/`), page.click('#passkey-sign-in')]);
    expect(await page.textContent('header')).toContain(name);
    const [used] = query<{ counter: number; last_used_at: string | null }>(
      'SELECT counter, last_used_at FROM passkeys WHERE id = ?',
      stored.id,
    );
    expect(used.last_used_at).not.toBeNull();
    expect(used.counter).toBe((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount);

    // Removed, it opens nothing, and the page says so in Chinese.
    await page.goto(`${site}/admin/account/`);
    await Promise.all([page.waitForURL(/\/admin\/account\/\?removed=[0-9a-f-]{36}$/), page.click('[data-passkeys] button')]);
    expect(await page.locator('[data-passkeys] li').count()).toBe(0);
    // This session was opened with it, and stays: the phone in hand is not the lost one.
    expect(await page.textContent('[role=status].done')).toBe('已删除通行密钥。');
    // A link naming no removal of this user's says nothing.
    await page.goto(`${site}/admin/account/?removed=${crypto.randomUUID()}`);
    expect(await page.locator('[role=status].done').count()).toBe(0);
    // (complete-setup: this user set their password with their setup link.)
    expect(query(`SELECT action FROM operator_log WHERE staff_name = ? ORDER BY at`, name).map((r) => r.action)).toEqual([
      'complete-setup',
      'add-passkey',
      'remove-passkey',
    ]);
    await Promise.all([page.waitForURL(`${site}/admin/sign-in/`), page.click('text=退出')]);
    await page.click('#passkey-sign-in');
    await expect.poll(() => page.textContent('#passkey-status')).toContain('不属于任何员工');
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    await context.close();
  });

  it('has no axe-core violations on the sign-in page, the list and a lead', async () => {
    const { name, password } = await user();
    const signIn = await fetch(`${baseUrl}/admin/sign-in`, {
      method: 'POST',
      headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...ownAddress() },
      body: new URLSearchParams({ name, password }).toString(),
    });
    const cookie = /baoxiu-session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')![1];
    const context = await browser.newContext({ extraHTTPHeaders: ownAddress(), locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/sign-in/`);
    expect(await violations(page)).toEqual([]);
    await context.addCookies([{ name: 'baoxiu-session', value: cookie, url: `${baseUrl}/admin/` }]);
    await page.goto(`${baseUrl}/admin/`);
    expect(await violations(page)).toEqual([]);
    await page.click('ul.inbox a');
    await page.waitForURL(/\/admin\/leads\//);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
