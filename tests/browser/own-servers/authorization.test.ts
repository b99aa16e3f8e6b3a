// The owner's inbox says a month ahead when a brand's recorded authorization ends, and that it has
// ended while the deployed pages still claim it; and which notification channel cannot send. The site as built a while ago: a copy of the build
// whose catalog.json dates are moved near today, served by the same Worker under wrangler dev (a
// build now would refuse the lapsed date, src/lib/claims.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogData } from '../../../src/contract/catalog.ts';
import { newKeyEntry } from '../../../functions/privacy/keyring.ts';
import { beijingDay } from '../../../functions/web/beijing-time.ts';
import { freePort, migrate, secretsFile, startWranglerDev, type WranglerDev } from '../../../scripts/wrangler-dev.ts';
import { launch, screenshot } from '../browser.ts';

const ADMIN_TOKEN = 'authorization-test-admin-token';
/** A Beijing calendar day `days` from now. */
const day = (days: number) => beijingDay(new Date(Date.now() + days * 86_400_000));
/** Days from today (Beijing) to a Beijing calendar day. */
const daysTo = (until: string) => (Date.parse(until) - Date.parse(day(0))) / 86_400_000;

describe("the owner's inbox and the brands' authorization", () => {
  let root: string;
  let worker: WranglerDev;
  let browser: Browser;
  const ending = day(10);
  const ended = day(-1);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'baoxiu-authorization-'));
    cpSync('dist', join(root, 'dist'), { recursive: true });
    cpSync('dist-worker', join(root, 'worker'), { recursive: true }); // its assets: ../dist
    const file = join(root, 'dist', 'catalog.json');
    const catalog: CatalogData = JSON.parse(readFileSync(file, 'utf8'));
    catalog.brands.qimen.authorizedUntil = ending;
    catalog.brands.nuanchuan.authorizedUntil = ended;
    // And a route to a channel this deployment has not set up.
    catalog.routing = {
      routes: [{ name: '湘西调度', regions: ['433100'], channels: [{ channel: 'feishu' }, { channel: 'outbox' }] }],
    };
    writeFileSync(file, JSON.stringify(catalog));
    migrate(join(root, 'state'));
    worker = await startWranglerDev({
      port: await freePort(),
      config: join(root, 'worker', 'wrangler.json'),
      persistTo: join(root, 'state'),
      envFiles: [
        secretsFile(
          // And a channel set up by half: DingTalk without its signing secret.
          {
            LEADS_ENCRYPTION_KEY: newKeyEntry('auth'),
            ADMIN_TOKEN,
            DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send',
          },
          join(root, 'secrets'),
        ),
      ],
      output: 'pipe',
    });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    worker?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The inbox's list as a user of that role sees it, signed in on a phone without JavaScript. */
  async function inboxAs(role: 'owner' | 'staff'): Promise<Page> {
    const name = `${role === 'owner' ? '老板' : '技师'}${Date.now() % 100000}`;
    const added = await fetch(`${worker.url}/api/admin/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, role }),
    });
    expect(added.status).toBe(201);
    const code = new URL(((await added.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
    const password = 'a phone-friendly passphrase';
    const setup = await fetch(`${worker.url}/admin/setup`, {
      method: 'POST',
      headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, password }).toString(),
    });
    expect(setup.status).toBe(200);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${worker.url}/admin/sign-in/`);
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    return page;
  }

  it('tells the owner which authorization ends within a month, which has ended, and which channel or route cannot send', async () => {
    // Counted from the day the page is made: 10, or 9 if Beijing's midnight comes in between.
    const before = daysTo(ending);
    const page = await inboxAs('owner');
    const said = (await page.textContent('[data-ending-authorization]'))!.trim();
    expect([before, daysTo(ending)].map((days) => `栖门 的授权有效期到 ${ending}（${days} 天后）`)).toContain(
      said.split('。')[0],
    );
    expect(await page.textContent('[data-lapsed-authorization]')).toContain(`暖川 的授权已于 ${ended} 到期`);
    expect(await page.locator('[data-ending-authorization], [data-lapsed-authorization]').count()).toBe(2);
    // A channel that cannot send, with the reason for whoever deploys the site.
    expect((await page.textContent('[data-broken-channel="dingtalk"]'))!.replace(/\s+/g, '')).toBe(
      '钉钉通知发不出去：网站的设置有误。报修照常保存，其他渠道照常通知。请把这个原因转告部署网站的人：DINGTALK_SECRETisnotset',
    );
    expect(await page.locator('[data-broken-channel]').count()).toBe(1);
    expect(await page.textContent('[data-unconfigured-route]')).toBe(
      '分派规则“湘西调度”用到的飞书没有设置，按这条规则分派的报修经它的通知发不出去（报修照常保存）。请转告部署网站的人。',
    );
    await screenshot(page, 'inbox-authorization-owner');
    await page.context().close();
  });

  it('says nothing of it to staff', async () => {
    const page = await inboxAs('staff');
    expect(
      await page
        .locator('[data-ending-authorization], [data-lapsed-authorization], [data-broken-channel], [data-unconfigured-route]')
        .count(),
    ).toBe(0);
    await page.context().close();
  });
});
