// /api/admin: what the operator needs for privacy requests now. Answers are for the operator's CLI
// (scripts/leads.ts), in English. A fuller admin API (lead lists, CSV export) is another issue.
import { Hono } from 'hono';
import type { Env } from '../env.ts';
import { normalizePhone } from '../leads/phone.ts';
import { listLeads, type LeadStatus } from '../leads/store.ts';
import { keyring } from '../privacy/crypto.ts';
import { forgetPhone } from '../privacy/erase.ts';
import { openLead } from '../privacy/sealed-lead.ts';
import { adminOnly } from './auth.ts';

export const admin = new Hono<{ Bindings: Env }>();

admin.use('*', adminOnly);

/** DELETE /api/admin/customers {"phone": "138 1234 1234"}: every lead of that number, gone. */
admin.delete('/customers', async (c) => {
  const body = (await c.req.json().catch(() => null)) as { phone?: unknown } | null;
  const phone = typeof body?.phone === 'string' ? normalizePhone(body.phone) : null;
  if (!phone) return c.json({ ok: false, error: 'body must be {"phone": "<a valid Chinese phone number>"}' }, 400);
  const deleted = await forgetPhone(c.env.DB, await keyring(c.env.LEADS_ENCRYPTION_KEY), phone);
  console.log(`[admin] forgot a customer: ${deleted} lead(s) deleted`);
  return c.json({ ok: true, deleted });
});

/** GET /api/admin/leads?status=spam&limit=50: leads, decrypted, newest first. */
admin.get('/leads', async (c) => {
  const status = c.req.query('status');
  if (status !== undefined && status !== 'new' && status !== 'spam') return c.json({ ok: false, error: 'status must be new or spam' }, 400);
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const rows = await listLeads(c.env.DB, { status: status as LeadStatus | undefined, limit: Number(c.req.query('limit')) || 50 });
  const leads = await Promise.all(rows.map((row) => openLead(ring, row)));
  return escapedJson({ ok: true, leads: leads.map(({ phone_hash: _h, key_id: _k, ...lead }) => lead) });
});

/**
 * JSON with < > & and the JS line separators as \u escapes: the same data once parsed, but a
 * customer's `<script>` cannot become markup even where an admin page embeds or sniffs the answer.
 */
function escapedJson(data: unknown): Response {
  const body = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}
