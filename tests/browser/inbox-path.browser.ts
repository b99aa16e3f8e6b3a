// The operator's whole day in Chromium against wrangler dev, without JavaScript (plain forms and
// links): the first owner from the CLI's link, a customer's lead arriving through the site's form,
// finding it, working it to 已完成 with a note, retrying a failed notification, the CSV of the
// view, forgetting the customer, signing out; an owner adding a technician, who may not manage
// staff; every inbox page without axe-core violations and without sideways scrolling at 390 and
// 1280 px and with 200 % text at 320 px.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { beijingDaysAhead } from '../beijing-day.ts';
import { baseUrl, sharedBrowser, query, screenshot, violations, ownAddress } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

/** `npm run leads -- users add <name> [--owner]`, as the person who deploys runs it. */
async function cliUser(name: string, owner: boolean): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'node',
    ['scripts/leads.ts', 'users', 'add', name, ...(owner ? ['--owner'] : []), '--url', baseUrl],
    { env: { ...process.env, ADMIN_TOKEN: inject('adminToken') } },
  );
  expect(stdout).toContain(`Added ${owner ? 'owner' : 'staff'} ${name}.`);
  return stdout.match(/http\S+\/admin\/setup\/\?code=\S+/)![0];
}

const phone = (javaScriptEnabled = false) =>
  browser.newContext({
    extraHTTPHeaders: ownAddress(),
    javaScriptEnabled,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });

const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

async function setPassword(context: BrowserContext, link: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.fill('#password', password);
  await page.fill('#confirm', password);
  await submit(page, 'button[type=submit]');
  expect(new URL(page.url()).pathname).toBe('/admin/');
  return page;
}

