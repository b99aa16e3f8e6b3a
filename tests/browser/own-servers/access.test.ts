// The inbox behind Cloudflare Access, in Chromium without JavaScript: Access's signed JWT on every
// request (a stand-in serves the team's certs), and the owner's 员工 page without the parts of our own
// sign-in — no setup links, no password states, no sessions of ours.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyEntry } from '../../../functions/privacy/keyring.ts';
import { freePort, migrate, secretsFile, startWranglerDev, type WranglerDev } from '../../../scripts/wrangler-dev.ts';
import { launch } from '../browser.ts';

const ADMIN_TOKEN = 'access-test-admin-token-0123';
const AUD = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
const OWNER = 'owner@example.com';

describe('the inbox behind Cloudflare Access', () => {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-access-'));
  let certs: Server;
  let team: string;
  let key: CryptoKey;
  let worker: WranglerDev;
  let browser: Browser;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'team', alg: 'RS256', use: 'sig' };
    certs = createServer((req, res) => {
      if (req.url === '/access/cdn-cgi/access/certs')
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => certs.listen(0, '127.0.0.1', resolve));
    const address = certs.address();
    team = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/access`;
    migrate(join(root, 'state'));
    worker = await startWranglerDev({
      port: await freePort(),
      persistTo: join(root, 'state'),
      envFiles: [
        secretsFile(
          { LEADS_ENCRYPTION_KEY: newKeyEntry('access'), ADMIN_TOKEN, ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD },
          join(root, 'secrets'),
        ),
      ],
      output: 'pipe',
    });
    // The owner, added by e-mail as the CLI adds users (the admin API is behind its token, not Access).
    const added = await fetch(`${worker.url}/api/admin/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: OWNER, role: 'owner' }),
    });
    expect(added.status).toBe(201);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    worker?.stop();
    certs?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A phone whose every request carries Access's token for `email` (none: not through Access). */
  const phone = async (email?: string): Promise<Page> => {
    const jwt = email
      ? await new SignJWT({ email })
          .setProtectedHeader({ alg: 'RS256', kid: 'team' })
          .setIssuer(team)
          .setAudience(AUD)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(key)
      : undefined;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      ...(jwt ? { extraHTTPHeaders: { 'cf-access-jwt-assertion': jwt } } : {}),
    });
    return context.newPage();
  };

  it('adds a user without a setup link, and shows no password states or sessions of its own', async () => {
    const page = await phone(OWNER);
    await page.goto(`${worker.url}/admin/staff/`);
    expect(new URL(page.url()).pathname).toBe('/admin/staff/');
    expect(await page.getAttribute('header a[href="/cdn-cgi/access/logout"]', 'href')).toBe('/cdn-cgi/access/logout');
    expect(await page.textContent(`[data-staff="${OWNER}"]`)).toContain('通过 Access 登录');
    expect(await page.locator('form[action$="/setup-link"]').count()).toBe(0);
    expect(await page.textContent('[data-access-sessions]')).toContain('登录由 Cloudflare Access 管理');
    expect(await page.isVisible('[data-sessions]')).toBe(false);

    await page.fill('#name', 'fitter@example.com');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("添加")')]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.textContent('[data-staff="fitter@example.com"]')).toContain('通过 Access 登录');
    expect(await page.locator('input[aria-label="设置链接"]').count()).toBe(0);
    expect(await page.textContent('[data-log]')).toContain('fitter@example.com');
    await page.context().close();

    // The added user is in, through Access, by that e-mail.
    const fitter = await phone('fitter@example.com');
    await fitter.goto(`${worker.url}/admin/`);
    expect(new URL(fitter.url()).pathname).toBe('/admin/');
    await fitter.context().close();
  });

  it('shows nothing without Access, and says so where our own sign-in and setup would be', async () => {
    const page = await phone();
    await page.goto(`${worker.url}/admin/staff/`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/');
    expect(await page.textContent('[role=alert]')).toContain('收件箱由 Cloudflare Access 保护');
    expect(await page.isVisible('#password')).toBe(false);
    const setup = await page.goto(`${worker.url}/admin/setup/?code=abcdefghijklmnop`);
    expect(setup!.status()).toBe(403);
    expect(await page.textContent('[role=alert]')).toContain('收件箱由 Cloudflare Access 保护');
    expect(await page.isVisible('#password')).toBe(false);
    await page.context().close();
  });
});
