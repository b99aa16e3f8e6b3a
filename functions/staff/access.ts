// Cloudflare Access in front of the inbox (ACCESS_TEAM_DOMAIN and ACCESS_AUD set): Access signs
// every request it lets through with a JWT (Cf-Access-Jwt-Assertion), verified here with jose
// against the team's published keys, issuer and the application's audience tag. The user is the
// staff member whose name is the token's e-mail. Sessions, passwords and passkeys are then off: a
// request that did not pass through Access (the workers.dev address, say) gets nothing.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Env } from '../env.ts';
import { staffByName, type Staff } from './store.ts';

/** One key set per team, kept by the isolate (jose caches the keys and refetches on an unknown kid). */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** `https://team.cloudflareaccess.com`, whether the setting has the scheme or not. */
const teamUrl = (domain: string) => (/^https?:\/\//.test(domain) ? domain : `https://${domain}`).replace(/\/+$/, '');

export const ACCESS_SIGN_IN = '收件箱由 Cloudflare Access 保护：请通过 Access 登录，登录用的邮箱需要是员工名单里的用户名。';

/** Access is on when either setting is: one without the other lets nobody in (and says so in the
 *  log) rather than fall back to our own passwords, which the operator meant to turn off. */
export const accessOn = (env: Env) => Boolean(env.ACCESS_TEAM_DOMAIN || env.ACCESS_AUD);

/** The enabled staff user Access vouches for, or null (no token, a bad one, or an unknown e-mail). */
export async function accessStaff(env: Env, headers: Headers): Promise<Staff | null> {
  const token = headers.get('cf-access-jwt-assertion');
  if (!token || !accessOn(env)) return null;
  if (!env.ACCESS_TEAM_DOMAIN || !env.ACCESS_AUD) {
    console.error('[access] ACCESS_TEAM_DOMAIN and ACCESS_AUD must both be set: nobody is let in');
    return null;
  }
  const team = teamUrl(env.ACCESS_TEAM_DOMAIN);
  if (!URL.canParse(team)) {
    console.error('[access] ACCESS_TEAM_DOMAIN is not an address: nobody is let in');
    return null;
  }
  try {
    let keys = keySets.get(team);
    if (!keys) keySets.set(team, (keys = createRemoteJWKSet(new URL(`${team}/cdn-cgi/access/certs`))));
    // An expiry required, not only checked when present (jose checks `exp` only if the token has one).
    const { payload } = await jwtVerify(token, keys, {
      issuer: team,
      audience: env.ACCESS_AUD,
      algorithms: ['RS256'],
      requiredClaims: ['exp'],
    });
    return typeof payload.email === 'string' ? await staffByName(env.DB, payload.email) : null;
  } catch {
    return null;
  }
}
