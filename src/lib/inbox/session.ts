// An inbox page's user: the live session of the request's cookie (functions/staff/), or null.
import { env } from 'cloudflare:workers';
import type { AstroGlobal } from 'astro';
import { openSession } from '../../../functions/staff/sessions.ts';
import { sessionCookie } from '../../../functions/staff/sign-in.ts';
import type { Env } from '../../../functions/env.ts';

export async function currentStaff(Astro: AstroGlobal) {
  const id = Astro.cookies.get(sessionCookie({ req: Astro.request }))?.value;
  const open = id ? await openSession((env as unknown as Env).DB, id) : null;
  return open?.staff ?? null;
}
