// An inbox page's user: Access's, or the live session of the request's cookie (functions/staff/), or null.
import { env } from 'cloudflare:workers';
import type { AstroGlobal } from 'astro';
import { staffOf } from '../../../functions/staff/signed-in.ts';
import { sessionCookie } from '../../../functions/staff/sign-in.ts';
import type { Env } from '../../../functions/env.ts';

export function currentStaff(Astro: Pick<AstroGlobal, 'cookies' | 'request'>) {
  const cookie = Astro.cookies.get(sessionCookie({ req: Astro.request }))?.value;
  return staffOf(env as unknown as Env, Astro.request.headers, cookie);
}
