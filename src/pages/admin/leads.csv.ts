// GET /admin/leads.csv?…: the inbox's current filter as the same safe CSV as the admin API
// (functions/admin/csv.ts), up to 5,000 leads. An owner's (负责人), recorded in the operator log
// with how many leads it held: the file is beyond retention and deletion. Nothing without a session.
import { env } from 'cloudflare:workers';
import type { APIRoute } from 'astro';
import { leadsCsv } from '../../../functions/admin/csv.ts';
import type { Env } from '../../../functions/env.ts';
import { leadQuery, readFilter } from '../../../functions/leads/filter.ts';
import { listLeads } from '../../../functions/leads/store.ts';
import { keyring } from '../../../functions/privacy/keyring.ts';
import { openLeadToShow } from '../../../functions/privacy/sealed-lead.ts';
import { logEntry } from '../../../functions/staff/log.ts';
import { currentStaff } from '../../lib/inbox/session.ts';

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const prerender = false;

// Astro answers a HEAD with the GET handler, whose log entry would record an export that handed
// over nothing: the same answer to whoever may export, without the file or the entry.
export const HEAD: APIRoute = async (Astro) => {
  const staff = await currentStaff(Astro);
  if (!staff) return Astro.redirect('/admin/sign-in/', 303);
  if (staff.role !== 'owner') return text('', 403);
  return new Response(null, { headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' } });
};

export const GET: APIRoute = async (Astro) => {
  // A GET that writes the log and hands over customers' data: only from the inbox's own pages or typed
  // in. A session cookie is SameSite=Strict anyway; Cloudflare Access's cookie may not be.
  const from = Astro.request.headers.get('sec-fetch-site');
  if (from && from !== 'same-origin' && from !== 'none') return text('请从收件箱页面导出。', 403);
  const staff = await currentStaff(Astro);
  if (!staff) return Astro.redirect('/admin/sign-in/', 303);
  if (staff.role !== 'owner') return text('只有负责人可以导出报修。', 403);
  const { filter, error } = readFilter(Astro.url.searchParams, 5000);
  if (error) return text(error, 400);
  filter.status ??= 'new';
  const { DB, LEADS_ENCRYPTION_KEY } = env as unknown as Env;
  const ring = await keyring(LEADS_ENCRYPTION_KEY);
  const { leads } = await listLeads(DB, await leadQuery(filter, ring));
  // Recorded before it is handed over: no record, no file.
  await logEntry(DB, staff, 'export-leads', String(leads.length)).run();
  return leadsCsv(await Promise.all(leads.map((row) => openLeadToShow(ring, row))));
};
