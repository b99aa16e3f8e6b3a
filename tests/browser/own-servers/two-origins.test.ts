// Pages on one origin (a mainland CDN serving dist/), the lead function on another (the Worker):
// the build points the form at the Worker (PUBLIC_LEAD_ENDPOINT), the Worker accepts that origin
// (ALLOWED_ORIGINS). Both ways a customer sends the form work, and a third origin is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyEntry } from '../../../functions/privacy/keyring.ts';
import { freePort, migrate, secretsFile, startWranglerDev, type WranglerDev } from '../../../scripts/wrangler-dev.ts';
import { workerDirOf } from '../../../scripts/worker-dir.ts';
import { serve, type Served } from '../../static-server.ts';
import { launch } from '../browser.ts';

describe('pages on a CDN, leads to the Worker on another origin', () => {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-two-origins-'));
  let cdn: Served;
  let worker: WranglerDev;
  let browser: Browser;

  beforeAll(async () => {
    const workerPort = await freePort();
    const build = spawnSync('npm', ['run', 'build'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        BAOXIU_OUT_DIR: join(root, 'dist'),
        BAOXIU_CACHE_DIR: join(root, 'cache'),
        PUBLIC_LEAD_ENDPOINT: `http://127.0.0.1:${workerPort}/api/leads`,
      },
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    cdn = await serve(join(root, 'dist'));
    migrate(join(root, 'state'));
    worker = await startWranglerDev({
      port: workerPort,
      persistTo: join(root, 'state'),
      envFiles: [secretsFile({ LEADS_ENCRYPTION_KEY: newKeyEntry('cdn'), ALLOWED_ORIGINS: cdn.url }, join(root, 'secrets'))],
      output: 'pipe',
    });
    browser = await launch();
    // A build and a wrangler dev start beside CI's other files: 120 s was once too short.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    worker?.stop();
    cdn?.server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(workerDirOf(join(root, 'dist')), { recursive: true, force: true });
  });

  // Each post its own phone: the same phone, place and brand within 10 minutes is merged, and a
  // merged post is told no reference.
  const send = async (javaScriptEnabled: boolean, name: string, phone: string) => {
    const page = await (await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' })).newPage();
    await page.goto(`${cdn.url}/hunan/xiangxi/jishou/`);
    expect(await page.getAttribute('form[data-lead-form]', 'action')).toBe(`${worker.url}/api/leads#lead-form`);
    await page.fill('#lead-name', name);
    await page.fill('#lead-phone', phone);
    await page.fill('#lead-description', '指纹锁没电了');
    await page.check('#lead-consent');
    await page.check('#lead-abroad');
    return page;
  };

  it('with JavaScript: the form posts across origins (CORS) and shows the reference in place', async () => {
    const page = await send(true, '冯先生', '13700006666');
    await page.click('[data-lead-form] button[type=submit]');
    await expect.poll(async () => (await page.textContent('[data-lead-reference]'))?.trim()).toMatch(/^BX-\d{6}-\d{6}$/);
    expect(new URL(page.url()).origin).toBe(cdn.url);
    const reference = (await page.textContent('[data-lead-reference]'))!.trim();
    await expect.poll(() => worker.log(), { timeout: 15_000 }).toContain(`[outbox] lead ${reference} · 冯** · 137****6666`);
  });

  it('without JavaScript: the post lands on the Worker, which answers with a redirect to the confirmation page', async () => {
    const page = await send(false, '陈女士', '13700006667');
    await Promise.all([page.waitForNavigation(), page.click('[data-lead-form] button[type=submit]')]);
    expect(page.url().startsWith(`${worker.url}/api/leads/confirmation?t=`)).toBe(true);
    expect((await page.textContent('[data-lead-reference]'))!.trim()).toMatch(/^BX-\d{6}-\d{6}$/);
  });

  it('refuses a post from an origin that is not allowed', async () => {
    const res = await fetch(`${worker.url}/api/leads`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '褚',
        phone: '13700007777',
        region: '433101',
        description: '测试',
        consent: true,
        abroad: true,
      }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
