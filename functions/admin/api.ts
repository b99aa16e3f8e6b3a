// The operator's API: leads (JSON or CSV), one lead with its deliveries and repeats, retrying a
// delivery, and deleting a customer's data by phone (PIPL). Leads are decrypted here and nowhere else.
import { Hono } from 'hono';
import { enqueue } from '../deliveries/queue.ts';
import type { Env } from '../env.ts';
import { normalizePhone } from '../leads/phone.ts';
import { getDelivery, listDeliveries, resetDelivery, setDue } from '../deliveries/store.ts';
import { getLead, listLeads, listRepeats, type ListedLead } from '../leads/store.ts';
import { keyring } from '../privacy/keyring.ts';
import { forgetPhone } from '../privacy/erase.ts';
import { openLead, openRepeat } from '../privacy/sealed-lead.ts';
import type { StoredLead } from '../rows.ts';
import { addStaff } from '../staff/store.ts';
import { adminOnly } from './auth.ts';
import { toCsv } from './csv.ts';

export const admin = new Hono<{ Bindings: Env }>();
admin.use('*', adminOnly);

const CSV_COLUMNS: [string, (l: ListedLead) => unknown][] = [
  ['单号', (l) => l.reference],
  ['时间', (l) => l.created_at],
  ['状态', (l) => l.status],
  ['称呼', (l) => l.name],
  ['电话', (l) => l.phone],
  ['地区', (l) => l.region_name],
  ['地区代码', (l) => l.region_code],
  ['品牌', (l) => l.brand_name],
  ['问题描述', (l) => l.description],
  ['地址', (l) => l.address],
  ['上门时间', (l) => l.preferred_time],
  ['派单路线', (l) => l.route],
  ['重复提交', (l) => l.repeat_count],
  ['送达', (l) => l.deliveries],
];

/** Without the sealing details, which mean nothing to the operator. */
const shown = <T extends StoredLead>({ phone_hash: _h, key_id: _k, ...lead }: T) => lead;

admin.get('/leads', async (c) => {
  const status = c.req.query('status');
  if (status !== undefined && status !== 'new' && status !== 'spam')
    return c.json({ ok: false, error: 'status must be new or spam' }, 400);
  const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 1000);
  const results = await listLeads(c.env.DB, { status, limit });
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const leads = await Promise.all(results.map((row) => openLead(ring, row)));
  if (c.req.query('format') === 'csv') {
    const csv = toCsv(
      CSV_COLUMNS.map(([h]) => h),
      leads.map((l) => CSV_COLUMNS.map(([, get]) => get(l))),
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    });
  }
  return escapedJson({ ok: true, leads: leads.map(shown) });
});

admin.get('/leads/:id', async (c) => {
  const row = await getLead(c.env.DB, c.req.param('id'));
  if (!row) return c.json({ ok: false, error: 'No lead with that id.' }, 404);
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const lead = await openLead(ring, row);
  const deliveries = await listDeliveries(c.env.DB, row.id);
  // What the customer wrote when posting again (merged repeats), oldest first.
  const repeats = await Promise.all((await listRepeats(c.env.DB, row.id)).map((r) => openRepeat(ring, r)));
  return escapedJson({ ok: true, lead: shown(lead), deliveries, repeats });
});

admin.post('/deliveries/:id/retry', async (c) => {
  const id = c.req.param('id');
  const delivery = await getDelivery(c.env.DB, id);
  if (!delivery) return c.json({ ok: false, error: 'No delivery with that id.' }, 404);
  if (delivery.status === 'sent') return c.json({ ok: false, error: 'Already delivered.' }, 409);
  if (delivery.status === 'failed') await resetDelivery(c.env.DB, id);
  else await setDue(c.env.DB, id);
  await enqueue(c.env, [id]);
  return c.json({ ok: true, delivery: await getDelivery(c.env.DB, id) }, 202);
});

/** POST /api/admin/staff {"name": "张师傅", "role": "owner" | "staff"}: a new user and their setup link. */
admin.post('/staff', async (c) => {
  const body = (await c.req.json().catch(() => null)) as { name?: unknown; role?: unknown } | null;
  const name = typeof body?.name === 'string' ? body.name.normalize('NFC').trim() : '';
  const role = body?.role ?? 'staff';
  if (!/^[\p{L}\p{N}_.-]{1,30}$/u.test(name) || (role !== 'owner' && role !== 'staff')) {
    return c.json({ ok: false, error: 'body must be {"name": "<1–30 letters, digits, _ . ->", "role": "owner" | "staff"}' }, 400);
  }
  const added = await addStaff(c.env.DB, { name, role, createdBy: 'cli' });
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
  const deleted = await forgetPhone(c.env.DB, await keyring(c.env.LEADS_ENCRYPTION_KEY), phone);
  console.log(`[admin] forgot a customer: ${deleted} lead(s) deleted`);
  return c.json({ ok: true, deleted });
});

/**
 * JSON with < > & and the JS line separators as \u escapes: the same data once parsed, but a
 * customer's `<script>` cannot become markup even where an admin page embeds or sniffs the answer.
 */
function escapedJson(data: unknown): Response {
  const body = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}
