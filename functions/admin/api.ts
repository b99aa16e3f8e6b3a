// The operator's API: leads (JSON or CSV), one lead with its deliveries and repeats, retrying a
// delivery, deleting a customer's data by phone (PIPL), and the channels as configured. Leads are
// decrypted here and nowhere else.
// Its changes are recorded as the inbox's are (the lead's log, the operator log), by 管理接口.
import { Hono } from 'hono';
import { loadCatalog } from '../catalog.ts';
import { channelSetup } from '../channels/index.ts';
import { enqueue } from '../deliveries/queue.ts';
import type { Env } from '../env.ts';
import { normalizePhone } from '../leads/phone.ts';
import { getDelivery, listDeliveries } from '../deliveries/store.ts';
import { getLeadByIdOrReference, listLeads, listRepeats } from '../leads/store.ts';
import { keyring } from '../privacy/keyring.ts';
import { forgetPhone, unsearchable } from '../privacy/erase.ts';
import { openLeadToShow, openRepeatToShow } from '../privacy/sealed-lead.ts';
import type { StoredLead } from '../rows.ts';
import { ADMIN_API, CHANGED, logEntry, logStatement } from '../staff/log.ts';
import { addStaff, NAME } from '../staff/store.ts';
import { retryDelivery } from '../work/store.ts';
import { adminOnly } from './auth.ts';
import { leadsCsv } from './csv.ts';
import { cursorOf, leadQuery, readFilter } from '../leads/filter.ts';

export const admin = new Hono<{ Bindings: Env }>();
admin.use('*', adminOnly);

/** Without the sealing details, which mean nothing to the operator. */
const shown = <T extends StoredLead>({ phone_hash: _h, line_hash: _l, key_id: _k, ...lead }: T) => lead;

/** GET /api/admin/leads?status=&stage=&region=&brand=&from=&to=&q=&before=&limit=&format=csv (filter.ts). */
admin.get('/leads', async (c) => {
  const { filter, error } = readFilter(new URL(c.req.url).searchParams, 1000, 100, 'en');
  if (error) return c.json({ ok: false, error }, 400);
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const { leads: rows, more } = await listLeads(c.env.DB, await leadQuery(filter, ring));
  const leads = await Promise.all(rows.map((row) => openLeadToShow(ring, row)));
  const next = more ? cursorOf(rows.at(-1)!) : undefined;
  // Recorded as the inbox's export is (customers' data leaving for a file or another system, beyond
  // retention and deletion): each page, CSV or JSON, by 管理接口, with how many leads it held.
  await logEntry(c.env.DB, ADMIN_API, 'export-leads', String(leads.length)).run();
  if (c.req.query('format') === 'csv') {
    // How many rows, and the next page's `before`, for a client that wants them all (npm run leads
    // -- export): the CSV itself has no room for either.
    const csv = leadsCsv(leads);
    csv.headers.set('x-leads', String(leads.length));
    if (next) csv.headers.set('x-next-before', next);
    return csv;
  }
  return escapedJson({ ok: true, leads: leads.map(shown), ...(next ? { next } : {}) });
});

admin.get('/leads/:id', async (c) => {
  const row = await getLeadByIdOrReference(c.env.DB, c.req.param('id'));
  if (!row) return c.json({ ok: false, error: 'No lead with that id or reference.' }, 404);
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const lead = await openLeadToShow(ring, row);
  const deliveries = await listDeliveries(c.env.DB, row.id);
  // Which lead, by the reference the inbox shows.
  await logEntry(c.env.DB, ADMIN_API, 'export-leads', row.reference).run();
  // What the customer wrote when posting again (merged repeats), oldest first.
  const repeats = await Promise.all((await listRepeats(c.env.DB, row.id)).map((r) => openRepeatToShow(ring, r)));
  return escapedJson({ ok: true, lead: shown(lead), deliveries, repeats });
});

/** GET /api/admin/channels: each channel its settings turn on, and what is wrong with one that cannot
 *  work (a setting missing or malformed) — what every delivery through it would fail with; and the
 *  routes of routes.yaml that name a channel not set up here. */
