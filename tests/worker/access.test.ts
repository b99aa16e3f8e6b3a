// Cloudflare Access in front of the inbox, inside workerd: the JWT in Cf-Access-Jwt-Assertion is
// verified with jose against the team's keys (a stand-in serves /cdn-cgi/access/certs), issuer and
// audience; its e-mail is the staff user. Anything else gets nothing — a session cookie included.
import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../functions/env.ts';
import worker from '../../functions/worker.ts';
import { ORIGIN, post, valid } from './helpers.ts';
import { staffSession } from './inbox.ts';

const providers = (env as unknown as Record<string, string>).PROVIDERS_URL;
const TEAM = `${providers}/access`;
const AUD = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2';
const withAccess = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD } as unknown as Env;

let teamKey: CryptoKey;
let otherKey: CryptoKey;
const EMAIL = `dispatch${Date.now() % 100000}@example.com`;
const OWNER = `owner${Date.now() % 100000}@example.com`;

beforeAll(async () => {
  const team = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  teamKey = team.privateKey;
  otherKey = other.privateKey;
  const jwk = { ...(await exportJWK(team.publicKey)), kid: 'team-1', alg: 'RS256', use: 'sig' };
  await fetch(`${providers}/access/keys`, { method: 'POST', body: JSON.stringify({ keys: [jwk] }) });
  // The users exist in the staff list under their e-mail, added as the CLI adds users.
  for (const [name, role] of [
    [EMAIL, 'staff'],
    [OWNER, 'owner'],
  ]) {
    const added = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/staff`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, role }),
      }),
    );
    expect(added.status).toBe(201);
  }
});

const token = (claims: { email?: string; iss?: string; aud?: string; exp?: string | null }, key = teamKey, kid = 'team-1') => {
  const jwt = new SignJWT({ email: claims.email ?? EMAIL })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(claims.iss ?? TEAM)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt();
  return (claims.exp === null ? jwt : jwt.setExpirationTime(claims.exp ?? '10m')).sign(key);
};

const note = async (leadId: string, headers: Record<string, string>) =>
  worker.fetch(
    new Request(`${ORIGIN}/admin/leads/${leadId}/notes`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ text: '经 Access 登录' }),
    }),
    withAccess,
    createExecutionContext(),
  );

describe('behind Cloudflare Access', () => {
  it("accepts the team's signed token for a staff e-mail, and records that user", async () => {
    const id = ((await (await post(valid())).json()) as { id: string }).id;
    expect((await note(id, { 'cf-access-jwt-assertion': await token({}) })).status).toBe(200);
    const event = await env.DB.prepare('SELECT staff_name FROM lead_events WHERE lead_id = ?').bind(id).first();
    expect(event).toEqual({ staff_name: EMAIL });
  });

  it('refuses an expired token or one without expiry, another audience or issuer, a foreign key, an unknown e-mail, and none', async () => {
    const id = ((await (await post(valid())).json()) as { id: string }).id;
    const bad = {
      expired: await token({ exp: '-1m' }),
      noExpiry: await token({ exp: null }),
      audience: await token({ aud: 'another-application' }),
      issuer: await token({ iss: 'https://evil.cloudflareaccess.com' }),
      key: await token({}, otherKey),
      unknownKid: await token({}, otherKey, 'team-2'),
      email: await token({ email: 'stranger@example.com' }),
      garbage: 'not.a.jwt',
    };
    for (const [why, jwt] of Object.entries(bad)) {
      expect((await note(id, { 'cf-access-jwt-assertion': jwt })).status, why).toBe(401);
    }
    // A valid session of our own is not enough when Access is on (the workers.dev address skips Access).
    const { cookie } = await staffSession();
    expect((await note(id, { cookie })).status).toBe(401);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_events WHERE lead_id = ?').bind(id).first())!.n).toBe(0);
  });

  it('lets nobody in, without a 500, when only one setting is given or the team domain is no address', async () => {
    const id = ((await (await post(valid())).json()) as { id: string }).id;
    const { cookie } = await staffSession();
    const jwt = await token({});
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [why, settings] of Object.entries({
        'team only': { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: '' },
        'audience only': { ACCESS_TEAM_DOMAIN: '', ACCESS_AUD: AUD },
        'no address': { ACCESS_TEAM_DOMAIN: 'https://exa mple.com', ACCESS_AUD: AUD },
      })) {
        const res = await worker.fetch(
          new Request(`${ORIGIN}/admin/leads/${id}/notes`, {
            method: 'POST',
            headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-access-jwt-assertion': jwt, cookie },
            body: JSON.stringify({ text: '配置不全' }),
          }),
          { ...env, ...settings } as unknown as Env,
          createExecutionContext(),
        );
        // Not our own sessions either: the operator meant Access.
        expect(res.status, why).toBe(401);
      }
      expect(logged.mock.calls.flat().join(' ')).toMatch(/must both be set[\s\S]*not an address/);
    } finally {
      logged.mockRestore();
    }
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_events WHERE lead_id = ?').bind(id).first())!.n).toBe(0);
  });

  it('turns off our own sign-in, setup links, passkey sign-in and password changes', async () => {
    for (const path of [
      '/admin/sign-in',
      '/admin/setup',
      '/admin/passkeys/sign-in/options',
      '/admin/passkeys/sign-in',
      '/admin/password',
    ]) {
      const res = await worker.fetch(
        new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ name: EMAIL, password: 'whatever password' }),
        }),
        withAccess,
        createExecutionContext(),
      );
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain('Cloudflare Access');
    }
    // A browser's form (a setup link opened anyway): a page that says so, not JSON.
    const page = await worker.fetch(
      new Request(`${ORIGIN}/admin/setup`, {
        method: 'POST',
        headers: { origin: ORIGIN, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'code=abcdefghijkl&password=whatever+password',
      }),
      withAccess,
      createExecutionContext(),
    );
    expect([page.status, page.headers.get('content-type')]).toEqual([403, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('收件箱由 Cloudflare Access 保护：请通过 Access 登录');
  });

  it('adds a user without a setup link, and makes none: Access signs them in by the e-mail added', async () => {
    const asOwner = async (path: string, body: string, accept = 'text/html') =>
      worker.fetch(
        new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            origin: ORIGIN,
            accept,
            'content-type': 'application/x-www-form-urlencoded',
            'cf-access-jwt-assertion': await token({ email: OWNER }),
          },
          body,
        }),
        withAccess,
        createExecutionContext(),
      );
    const name = `fitter${Date.now() % 100000}@example.com`;
    const added = await asOwner('/admin/staff', new URLSearchParams({ name, role: 'staff' }).toString());
    expect([added.status, added.headers.get('location')]).toEqual([303, '/admin/staff/']);
    const json = await asOwner('/admin/staff', new URLSearchParams({ name: `b${name}` }).toString(), 'application/json');
    expect([json.status, await json.json()]).toEqual([200, { ok: true }]);
    const { id } = (await env.DB.prepare('SELECT id FROM staff WHERE name = ?').bind(name).first<{ id: string }>())!;
    const link = await asOwner(`/admin/staff/${id}/setup-link`, '');
    expect([link.status, link.headers.get('location')]).toEqual([303, '/admin/staff/?problem=access']);
    const logged = await env.DB.prepare("SELECT COUNT(*) AS n FROM operator_log WHERE action = 'setup-link' AND detail = ?")
      .bind(name)
      .first<{ n: number }>();
    expect(logged!.n).toBe(0);
    // The added user is in: Access vouches for the e-mail.
    const lead = ((await (await post(valid())).json()) as { id: string }).id;
    expect((await note(lead, { 'cf-access-jwt-assertion': await token({ email: name }) })).status).toBe(200);
  });
});
