// The operator's API inside workerd.
import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';
import { api } from '../../functions/app.ts';
import { saveLead } from '../../functions/leads/store.ts';
import { importKeyring, newKeyEntry } from '../../functions/privacy/keyring.ts';
import { freshPhone, post, valid } from './helpers.ts';

const ORIGIN = 'http://baoxiu.test';
const auth = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const get = (path: string, headers: Record<string, string> = auth) =>
  exports.default.fetch(new Request(`${ORIGIN}/api/admin${path}`, { headers }));

async function postLead(fields: Record<string, unknown> = {}) {
  return (await post({ ...valid(), requestId: crypto.randomUUID(), ...fields })).json<{ id: string; reference: string }>();
}

describe('admin API', () => {
  it('lists the channels the settings turn on, and why any of them cannot send', async () => {
    const channels = async (settings: Record<string, string>) => {
      const res = await api.fetch(
        new Request(`${ORIGIN}/api/admin/channels`, { headers: auth }),
        { ...env, ...settings },
        createExecutionContext(),
      );
      return (await res.json<{ channels: { name: string; problem?: string }[] }>()).channels;
    };
    expect((await get('/channels', {})).status).toBe(401);
    // The sample's routes.yaml has no routes: none names a channel missing here.
    expect(await (await get('/channels')).json()).toMatchObject({ ok: true, routes: [] });
    const tencent = {
      TENCENT_SECRET_ID: 'AKIDx',
      TENCENT_SECRET_KEY: 'k',
      TENCENT_SMS_SDK_APP_ID: '1400000000',
      TENCENT_SMS_SIGN_NAME: '安家修',
      TENCENT_SMS_TEMPLATE_ID: '100001',
      TENCENT_SMS_TO: '13800000000',
    };
    expect(await channels(tencent)).toContainEqual({ name: 'sms-tencent' });
    expect(await channels({ ...tencent, TENCENT_SMS_TEMPLATE_PARAMS: 'region,phone' })).toContainEqual({
      name: 'sms-tencent',
      problem: expect.stringContaining('TENCENT_SMS_TEMPLATE_PARAMS: phone has up to 12 characters'),
    });
    expect(
      await channels({
        WECOM_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
        DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=x',
      }),
    ).toEqual(
      expect.arrayContaining([
        { name: 'outbox' },
        { name: 'wecom' },
        { name: 'dingtalk', problem: 'DINGTALK_SECRET is not set' },
      ]),
    );
  });

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
    // A token easy to guess, or one no header can carry: said, whatever is sent.
    for (const weak of ['secret', 'correct horse battery staple!', '0123456789012345678']) {
      const res = await api.fetch(
        new Request(`${ORIGIN}/api/admin/leads`, { headers: { authorization: `Bearer ${weak}` } }),
        { ...env, ADMIN_TOKEN: weak },
        createExecutionContext(),
      );
      expect([res.status, await res.json()], weak).toEqual([
        503,
        { ok: false, error: expect.stringContaining('ADMIN_TOKEN is unusable') },
      ]);
    }
    const fine = 'a'.repeat(19) + 'b';
    const ok = await api.fetch(
      new Request(`${ORIGIN}/api/admin/leads`, { headers: { authorization: `Bearer ${fine}` } }),
      { ...env, ADMIN_TOKEN: fine },
      createExecutionContext(),
    );
    expect(ok.status).toBe(200);
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
    // By the reference too, as the list and the customer give it.
    expect((await (await get(`/leads/${reference}`)).json<{ lead: { id: string } }>()).lead.id).toBe(id);
    const none = await get('/leads/nope');
    expect([none.status, await none.json()]).toEqual([404, { ok: false, error: 'No lead with that id or reference.' }]);
    // An endpoint it does not have, in English as the rest of this API (the CLI prints `error`).
    const unknown = await get('/nope');
    expect([unknown.status, await unknown.json()]).toEqual([404, { ok: false, error: 'No such admin API endpoint.' }]);
  });

  it('filters by phone, reference, region, brand, stage and Beijing dates, and pages by keyset', async () => {
    const phone = freshPhone();
    const beijingDay = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const dayBefore = beijingDay(); // the leads may be made on one side of Beijing midnight and read on the other
    const a = await postLead({ phone });
    const b = await postLead({ phone, region: '433122', brand: 'nuanchuan' }); // 泸溪县
    const c = await postLead({ region: '433122', brand: 'nuanchuan' });
    const ids = async (query: string) => {
      const res = await get(`/leads?${query}`);
      expect(res.status, query).toBe(200);
      return (await res.json<{ leads: { id: string }[] }>()).leads.map((l) => l.id);
    };
    // A phone written as people write it finds both of that customer's leads (its sealed hash), newest first.
    expect(await ids(`q=${encodeURIComponent(`+86 ${phone.slice(0, 3)} ${phone.slice(3)}`)}`)).toEqual([b.id, a.id]);
    expect(await ids(`q=${b.reference.toLowerCase()}`)).toEqual([b.id]);
    // As staff retype it from a call: without its hyphens, or with spaces.
    expect(await ids(`q=${b.reference.replaceAll('-', '')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(b.reference.replaceAll('-', ' '))}`)).toEqual([b.id]);
    expect(await ids('q=BX-000000-000000')).toEqual([]);
    expect(await ids('q=not-a-phone')).toEqual([]);
    const luxi = await ids('region=泸溪县&limit=1000');
    expect(luxi).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(luxi).not.toContain(a.id);
    expect(await ids(`q=${phone}&brand=nuanchuan`)).toEqual([b.id]);
    expect(await ids(`q=${phone}&stage=done`)).toEqual([]);
    expect(await ids(`q=${phone}&from=${dayBefore}&to=${beijingDay()}`)).toEqual([b.id, a.id]);
    expect(await ids(`q=${phone}&to=2020-01-01`)).toEqual([]);
    // Refused in English, as the rest of this API (the inbox says the same in Chinese).
    const refused = async (query: string) => {
      const res = await get(`/leads?${query}`);
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await refused('from=yesterday')).toEqual([400, 'from and to are Beijing dates such as 2026-11-30.']);
    expect((await get('/leads?from=2026-02-31')).status).toBe(400); // not read as 3 March
    expect(await refused('before=1%20OR%201=1')).toEqual([400, 'before must be a page position this API gave (next).']);
    expect(await refused('stage=finished')).toEqual([400, 'stage must be one of new, contacted, scheduled, done, cancelled.']);
    expect(await refused('status=trash')).toEqual([400, 'status must be new or spam.']);

    // Keyset pages: each page starts after the last row of the one before, none repeated or skipped.
    const all = await ids('limit=1000');
    const paged: string[] = [];
    let next: string | undefined = '';
    // Seven pages of 7 at most (other test files add leads meanwhile: stopping at 50 read 51–55
    // whenever there were that many).
    while (next !== undefined && paged.length < 49) {
      const page: { leads: { id: string }[]; next?: string } = await (await get(`/leads?limit=7&before=${next}`)).json();
      paged.push(...page.leads.map((l) => l.id));
      next = page.next;
    }
    expect(paged).toEqual(all.slice(0, paged.length));
    expect(paged.length).toBe(Math.min(all.length, 49));
  });

  it('exports CSV for Excel: BOM, Chinese, no formulas', async () => {
    await postLead({ name: '=HYPERLINK("x")', description: '+1 打不开', address: '@SUM(A1)' });
    // A page says how many rows it has and where the next begins (npm run leads -- export reads them all).
    const exportLog = `SELECT staff_id, staff_name, detail FROM operator_log WHERE action = 'export-leads' AND staff_name = '管理接口'
      ORDER BY at, rowid`;
    const before = (await env.DB.prepare(exportLog).all()).results.length;
    const first = await get('/leads?format=csv&limit=1');
    // Recorded, as the inbox's export is: who (the admin API) and how many leads.
    const logged = (await env.DB.prepare(exportLog).all()).results;
    expect([logged.length - before, logged.at(-1)]).toEqual([1, { staff_id: null, staff_name: '管理接口', detail: '1' }]);
    expect(first.headers.get('x-leads')).toBe('1');
    const next = first.headers.get('x-next-before')!;
    expect(next).toMatch(/^\d{4}-.+Z_/);
    expect((await get(`/leads?format=csv&limit=1&before=${encodeURIComponent(next)}`)).headers.get('x-leads')).toBe('1');
    const res = await get('/leads?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await res.text();
    // (text() drops the BOM the bytes above show.)
    expect(csv.split('\r\n')[0]).toBe(
      '单号,时间（北京时间）,文件夹,进度,上门时间（北京时间）,称呼,电话,地区,地区代码,品牌,问题描述,地址,方便上门时间,分派规则,重复提交,通知',
    );
    // In the inbox's words and Beijing time, not the stored values.
    const row = csv.split('\r\n')[1].split(',');
    expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(['收件箱', '垃圾']).toContain(row[2]);
    expect(['新', '已联系', '已预约', '已完成', '已取消']).toContain(row[3]);
    // Its phone as the inbox shows it (no + for a spreadsheet to prefix), the rule and deliveries in words.
    const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
    const [formulas] = rows.filter((r) => r.称呼 === `'=HYPERLINK("x")`);
    expect(formulas.电话).toMatch(/^1[3-9]\d{9}$/);
    expect(formulas.分派规则).toBe('全部渠道（未设分派规则）');
    expect(formulas.通知).toMatch(/^(日志|邮件|短信|企业微信|钉钉|飞书|Webhook|客户确认短信)[^ ]* · (已送达|失败|发送中)/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+1 打不开");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toMatch(/,=|,\+|,@/);
  });

  it('records every page of leads it hands over, JSON as CSV, and a lead read alone (its reference)', async () => {
    const { id, reference } = await postLead({ name: '记录' });
    const log = async () =>
      (
        await env.DB.prepare(
          `SELECT detail FROM operator_log WHERE action = 'export-leads' AND staff_id IS NULL AND staff_name = '管理接口' ORDER BY at, rowid`,
        ).all<{ detail: string }>()
      ).results.map((r) => r.detail);
    const before = await log();
    const page = await (await get('/leads?limit=13')).json<{ leads: unknown[] }>();
    expect((await get(`/leads/${id}`)).status).toBe(200);
    expect((await get('/leads/no-such-lead')).status).toBe(404);
    expect((await get('/leads?status=nope')).status).toBe(400);
    // (Other files' tests may export meanwhile: these two are among what was added.)
    expect((await log()).slice(before.length)).toEqual(expect.arrayContaining([String(page.leads.length), reference]));
  });

  it('still lists every lead when one cannot be opened (its key left the ring), saying so on that one', async () => {
    const ring = await importKeyring(newKeyEntry('gone'));
    const { lead } = await saveLead(
      env.DB,
      ring,
      {
        requestId: crypto.randomUUID(),
        status: 'new',
        name: '吴先生',
        phone: '+8613700009999',
        regionCode: '433101',
        regionName: '湖南省 湘西土家族苗族自治州 吉首市',
        description: '保险柜打不开',
        privacyVersion: '1',
        route: 'default',
      },
      [],
    );
    try {
      const other = await postLead();
      const list = await get('/leads?limit=100');
      expect(list.status).toBe(200);
      const { leads } = await list.json<{ leads: { id: string; name: string; phone: string }[] }>();
      expect(leads.find((l) => l.id === lead.id)?.name).toContain('无法解密：LEADS_ENCRYPTION_KEY 里须保留写入它的密钥 gone');
      expect(leads.find((l) => l.id === other.id)?.name).toBe('王先生');
      const one = await get(`/leads/${lead.id}`);
      expect(one.status).toBe(200);
      expect((await one.json<{ lead: { phone: string } }>()).lead.phone).toContain('无法解密');
      const csv = await get('/leads?format=csv&limit=100');
      expect(csv.status).toBe(200);
      expect(await csv.text()).toContain('无法解密');
    } finally {
      await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(lead.id).run();
    }
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
    // In the lead's log, as an inbox retry is, by the admin API.
    const event = await env.DB.prepare(
      `SELECT staff_id, staff_name, detail FROM lead_events WHERE lead_id = ? AND kind = 'retry'`,
    )
      .bind(id)
      .first();
    expect(event).toMatchObject({ staff_id: null, staff_name: '管理接口' });
    await expect
      .poll(async () => await env.DB.prepare('SELECT status, attempts FROM deliveries WHERE id = ?').bind(delivery).first(), {
        timeout: 5000,
      })
      .toEqual({ status: 'sent', attempts: 2 });
  });
});