admin.get('/channels', async (c) => {
  const { channels, routes } = channelSetup(c.env, await loadCatalog(c.env, new URL(c.req.url).origin));
  return c.json({ ok: true, channels: channels.map(({ name, problem }) => (problem ? { name, problem } : { name })), routes });
});

admin.post('/deliveries/:id/retry', async (c) => {
  const id = c.req.param('id');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const { outcome, generation } = await retryDelivery(c.env.DB, ring.current, id, ADMIN_API);
  if (outcome === 'not-found') return c.json({ ok: false, error: 'No delivery with that id.' }, 404);
  if (outcome !== 'done')
    return c.json({ ok: false, error: outcome === 'not-allowed' ? 'Already delivered.' : 'Changed meanwhile; try again.' }, 409);
  await enqueue(c.env, [id], [generation!]);
  return c.json({ ok: true, delivery: await getDelivery(c.env.DB, id) }, 202);
});

/** POST /api/admin/staff {"name": "张师傅", "role": "owner" | "staff"}: a new user and their setup link. */
admin.post('/staff', async (c) => {
  const body = (await c.req.json().catch(() => null)) as { name?: unknown; role?: unknown } | null;
  const name = typeof body?.name === 'string' ? body.name.normalize('NFC').trim() : '';
  const role = body?.role ?? 'staff';
  if (!NAME.test(name) || (role !== 'owner' && role !== 'staff')) {
    return c.json(
      { ok: false, error: 'body must be {"name": "<1–64 letters, digits, _ . + @ ->", "role": "owner" | "staff"}' },
      400,
    );
  }
  const added = await addStaff(c.env.DB, { name, role, createdBy: 'cli' }, [
    logStatement(c.env.DB, ADMIN_API, 'add-staff', name),
  ]);
  if (!added) return c.json({ ok: false, error: `A user named ${name} exists already.` }, 409);
  const setupUrl = new URL(`/admin/setup/?code=${added.code}`, c.req.url).href;
  console.log(`[admin] added ${role} ${name}`);
  return c.json({ ok: true, name, role, setupUrl, expiresAt: added.expiresAt }, 201);
});

/** DELETE /api/admin/customers {"phone": "138 1234 1234"}: every lead of that number, gone. */
admin.delete('/customers', async (c) => {
  const body = (await c.req.json().catch(() => null)) as { phone?: unknown } | null;
  const phone = typeof body?.phone === 'string' ? normalizePhone(body.phone) : null;
  if (!phone) return c.json({ ok: false, error: 'body must be {"phone": "<a valid Chinese phone number>"}' }, 400);
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const deleted = await forgetPhone(c.env.DB, ring, phone, [logStatement(c.env.DB, ADMIN_API, 'forget-customer', CHANGED)]);
  console.log(`[admin] forgot a customer: ${deleted} lead(s) deleted`);
  // Some leads no number can find: the deletion may be incomplete, and the operator must know.
  // The deletion is done whatever this check does: said so, with what the check could not tell.
  const unsearched = await unsearchable(c.env.DB, ring).catch(() => null);
  if (unsearched === null)
    return c.json({
      ok: true,
      deleted,
      warning: 'could not check for leads sealed under keys no longer in the ring: run this again',
    });
  if (!unsearched) return c.json({ ok: true, deleted });
  const warning =
    `${unsearched} lead(s) are sealed under keys no longer in LEADS_ENCRYPTION_KEY and could not be searched by this number: ` +
    `put those keys back in the ring (after the current one) and run this again, or delete them from their page in the inbox.`;
  return c.json({ ok: true, deleted, unsearchable: unsearched, warning });
});

/**
 * JSON with < > & and the JS line separators as \u escapes: the same data once parsed, but a
 * customer's `<script>` cannot become markup even where an admin page embeds or sniffs the answer.
 */
function escapedJson(data: unknown): Response {
  const body = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}
