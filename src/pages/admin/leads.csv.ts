// GET /admin/leads.csv?…: the inbox's current filter as the same safe CSV as the admin API
// (functions/admin/csv.ts), up to 5,000 leads. Signed-in users only; nothing without a session.
import { env } from 'cloudflare:workers';
import type { APIRoute } from 'astro';
import { leadsCsv } from '../../../functions/admin/csv.ts';
import type { Env } from '../../../functions/env.ts';
import { leadQuery, readFilter } from '../../../functions/leads/filter.ts';
import { listLeads } from '../../../functions/leads/store.ts';
import { keyring } from '../../../functions/privacy/keyring.ts';
import { openLeadToShow } from '../../../functions/privacy/sealed-lead.ts';
import { currentStaff } from '../../lib/inbox/session.ts';

export const prerender = false;

export const GET: APIRoute = async (Astro) => {
  if (!(await currentStaff(Astro))) return Astro.redirect('/admin/sign-in/', 303);
  const { filter, error } = readFilter(Astro.url.searchParams, 5000);
  if (error) return new Response(error, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  filter.status ??= 'new';
  const { DB, LEADS_ENCRYPTION_KEY } = env as unknown as Env;
  const ring = await keyring(LEADS_ENCRYPTION_KEY);
  const { leads } = await listLeads(DB, await leadQuery(filter, ring));
  return leadsCsv(await Promise.all(leads.map((row) => openLeadToShow(ring, row))));
};
