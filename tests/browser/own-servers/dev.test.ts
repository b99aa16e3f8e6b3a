// `npm run dev` end to end: pages from astro dev, the form's post proxied to the lead function under
// wrangler dev, the customer's confirmation page — in Chromium without JavaScript — and the search box.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/wrangler-dev.ts';
import { launch } from '../browser.ts';

const withoutVitest = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => !/^(VITEST|TEST$)/.test(k)));

describe('npm run dev', () => {
  const state = mkdtempSync(join(tmpdir(), 'baoxiu-dev-state-'));
  let base = '';
  let dev: ReturnType<typeof spawn>;
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn('npm', ['run', 'dev'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Without vitest's own variables: astro dev behaves differently under VITEST.
      // Its own caches: builds and vitest run beside it and use Vite's default one.
      env: { ...withoutVitest(process.env), PORT: String(port), BAOXIU_STATE_DIR: state, BAOXIU_CACHE_DIR: join(state, 'cache') },
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    // Up when astro dev answers a page and, through its proxy, the lead function answers too. Its own
    // Vite cache starts empty: under CI's load its first start has taken over 100 s.
    const answer = (path: string) =>
      fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        (err) => String(err),
      );
    let status: number | string = 'no answer';
    for (const deadline = Date.now() + 200_000; status !== 200; await new Promise((r) => setTimeout(r, 500))) {
      status = await answer('/');
      if (status === 200) status = await answer('/api/health');
      if (Date.now() > deadline || dev.exitCode !== null) {
        throw new Error(`npm run dev did not start (exit ${dev.exitCode}, last answer ${status}):\n${log.slice(-1500)}`);
      }
    }
  }, 240_000);

  afterAll(() => {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(state, { recursive: true, force: true });
  });

  it('serves pages from astro dev and sends the form to the lead function', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
      await page.goto(`${base}/hunan/xiangxi/jishou/`);
      await page.fill('#lead-name', '郑先生');
      await page.fill('#lead-phone', '13700005555');
      await page.fill('#lead-description', '保险柜锁住了');
      await page.check('#lead-consent');
      await page.check('#lead-abroad');
      await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
      expect((await page.textContent('[data-lead-reference]'))?.trim(), log.slice(-3000)).toMatch(/^BX-\d{6}-\d{6}$/);
      // The lead reached the operator's outbox through the delivery queue.
      await expect.poll(() => log, { timeout: 15_000 }).toMatch(/\[outbox\] lead BX-\d{6}-\d{6} · 郑\*\* · 137\*\*\*\*5555/);
      // Its link opens the lead in this machine's inbox, not at site.yaml's address.
      expect(log).toMatch(new RegExp(`· 137\\*{4}5555 · [^\\n]*· ${base.replaceAll('.', '\\.')}/admin/leads/[0-9a-f-]{36}/`));
    } finally {
      await browser.close();
    }
  });

  it('searches from the box with the last build’s index, which the Worker serves', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await page.goto(`${base}/`);
      await page.click('#site-search');
      // A near name: the search core's part for such a query, loaded as astro dev serves it.
      await page.fill('#site-search', '毫州');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('#site-search-results')?.dataset.query === '毫州',
        undefined,
        { timeout: 60_000 },
      );
      expect(await page.textContent('#site-search-status'), log.slice(-3000)).toBe(
        '没有找到“毫州”，以下是名称相近的“亳州市”；不确定时请拨打 400-000-0000 咨询。',
      );
    } finally {
      await browser.close();
    }
  });

  it('sends the inbox and the progress page to the Worker: sign-in answers, not 404 or 403', async () => {
    const inbox = await fetch(`${base}/admin/`, { redirect: 'manual' });
    expect([inbox.status, inbox.headers.get('location')]).toEqual([303, '/admin/sign-in/']);
    expect(await (await fetch(`${base}/admin/sign-in/`)).text()).toContain('登录收件箱');
    // A post from the dev server's own page reaches the handler as from the Worker's own origin.
    const signIn = await fetch(`${base}/admin/sign-in`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'nobody', password: 'not a password at all' }),
    });
    expect(signIn.status, log.slice(-3000)).toBe(401);
    const elsewhere = await fetch(`${base}/admin/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'nobody', password: 'not a password at all' }),
    });
    expect(elsewhere.status).toBe(403);
    expect(await (await fetch(`${base}/progress/?ref=BX-261130-000001`)).text()).toContain('value="BX-261130-000001"');
  });

  it('answers a path no page has with the 404 page, rendered in workerd with the towns, not a 500', async () => {
    // /foo.txt matches no route, so Astro renders 404.astro in workerd (pages with a route render in
    // Node); its catalog resolves the coverage's towns (streets.json).
    for (const path of ['/foo.txt', '/no/such/page/']) {
      const answer = await fetch(`${base}${path}`);
      expect([path, answer.status], log.slice(-3000)).toEqual([path, 404]);
      expect(await answer.text()).toContain('<h1>页面不存在</h1>');
    }
  });
});
