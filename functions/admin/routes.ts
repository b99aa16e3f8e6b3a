// The operator's API: leads (JSON or CSV), one lead with its deliveries, and retrying a delivery.
import { Hono } from 'hono';
import { enqueue } from '../deliveries/queue.ts';
import type { Env } from '../env.ts';
import { getDelivery, getLead, resetDelivery, setDue, type Delivery, type StoredLead } from '../leads/store.ts';
import { adminOnly } from './auth.ts';
import { toCsv } from './csv.ts';

export const admin = new Hono<{ Bindings: Env }>();
admin.use('*', adminOnly);

const CSV_COLUMNS: [string, (l: StoredLead & { deliveries: string }) => unknown][] = [
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
  ['送达', (l) => l.deliveries],
];

admin.get('/leads', async (c) => {
  const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 1000);
  const status = c.req.query('status');
  const { results } = await c.env.DB.prepare(
    `SELECT l.*, (SELECT group_concat(d.channel || ':' || d.status, ' ') FROM deliveries d WHERE d.lead_id = l.id) AS deliveries
     FROM leads l WHERE (?1 IS NULL OR l.status = ?1) ORDER BY l.created_at DESC LIMIT ?2`,
  )
    .bind(status ?? null, limit)
    .all<StoredLead & { deliveries: string }>();
  if (c.req.query('format') === 'csv') {
    const csv = toCsv(CSV_COLUMNS.map(([h]) => h), results.map((l) => CSV_COLUMNS.map(([, get]) => get(l))));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }
  return c.json({ ok: true, leads: results });
});

admin.get('/leads/:id', async (c) => {
  const lead = await getLead(c.env.DB, c.req.param('id'));
  if (!lead) return c.json({ ok: false, error: 'No lead with that id.' }, 404);
  const { results } = await c.env.DB.prepare('SELECT * FROM deliveries WHERE lead_id = ? ORDER BY created_at').bind(lead.id).all<Delivery>();
  return c.json({ ok: true, lead, deliveries: results });
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
