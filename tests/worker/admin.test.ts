// The operator's API inside workerd.
import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../../functions/app.ts';
import { post, valid } from './helpers.ts';

const ORIGIN = 'http://baoxiu.test';
const auth = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const get = (path: string, headers: Record<string, string> = auth) =>
  exports.default.fetch(new Request(`${ORIGIN}/api/admin${path}`, { headers }));

async function postLead(fields: Record<string, unknown> = {}) {
  return (await post({ ...valid(), requestId: crypto.randomUUID(), ...fields })).json<{ id: string; reference: string }>();
}

describe('admin API', () => {
  it('wants the bearer token, and is off without ADMIN_TOKEN', async () => {
    expect((await get('/leads', {})).status).toBe(401);
    expect((await get('/leads', { authorization: 'Bearer wrong' })).status).toBe(401);
    const off = await api.fetch(
      new Request(`${ORIGIN}/api/admin/leads`, { headers: auth }),
      { ...env, ADMIN_TOKEN: undefined },
      createExecutionContext(),
    );
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({ error: expect.stringContaining('ADMIN_TOKEN') });
  });

  it('lists leads with their deliveries, and shows one with its delivery rows and route', async () => {
    const { id, reference } = await postLead();
    const { leads } = await (await get('/leads')).json<{ leads: Record<string, string>[] }>();
    expect(leads.find((l) => l.id === id)).toMatchObject({
      reference,
      name: '王先生',
      deliveries: expect.stringMatching(/^outbox:(pending|sent)$/),
    });
    const one = await (await get(`/leads/${id}`)).json<{ lead: Record<string, string>; deliveries: Record<string, string>[] }>();
    expect(one.lead).toMatchObject({ reference, route: '(all configured channels)' });
    expect(one.deliveries).toEqual([expect.objectContaining({ channel: 'outbox' })]);
    expect((await get('/leads/nope')).status).toBe(404);
  });

  it('exports CSV for Excel: BOM, Chinese, no formulas', async () => {
    await postLead({ name: '=HYPERLINK("x")', description: '+1 打不开', address: '@SUM(A1)' });
    const res = await get('/leads?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await res.text();
    // (text() drops the BOM the bytes above show.)
    expect(csv.split('\r\n')[0]).toBe(
      '单号,时间,状态,称呼,电话,地区,地区代码,品牌,问题描述,地址,上门时间,派单路线,重复提交,送达',
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+1 打不开");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toMatch(/,=|,\+|,@/);
  });

  it('retries a failed delivery until it is sent, and refuses one already sent', async () => {
    const { id } = await postLead();
    await expect
      .poll(async () => (await env.DB.prepare('SELECT status FROM deliveries WHERE lead_id = ?').bind(id).first())?.status, {
        timeout: 5000,
      })
      .toBe('sent');
    const delivery = (await env.DB.prepare('SELECT id FROM deliveries WHERE lead_id = ?').bind(id).first<{ id: string }>())!.id;
    const sent = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/deliveries/${delivery}/retry`, { method: 'POST', headers: auth }),
    );
    expect(sent.status).toBe(409);
    await env.DB.prepare(`UPDATE deliveries SET status = 'failed', last_error = 'provider down' WHERE id = ?`)
      .bind(delivery)
      .run();
    const retried = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/deliveries/${delivery}/retry`, { method: 'POST', headers: auth }),
    );
    expect(retried.status).toBe(202);
    await expect
      .poll(async () => await env.DB.prepare('SELECT status, attempts FROM deliveries WHERE id = ?').bind(delivery).first(), {
        timeout: 5000,
      })
      .toEqual({ status: 'sent', attempts: 2 });
  });
});