/** Writes to wrangler dev's local D1 file, as a failing provider would have left a delivery. */
function write(sql: string, ...params: string[]) {
  const dir = join(inject('stateDir'), 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!;
  const db = new DatabaseSync(join(dir, file));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const owner = `店主${Date.now() % 100000}`;
const password = 'a phone-friendly passphrase';
const customer = '13712345678';

describe('the inbox without JavaScript, from the first owner to a forgotten customer', () => {
  it('works a lead from arrival to 已完成, retries, exports, forgets and signs out', async () => {
    const context = await phone();
    const page = await setPassword(context, await cliUser(owner, true), password);

    // A customer sends the site's form (no JavaScript either).
    const site = await context.newPage();
    await site.goto(`${baseUrl}/hunan/xiangxi/jishou/`);
    await site.fill('#lead-name', '<b>韩</b>先生');
    await site.fill('#lead-phone', customer);
    await site.fill('#lead-description', '保险柜 <script>alert(1)</script> 打不开');
    await site.fill('#lead-address', '乾州街道 <img src=x onerror=alert(2)> 1 栋');
    await site.fill('#lead-time', '<i>明天</i>上午');
    await site.check('#lead-consent');
    await site.check('#lead-abroad');
    await submit(site, '[data-lead-form] button[type=submit]');
    const reference = (await site.textContent('[data-lead-reference]'))!.trim();
    await site.close();

    await page.reload();
    // The first 30 characters of the problem, as text.
    expect(await page.textContent(`[data-lead="${reference}"]`)).toContain('保险柜 <script>alert(1)</script>');
    // Found by the phone as the operator types it, and by a filter that excludes it not.
    await page.fill('#q', '137 1234 5678');
    await submit(page, '.filters button[type=submit]');
    expect(await page.locator('[data-lead]').count()).toBe(1);
    await page.click('summary:text("更多筛选")');
    await page.selectOption('.filters #stage', 'done');
    await submit(page, '.filters button[type=submit]');
    expect(await page.textContent('main')).toContain('没有符合条件的报修');
    await page.selectOption('.filters #stage', '');
    await submit(page, '.filters button[type=submit]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('137 1234 5678');

    // CSV of the view: the same safe CSV as the API, this lead only.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 CSV')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain(reference);
    // The phone as the inbox shows it: no + for a spreadsheet to read as a formula, so no ' before it.
    expect(csv).toContain(',13712345678,');
    // The same export asked from another site's page (what a link there would do under Access, whose
    // cookie may go along): refused, nothing recorded.
    const exports = () => query(`SELECT id FROM operator_log WHERE action = 'export-leads'`).length;
    const recorded = exports();
    const forged = await page.request.get(`${baseUrl}/admin/leads.csv`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect([forged.status(), await forged.text()]).toEqual([403, '请从收件箱页面导出。']);
    expect(exports()).toBe(recorded);
    // A HEAD hands over nothing, and records nothing (Astro would answer it with the GET).
    const head = await page.request.head(`${baseUrl}/admin/leads.csv`);
    expect([head.status(), head.headers()['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(exports()).toBe(recorded);

    await submit(page, `a:has-text("${reference}")`);
    const leadUrl = page.url();
    expect(await page.textContent('dt:text-is("称呼") + dd')).toBe('<b>韩</b>先生'); // text, not markup
    expect(await page.textContent('dt:text-is("地址") + dd')).toBe('乾州街道 <img src=x onerror=alert(2)> 1 栋');
    expect(await page.textContent('dt:text-is("方便上门时间") + dd')).toBe('<i>明天</i>上午');
    expect(await page.locator('main b, main i, main img, main script').count()).toBe(0);
    // No stage chosen for them: a time typed under a default 已联系 was dropped, saved as a success.
    expect(await page.inputValue('#stage')).toBe('');
    expect(await page.evaluate(() => document.querySelector<HTMLSelectElement>('#stage')!.checkValidity())).toBe(false);
    const visit = beijingDaysAhead(2, '14:00');
    for (const [stage, extra] of [
      ['contacted', null],
      ['scheduled', visit.local],
      ['done', null],
    ] as const) {
      await page.selectOption('#stage', stage);
      if (extra) await page.fill('#appointmentAt', extra);
      await submit(page, 'form[action$="/stage"] button');
    }
    expect(await page.textContent('main')).toContain('已完成');
    expect(await page.locator('form[action$="/stage"]').count()).toBe(0); // 已完成 is final
    await page.fill('#text', '已修好，客户满意');
    await submit(page, 'form[action$="/notes"] button');
    const history = (await page.textContent('[data-history]'))!;
    expect(history).toMatch(
      new RegExp(`${owner}：改为已联系[\\s\\S]*${owner}：改为已预约（上门 ${visit.shown}）[\\s\\S]*${owner}：改为已完成`),
    );
    expect(history).toContain(`${owner}：备注（已修好，客户满意）`);

    // A notification that failed: marked in the list, retried from the lead page, sent.
    await expect
      .poll(
        () =>
          query<{ status: string }>(
            'SELECT d.status FROM deliveries d JOIN leads l ON l.id = d.lead_id WHERE l.reference = ?',
            reference,
          )[0]?.status,
        { timeout: 10_000 },
      )
      .toBe('sent');
    write(
      "UPDATE deliveries SET status = 'failed', last_error = 'HTTP 500' WHERE lead_id = (SELECT id FROM leads WHERE reference = ?)",
      reference,
    );
    await page.goto(`${baseUrl}/admin/?q=${reference}`);
    expect(await page.textContent(`[data-lead="${reference}"]`)).toContain('通知失败');
    await page.goto(leadUrl);
    // In Chinese for staff: the channel's name and what went wrong; the error itself under 技术信息.
    expect(await page.textContent('[data-deliveries]')).toContain('日志 · 失败 · 尝试 1 次 · 多次重试后仍未送达');
    expect(await page.textContent('[data-deliveries] details')).toBe('技术信息outbox：HTTP 500');
    await submit(page, '[data-deliveries] button');
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.textContent('[data-deliveries]');
        },
        { timeout: 10_000 },
      )
      .toContain('日志 · 已送达');
    expect(await page.textContent('[data-history]')).toContain(`${owner}：重新发送日志通知`);
    await screenshot(page, 'inbox-lead-done-390');

    // Forget: not without the confirmation box (the browser refuses), then gone with its history.
    await page.click('form[action$="/forget"] button');
    expect(page.url()).toBe(leadUrl);
    await page.check('#confirm');
    await submit(page, 'form[action$="/forget"] button');
    expect(await page.textContent('[role=status]')).toContain('已删除该客户的 1 条报修');
    // The count is the operator log's record of that forget, which the link names; a link that names
    // none (a count, as the link once carried, or another's record) says nothing.
    const record = new URL(page.url()).searchParams.get('forgot')!;
    expect(query('SELECT detail FROM operator_log WHERE id = ?', record)).toEqual([{ detail: '1' }]);
    for (const forged of ['999', crypto.randomUUID()]) {
      await page.goto(`${baseUrl}/admin/?forgot=${forged}`);
      expect(await page.textContent('main'), forged).not.toContain('已删除');
    }
    expect(query('SELECT 1 FROM leads WHERE reference = ?', reference)).toEqual([]);
    await page.goto(leadUrl);
    expect(await page.textContent('h1')).toBe('没有这条报修');

    await submit(page, 'text=退出');
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    await page.goto(leadUrl);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    await context.close();
  });

  it('an owner adds a technician in the browser; the technician works leads but may not manage staff', async () => {
    const ownerContext = await phone();
    const page = await ownerContext.newPage();
    await page.goto(`${baseUrl}/admin/sign-in/`);
    await page.fill('#name', owner);
    await page.fill('#password', password);
    await submit(page, 'button[type=submit]');
    await submit(page, 'nav.tabs >> text=员工');
    // Each session by its device as staff know it (Chromium here: 电脑 · Linux · Chrome), not the raw User-Agent.
    const sessions = (await page.textContent('[data-sessions]'))!;
    expect(sessions).toContain('电脑 · Linux · Chrome');
    expect(sessions).not.toContain('Mozilla/5.0');
    const tech = `技师${Date.now() % 100000}`;
    await page.fill('#name', tech);
    await submit(page, 'form[action="/admin/staff"] button');
    // Said what the page shows instead, if it does not show the link.
    await page
      .waitForSelector('[aria-label=设置链接]', { timeout: 15_000 })
      .catch(async () =>
        expect.fail(`no setup link at ${page.url()}: ${(await page.textContent('main'))?.replace(/\s+/g, ' ')}`),
      );
    const link = await page.inputValue('[aria-label=设置链接]');
    expect(link).toMatch(/^http:\/\/[^\s]+\/admin\/setup\/\?code=[\w-]+$/);
    // Not in the page's address (the owner's history, a Referer): the code is in a cookie of the page.
    expect(new URL(page.url()).search).toBe('');
    // Without JavaScript the link is whole in its box, to select; with it, 复制链接 puts it on the
    // clipboard, to paste into WeChat or an SMS (the same owner's session and page, JavaScript on).
    expect(await page.isHidden('button[data-copy]')).toBe(true);
    const withScript = await phone(true);
    await withScript.addCookies(await ownerContext.cookies());
    await withScript.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const copying = await withScript.newPage();
    await copying.goto(`${baseUrl}/admin/staff/`);
    await copying.click('button[data-copy]');
    await expect.poll(() => copying.textContent('[data-copied]')).toBe('已复制');
    expect(await copying.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await withScript.close();
    expect(await page.textContent(`[data-staff="${tech}"]`)).toContain('等待设置密码');
    // The same name again, as an owner: refused, with what was typed kept to correct.
    await page.fill('#name', tech);
    await page.selectOption('#role', 'owner');
    await submit(page, 'form[action="/admin/staff"] button');
    expect(await page.textContent('[role=alert]')).toContain('已经有同名的员工');
    expect([await page.inputValue('#name'), await page.inputValue('#role')]).toEqual([tech, 'owner']);
    expect(await page.locator('[aria-label=设置链接]').count()).toBe(0);

    const techContext = await phone();
    const techPage = await setPassword(techContext, link, 'the technician passphrase');
    expect(await techPage.locator('nav.tabs >> text=员工').count()).toBe(0);
    await techPage.goto(`${baseUrl}/admin/staff/`);
    expect(await techPage.textContent('[role=alert]')).toContain('只有负责人可以管理员工');
    expect(await techPage.locator('form[action="/admin/staff"]').count()).toBe(0);
    // Nor export leads: a file of customers' data is the owner's to take, and recorded.
    await techPage.goto(`${baseUrl}/admin/`);
    expect(await techPage.locator('text=导出 CSV').count()).toBe(0);
    const csv = await techPage.request.get(`${baseUrl}/admin/leads.csv`);
    expect([csv.status(), await csv.text()]).toEqual([403, '只有负责人可以导出报修。']);

    // The owner sees the technician's session, ends it: the technician is signed out.
    await page.goto(`${baseUrl}/admin/staff/`);
    // … and, in the log, the CSV taken earlier (one lead in it).
    expect(await page.textContent('main')).toContain('导出报修（1 条报修）');
    expect(await page.textContent(`[data-staff="${tech}"]`)).toContain('可登录');
    await submit(page, `[data-sessions] li:has-text("${tech}") button`);
    await techPage.goto(`${baseUrl}/admin/`);
    expect(new URL(techPage.url()).pathname).toBe('/admin/sign-in/');
    // A lead given to the technician …
    const posted = await fetch(`${baseUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        name: '钱先生',
        phone: '13700005555',
        region: '433101',
        description: '门锁坏了',
        consent: true,
        abroad: true,
      }),
    });
    const { id: given } = (await posted.json()) as { id: string };
    await page.goto(`${baseUrl}/admin/leads/${given}/`);
    await page.selectOption('#staff', tech);
    await submit(page, 'form[action$="/assign"] button');
    // Disabled, the technician cannot sign in again.
    await page.goto(`${baseUrl}/admin/staff/`);
    // 停用 asks first (it cannot be undone); 不停用 changes nothing.
    await submit(page, `[data-staff="${tech}"] button.danger`);
    expect(await page.textContent('#confirm-disable')).toContain(`停用 ${tech}？`);
    await submit(page, '#confirm-disable a');
    expect(await page.$('#confirm-disable')).toBeNull();
    expect(await page.textContent(`[data-staff="${tech}"]`)).not.toContain('已停用');
    await submit(page, `[data-staff="${tech}"] button.danger`);
    await submit(page, '#confirm-disable button.danger');
    expect(await page.textContent(`[data-staff="${tech}"]`)).toContain('已停用');
    await techPage.fill('#name', tech);
    await techPage.fill('#password', 'the technician passphrase');
    await submit(techPage, 'button[type=submit]');
    expect(await techPage.textContent('[role=alert]')).toContain('用户名或密码不正确');
    expect(await page.textContent('[data-log]')).toMatch(
      new RegExp(
        `${owner}：停用员工 ${tech}[\\s\\S]*${owner}：结束一个会话[\\s\\S]*${tech}：用设置链接设了密码（第一次）[\\s\\S]*${owner}：添加员工 ${tech}`,
      ),
    );
    // … still shows whose it was, not as unassigned.
    await page.goto(`${baseUrl}/admin/leads/${given}/`);
    expect(await page.textContent('main')).toContain(`指派给 ${tech}（已停用）`);
    // 指派 pressed with the form as it came keeps it theirs, rather than giving it to nobody.
    expect(await page.textContent('#staff option:checked')).toBe(`${tech}（已停用）`);
    await submit(page, 'form[action$="/assign"] button');
    expect(await page.textContent('main')).toContain(`指派给 ${tech}（已停用）`);
    // The note form carries its own id: the same note sent from it twice is kept once.
    expect(await page.getAttribute('form[action$="/notes"] input[name=formId]', 'value')).toMatch(/^[0-9a-f-]{36}$/);
    // A reference locked by wrong phone tails: the page says so, and staff let the customer in again.
    expect(await page.locator('[data-lookup-lock]').count()).toBe(0);
    write('UPDATE leads SET lookup_failures_total = 30 WHERE id = ?', given);
    await page.reload();
    expect(await page.textContent('[data-lookup-lock]')).toContain('客户已无法在网上查询进度');
    await submit(page, '[data-lookup-lock] button');
    expect(await page.locator('[data-lookup-lock]').count()).toBe(0);
    expect(await page.textContent('[data-history]')).toContain(`${owner}：解除客户查询进度的锁定`);
    // Enabled again from the staff page: the technician signs in with the password they had.
    await page.goto(`${baseUrl}/admin/staff/`);
    await submit(page, `[data-staff="${tech}"] button:has-text("重新启用")`);
    expect(await page.textContent(`[data-staff="${tech}"]`)).not.toContain('已停用');
    expect(await page.textContent('[data-log]')).toContain(`${owner}：重新启用员工 ${tech}`);
    await techPage.fill('#name', tech);
    await techPage.fill('#password', 'the technician passphrase');
    await submit(techPage, 'button[type=submit]');
    expect(new URL(techPage.url()).pathname).toBe('/admin/');
    await ownerContext.close();
    await techContext.close();
  });
});

describe('a user changes their own password, without JavaScript', () => {
  it('on the account page: refused with the wrong current one, then changed; the phone they left signed in is signed out', async () => {
    const name = `技工${Date.now() % 100000}`;
    const link = await cliUser(name, false);
    const [here, left] = [await phone(), await phone()];
    const page = await setPassword(here, link, 'the first passphrase');
    // Signed in on another phone too, with the same password.
    const other = await left.newPage();
    await other.goto(`${baseUrl}/admin/sign-in/`);
    await other.fill('#name', name);
    await other.fill('#password', 'the first passphrase');
    await submit(other, 'button[type=submit]');
    expect(new URL(other.url()).pathname).toBe('/admin/');

    await page.goto(`${baseUrl}/admin/account/`);
    await page.fill('#current', 'not the passphrase');
    await page.fill('#password', 'the second passphrase');
    await page.fill('#confirm', 'the second passphrase');
    await submit(page, 'form[action="/admin/password"] button');
    expect(await page.textContent('[aria-labelledby=password-title] [role=alert]')).toBe('当前密码不正确。');
    expect(page.url()).not.toContain('passphrase');
    await page.fill('#current', 'the first passphrase');
    await page.fill('#password', 'the second passphrase');
    await page.fill('#confirm', 'the second passphrase');
    await submit(page, 'form[action="/admin/password"] button');
    expect((await page.textContent('[data-password-changed]'))!.replace(/\s+/g, '')).toBe(
      '密码已修改，这里仍保持登录。另外1个会话已退出登录。',
    );
    // This phone stays signed in; the other one is asked to sign in again.
    await page.goto(`${baseUrl}/admin/`);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    await other.goto(`${baseUrl}/admin/`);
    expect(new URL(other.url()).pathname).toBe('/admin/sign-in/');
    await other.fill('#name', name);
    await other.fill('#password', 'the second passphrase');
    await submit(other, 'button[type=submit]');
    expect(new URL(other.url()).pathname).toBe('/admin/');
    await here.close();
    await left.close();
  });
});

describe('every inbox page: accessible, and no sideways scrolling', () => {
  const VIEWS = [
    { name: 'phone', width: 390, height: 844, font: '100%' },
    { name: 'desktop', width: 1280, height: 900, font: '100%' },
    { name: 'small-phone-large-text', width: 320, height: 640, font: '200%' },
  ];

  it('sign-in, list, lead, staff and account pages', async () => {
    // A lead with the longest region name and a long unbroken description.
    const posted = await fetch(`${baseUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '欧阳先生',
        phone: '13712340000',
        region: '513221',
        brand: 'qimen',
        description: '保险柜'.repeat(40),
        address: 'Building-A-Unit-1234567890-Room-9876543210-Nanjing-Road',
        consent: true,
        abroad: true,
      }),
    });
    // Stored, or the list below has no lead to open (once, under load: a 30-s wait for a link, no reason).
    expect(posted.status, await posted.clone().text()).toBe(201);
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/sign-in/`);
    await page.fill('#name', owner);
    await page.fill('#password', password);
    await submit(page, 'button[type=submit]');
    await page.click('[data-lead] a');
    const leadPath = new URL(page.url()).pathname;
    const cookies = await context.cookies();
    await context.close();

    const pages = {
      'sign-in': '/admin/sign-in/',
      list: '/admin/',
      lead: leadPath,
      staff: '/admin/staff/',
      account: '/admin/account/',
    };
    // One page, each inbox page loaded once and laid out again at every view (a new browser context
    // costs Chromium ~1 CPU-second, a new layout milliseconds); signed in after the sign-in page.
    const ctx = await browser.newContext({ extraHTTPHeaders: ownAddress(), locale: 'zh-CN' });
    const p = await ctx.newPage();
    // No error in the console: nothing a page asks for is missing, and no script fails.
    const missing: string[] = [];
    p.on('console', (m) => void (m.type() === 'error' && missing.push(m.text())));
    for (const [name, path] of Object.entries(pages)) {
      if (name === 'list') await ctx.addCookies(cookies);
      // A technician who has not set a password yet: the staff table's longest row (等待设置密码, two actions).
      if (name === 'staff') {
        await p.goto(baseUrl + path);
        await p.fill('#name', `新员工${Date.now() % 1000}`);
        await submit(p, 'form[action="/admin/staff"] button');
      }
      await p.setViewportSize({ width: VIEWS[0].width, height: VIEWS[0].height });
      await p.goto(baseUrl + path, { waitUntil: 'networkidle' });
      expect(new URL(p.url()).pathname, name).toBe(path.split('?')[0]);
      expect(missing, name).toEqual([]);
      // An icon of the site's own, not the /favicon.ico a browser otherwise asks for (a 404 logged
      // as an error on every inbox page).
      const icon = await p.getAttribute('link[rel=icon]', 'href');
      expect([name, icon, icon && (await fetch(new URL(icon, baseUrl))).status]).toEqual([name, '/favicon.svg', 200]);
      expect(await violations(p), name).toEqual([]);
      for (const view of VIEWS) {
        await p.setViewportSize({ width: view.width, height: view.height });
        await p.evaluate((font) => (document.documentElement.style.fontSize = font), view.font);
        const wide = await p.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.body.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : ''));
        });
        await screenshot(p, `inbox-${name}-${view.name}`, wide.length > 0);
        expect({ page: name, view: view.name, wide }).toEqual({ page: name, view: view.name, wide: [] });
        // At a phone's width each person's name stays whole (店主12345, not 店主/12345), and so does each
        // button's label (新的设置链接): a line each.
        if (name === 'staff' && view.name === 'phone') {
          const broken = await p.evaluate(() =>
            [...document.querySelectorAll('[data-people] strong, [data-people] button')]
              .filter((el) => {
                const text = document.createRange();
                text.selectNodeContents(el);
                return text.getClientRects().length > 1;
              })
              .map((el) => el.textContent!.trim()),
          );
          expect(await p.locator('[data-people] button').count()).toBeGreaterThanOrEqual(4);
          expect(broken).toEqual([]);
        }
      }
    }
    await ctx.close();
  });
});
