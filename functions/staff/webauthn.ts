// Passkeys (WebAuthn) with @simplewebauthn/server: sign in with Face ID or a fingerprint (a
// discoverable credential: no user name to type), and add or remove one's own passkeys. JSON in
// and out, called by the sign-in and account pages' script (src/scripts/passkeys.ts); removing is
// a plain form. The relying party is the request's own host, so a passkey made on this site works
// nowhere else. Sign-in attempts share the password's per-IP rate limit.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { Hono, type Context } from 'hono';
import { loadCatalog } from '../catalog.ts';
import type { Env } from '../env.ts';
import { clientIp, retryAfter } from '../web/limits.ts';
import { wantsPage } from '../web/wants-page.ts';
import { passkeyStill } from './sessions.ts';
import { logStatement } from './log.ts';
import {
  addPasskey,
  asCredential,
  keepChallenge,
  passkeyById,
  passkeysOf,
  passkeyUsed,
  removePasskey,
  takeChallenge,
} from './passkeys.ts';
import { signedIn as startSession } from './sign-in.ts';
import { sessionHash, signedIn, type SignedIn } from './signed-in.ts';
import { staffById } from './store.ts';

const MESSAGES = {
  failed: '通行密钥验证失败，请重试或用密码登录。',
  unknown: '这个通行密钥不属于任何员工（可能已被删除），请用密码登录。',
  tooMany: '尝试次数过多，请 1 分钟后再试。',
  added: '通行密钥未能添加，请重试。',
  taken: '这个通行密钥已经登记过了。',
};

/** The challenge in an assertion's client data (base64url JSON), or undefined for junk. */
function challengeOf(response: AuthenticationResponseJSON): string | undefined {
  try {
    const data: unknown = JSON.parse(isoBase64URL.toUTF8String(response.response.clientDataJSON));
    const { challenge } = data as { challenge?: unknown };
    return typeof challenge === 'string' ? challenge : undefined;
  } catch {
    return undefined;
  }
}

const site = (c: Context) => {
  const url = new URL(c.req.url);
  return { rpID: url.hostname, origin: url.origin };
};

const body = async <T>(c: Context): Promise<T | null> => {
  const json = (await c.req.json().catch(() => null)) as { response?: T } | null;
  return json && typeof json.response === 'object' && json.response !== null ? json.response : null;
};

export const webauthn = new Hono<SignedIn>();

webauthn.post('/passkeys/sign-in/options', async (c) => {
  const wait = await retryAfter(c.env, 'signInIp', clientIp(c.req.raw.headers));
  if (wait) return c.json({ ok: false, error: MESSAGES.tooMany }, 429, { 'retry-after': String(wait) });
  const options = await generateAuthenticationOptions({ rpID: site(c).rpID, userVerification: 'required' });
  await keepChallenge(c.env.DB, options.challenge, null);
  return c.json(options);
});

webauthn.post('/passkeys/sign-in', async (c) => {
  const wait = await retryAfter(c.env, 'signInIp', clientIp(c.req.raw.headers));
  if (wait) return c.json({ ok: false, error: MESSAGES.tooMany }, 429, { 'retry-after': String(wait) });
  const response = await body<AuthenticationResponseJSON>(c);
  // The challenge this answers is used up first, whatever the outcome ("discard the challenge after
  // every sign-in attempt, whether it succeeded or failed": Google's passkey server guide).
  const challenge = response ? challengeOf(response) : undefined;
  const taken = challenge !== undefined && (await takeChallenge(c.env.DB, challenge, null));
  const passkey = typeof response?.id === 'string' ? await passkeyById(c.env.DB, response.id) : null;
  const staff = passkey ? await staffById(c.env.DB, passkey.staff_id) : null;
  if (!response || !passkey || !staff || staff.disabled_at) return c.json({ ok: false, error: MESSAGES.unknown }, 401);
  const { rpID, origin } = site(c);
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: (answered) => taken && answered === challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: asCredential(passkey),
    requireUserVerification: true,
  }).catch(() => null);
  if (!verified?.verified) return c.json({ ok: false, error: MESSAGES.failed }, 401);
  await passkeyUsed(c.env.DB, passkey.id, verified.authenticationInfo.newCounter);
  const started = await startSession(
    c as unknown as Context<{ Bindings: Env }>,
    staff.id,
    { name: staff.name, role: staff.role },
    passkeyStill(passkey.id),
  );
  return started ?? c.json({ ok: false, error: MESSAGES.unknown }, 401);
});

webauthn.use('/passkeys/register/*', signedIn);
webauthn.use('/passkeys/register', signedIn);
webauthn.use('/passkeys/:id/remove', signedIn);

webauthn.post('/passkeys/register/options', async (c) => {
  const staff = c.var.staff;
  const { operator } = (await loadCatalog(c.env, site(c).origin)).data;
  const options = await generateRegistrationOptions({
    rpName: `${operator} 收件箱`,
    rpID: site(c).rpID,
    userName: staff.name,
    userID: new Uint8Array(new TextEncoder().encode(staff.id)),
    attestationType: 'none',
    excludeCredentials: (await passkeysOf(c.env.DB, staff.id)).map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await keepChallenge(c.env.DB, options.challenge, staff.id);
  return c.json(options);
});

webauthn.post('/passkeys/register', async (c) => {
  const staff = c.var.staff;
  const response = await body<RegistrationResponseJSON>(c);
  const { rpID, origin } = site(c);
  const verified = response
    ? await verifyRegistrationResponse({
        response,
        expectedChallenge: (challenge) => takeChallenge(c.env.DB, challenge, staff.id),
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      }).catch(() => null)
    : null;
  if (!verified?.verified) return c.json({ ok: false, error: MESSAGES.added }, 400);
  const log = logStatement(c.env.DB, staff, 'add-passkey', staff.name);
  const added = await addPasskey(
    c.env.DB,
    staff.id,
    verified.registrationInfo.credential,
    c.req.header('user-agent') ?? null,
    await sessionHash(c),
    log,
  );
  if (added === 'signed-out') return c.json({ ok: false, error: '请先登录。' }, 401);
  return added === 'added' ? c.json({ ok: true }, 201) : c.json({ ok: false, error: MESSAGES.taken }, 409);
});

webauthn.post('/passkeys/:id/remove', async (c) => {
  const staff = c.var.staff;
  const { logId, ended } = await removePasskey(c.env.DB, staff, c.req.param('id'), await sessionHash(c));
  // The page says what the record says (log.ts countRecorded), not what a link could.
  if (wantsPage(c)) return c.redirect(logId ? `/admin/account/?removed=${logId}` : '/admin/account/', 303);
  return logId ? c.json({ ok: true, ended }) : c.json({ ok: false, error: '没有这个通行密钥。' }, 404);
});
