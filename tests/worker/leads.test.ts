// POST /api/leads inside workerd: local D1, the built site as static assets.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../../functions/app.ts';
import { confirmationLink, LINK_TTL_MS, openConfirmation } from '../../functions/leads/confirmation-link.ts';
import { asText, leadMessage } from '../../functions/channels/message.ts';
import { saveLead } from '../../functions/leads/store.ts';
import { importKeyring, keyring, newKeyEntry, phoneHash } from '../../functions/privacy/keyring.ts';
import {
  confirmation,
  countLeads,
  deliveryOf,
  form,
  freshIp,
  freshPhone,
  leadInput,
  openRow,
  ORIGIN,
  post as send,
  valid as validLead,
} from './helpers.ts';

// Each test its own phone number: the same phone and region within 10 minutes is one lead.
const valid = validLead();

const post = (body: unknown, headers?: Record<string, string>) => send(body, headers);

describe('POST /api/leads (JSON)', () => {
  it('stores a valid lead in D1 before answering 201 with id and reference', async () => {
    // Written with spaces, as people do; a number no other file's lead has (their files share D1).
    const phone = freshPhone();
    const res = await post({ ...valid, phone: phone.replace(/^(\d{3})(\d{4})/, '$1 $2 '), requestId: crypto.randomUUID() });
    expect(res.status).toBe(201);
    const body = await res.json<{ ok: boolean; id: string; reference: string }>();
    expect(body.ok).toBe(true);
    expect(body.reference).toMatch(/^BX-\d{6}-\d{6}$/);
    // Stored encrypted: read back through decryption.
    const row = await openRow(body.id);
    expect(row).toMatchObject({
      reference: body.reference,
      phone: `+86${phone}`,
      region_code: '433101',
      region_name: '湖南省 湘西土家族苗族自治州 吉首市',
      brand: 'jianxia',
      brand_name: '坚匣',
      status: 'new',
      privacy_version: '2026-12-03.2',
    });
    expect(Date.parse(row!.consent_at)).toBeGreaterThan(Date.now() - 60_000);
    const delivery = await deliveryOf(body.id);
    expect(delivery).toMatchObject({ channel: 'outbox', status: 'sent', attempts: 1 });
  });

  it("keeps an office's extension: after the number, shown with 转, and the number alone for its hash", async () => {
    const office = `0731-8${String(crypto.getRandomValues(new Uint32Array(1))[0] % 10_000_000).padStart(7, '0')}`;
    const res = await post({ ...validLead(), phone: `${office}转8001` });
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: string }>();
    const row = await openRow(id);
    const number = `+86${office.replace(/^0|-/g, '')}`;
    expect(row.phone).toBe(`${number};ext=8001`);
    expect(row.phone_hash).toBe(await phoneHash((await keyring(env.LEADS_ENCRYPTION_KEY)).current, number));
    // The operator reads it as dialled within China, the trunk 0 kept (it was dropped before), the
    // area code apart.
    expect(asText(leadMessage(row))).toContain(`电话：${office}转8001`);
    expect(leadMessage(row).subject).toMatch(/^\[报修\] 新报修 BX-/);
    // When it was sent, as the operator's clock reads it (UTC+8).
    const beijing = new Date(Date.parse(row.created_at) + 8 * 3600_000).toISOString();
    expect(asText(leadMessage(row))).toContain(
      `提交时间：${beijing.slice(0, 4)}/${Number(beijing.slice(5, 7))}/${Number(beijing.slice(8, 10))} ${beijing.slice(11, 16)}（北京时间）`,
    );
    // Its notice sent late (the channel was down), after the lead was cancelled: it says so.
    const late = leadMessage({ ...row, stage: 'cancelled' });
    expect(late.subject).toMatch(/^\[报修\] 已取消的报修 BX-/);
    expect(asText(late)).toContain('进度：这条报修在本通知送达前已取消，无需上门');
    // The same office without the extension, minutes later: the same customer, merged.
    const before = await countLeads();
    const again = await post({ ...validLead(), phone: office });
    expect(again.status).toBe(200);
    expect(await countLeads()).toBe(before);
    // A colleague on another extension: another lead, with the extension to call back (merged, the
    // extension would be lost: a repeat keeps no phone).
    const colleague = await post({
      ...validLead(),
      name: '财务室刘女士',
      phone: `${office}转8123`,
      description: '保险柜打不开了，急',
    });
    expect(colleague.status).toBe(201);
    const other = await colleague.json<{ id: string; reference: string }>();
    expect(other.id).not.toBe(id);
    expect((await openRow(other.id)).phone).toBe(`${number};ext=8123`);
    expect(await countLeads()).toBe(before + 1);
  });

  it('merges a post with an extension only into a lead of that line; the number alone into the latest', async () => {
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const number = `+86731${String(crypto.getRandomValues(new Uint32Array(1))[0] % 100_000_000).padStart(8, '0')}`;
    const first = { ...leadInput(), phone: `${number};ext=8001` };
    const a = await saveLead(env.DB, ring, first, []);
    const again = (phone: string) => saveLead(env.DB, ring, { ...first, requestId: crypto.randomUUID(), phone }, []);
    const b = await again(`${number};ext=8123`);
    expect(b).toMatchObject({ created: true, merged: false });
    expect(await again(`${number};ext=8001`)).toMatchObject({ merged: true, lead: { id: a.lead.id } });
    expect(await again(number)).toMatchObject({ merged: true, lead: { id: b.lead.id } });
  });

  it('merges a post into a lead sealed just before a key rotation: the phone under any key of the ring', async () => {
    const old = await keyring(env.LEADS_ENCRYPTION_KEY);
    const rotated = await importKeyring(`${newKeyEntry('next')},${env.LEADS_ENCRYPTION_KEY}`);
    const first = leadInput();
    const before = await saveLead(env.DB, old, first, []);
    const after = await saveLead(env.DB, rotated, { ...first, requestId: crypto.randomUUID(), description: '还是打不开' }, []);
    expect(after).toMatchObject({ created: false, merged: true });
    expect(after.lead.id).toBe(before.lead.id);
  });

  it('returns the same lead for the same requestId, without a second row', async () => {
    const requestId = crypto.randomUUID();
    const body = { ...validLead(), requestId };
    const first = await (await post(body)).json<{ id: string; reference: string }>();
    const before = await countLeads();
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      ok: true,
      id: first.id,
      reference: first.reference,
      next: expect.arrayContaining([expect.stringContaining('400-000-0000')]),
      hotline: '400-000-0000',
      progress: `/progress/?ref=${first.reference}`,
    });
    expect(await countLeads()).toBe(before);
    const deliveries = await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?')
      .bind(first.id)
      .first<{ n: number }>();
    expect(deliveries!.n).toBe(1);

    // The same requestId with other words (a page sent back and edited): kept as what the customer
    // wrote again, not answered with the first and dropped; its reference still not told.
    const edited = await post({ ...body, description: '再次提交：柜门也变形了' });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toEqual({ ok: true, merged: true, next: expect.any(Array), hotline: '400-000-0000' });
    expect(await countLeads()).toBe(before);
    const shown = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/leads/${first.id}`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }),
    );
    const { repeats } = await shown.json<{ repeats: { description: string }[] }>();
    expect(repeats.map((r) => r.description)).toEqual(['再次提交：柜门也变形了']);
    // Another phone under that requestId (the phone's limit is 3 posts a minute): a lead of its own.
    const another = await post({ ...body, phone: freshPhone() });
    expect(another.status).toBe(201);
    expect(((await another.json()) as { reference: string }).reference).not.toBe(first.reference);
  });

  it("keeps a post that reuses a merged repeat's requestId with other words, as another repeat", async () => {
    const body = validLead(); // a phone of its own: the phone's limit is 3 posts a minute
    const first = await (await post({ ...body, requestId: crypto.randomUUID() })).json<{ id: string }>();
    const requestId = crypto.randomUUID();
    expect(await (await post({ ...body, requestId, description: '补充：门锁没电了' })).json()).toMatchObject({ merged: true });
    const edited = await post({ ...body, requestId, description: '补充：门锁没电了，换了电池还是打不开' });
    expect(await edited.json()).toEqual({ ok: true, merged: true, next: expect.any(Array), hotline: '400-000-0000' });
    const shown = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/leads/${first.id}`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }),
    );
    const { repeats } = await shown.json<{ repeats: { description: string }[] }>();
    expect(repeats.map((r) => r.description).sort()).toEqual(['补充：门锁没电了', '补充：门锁没电了，换了电池还是打不开']);
  });

  it('answers 400 with a Chinese message per field and stores nothing', async () => {
    const before = await countLeads();
    const res = await post({ name: '', phone: '12345', region: 'x', description: '', consent: false });
    expect(res.status).toBe(400);
    const { ok, errors } = await res.json<{ ok: boolean; errors: Record<string, string> }>();
    expect(ok).toBe(false);
    expect(Object.keys(errors).sort()).toEqual(['abroad', 'consent', 'description', 'name', 'phone', 'region']);
    expect(errors.phone).toMatch(/手机号|固定电话/);
    expect(errors.consent).toMatch(/隐私政策/);
    expect(await countLeads()).toBe(before);
  });

  it('accepts a landline with its area code, and rejects a 400 number', async () => {
    const landline = await post({ ...valid, phone: '0743-8521234', requestId: crypto.randomUUID() });
    expect(landline.status).toBe(201);
    const { id } = await landline.json<{ id: string }>();
    expect((await openRow(id)).phone).toBe('+867438521234');
    const hotline = await post({ ...valid, phone: '400-000-0000' });
    expect(hotline.status).toBe(400);
  });

  it('takes a lead for a region nobody covers, saying so; rejects a code that names no region', async () => {
    // 凤凰县: search answers 暂未覆盖 with the form (its own brand is information there, not a promise).
    const res = await post({ ...validLead(), region: '433123', brand: 'qimen', requestId: crypto.randomUUID() });
    expect(res.status).toBe(201);
    const body = await res.json<{ id: string; next: string[] }>();
    expect(body.next[0]).toBe('湖南省 湘西土家族苗族自治州 凤凰县 暂未覆盖。');
    expect(body.next[1]).toMatch(/给您打电话，说明能否上门。$/);
    // Stored so: the inbox, the notifications and the progress page say it too.
    expect(await openRow(body.id)).toMatchObject({
      region_code: '433123',
      region_name: '湖南省 湘西土家族苗族自治州 凤凰县（暂未覆盖）',
    });
    // A county of a province nobody covers names its whole lineage too.
    const beijing = await post({ ...validLead(), region: '110101', requestId: crypto.randomUUID() });
    expect((await openRow((await beijing.json<{ id: string }>()).id)).region_name).toBe('北京市 东城区（暂未覆盖）');
    // A covered region's answer says nothing of the kind.
    const covered = await (await post({ ...validLead(), requestId: crypto.randomUUID() })).json<{ next: string[] }>();
    expect(covered.next.join(' ')).not.toMatch(/暂未覆盖|能否上门/);
    // No region of China (a town of a county has no page: its county is the lead's region).
    const before = await countLeads();
    for (const region of ['999999', '433101001']) {
      const bad = await post({ ...validLead(), region, requestId: crypto.randomUUID() });
      expect(bad.status, region).toBe(400);
      expect((await bad.json<{ errors: Record<string, string> }>()).errors.region).toBe(
        '请从列表中选择所在地区，或拨打 400-000-0000 咨询。',
      );
    }
    expect(await countLeads()).toBe(before);
  });

  it('rejects a brand not serviced in a covered region, and one it does not know', async () => {
    const elsewhere = await post({ ...valid, brand: 'qimen' }); // 栖门 is not serviced in 吉首
    expect((await elsewhere.json<{ errors: Record<string, string> }>()).errors.brand).toMatch(/栖门在所选地区暂未提供服务/);
    const unknown = await post({ ...valid, brand: 'no-such-brand' });
    expect((await unknown.json<{ errors: Record<string, string> }>()).errors.brand).toMatch(/列表/);
  });

  it('accepts a town of a county-less city, and a lead without a brand', async () => {
    const res = await post({ ...validLead(), region: '441900003', brand: '', requestId: crypto.randomUUID() });
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: string }>();
    const row = await env.DB.prepare('SELECT region_name, brand FROM leads WHERE id = ?').bind(id).first();
    expect(row).toEqual({ region_name: '广东省 东莞市 东城街道', brand: null });
  });

  it('keeps a honeypot lead marked as spam and delivers it nowhere', async () => {
    const res = await post({ ...validLead(), website: 'http://spam.example', requestId: crypto.randomUUID() });
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: string }>();
    expect((await env.DB.prepare('SELECT status FROM leads WHERE id = ?').bind(id).first())!.status).toBe('spam');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?').bind(id).first())!.n).toBe(0);
  });

  it('answers malformed JSON 400, other content types 415, other methods 405', async () => {
    expect((await post('{"name":')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post('name=x', { 'content-type': 'text/plain' })).status).toBe(415);
    const get = await exports.default.fetch(`${ORIGIN}/api/leads`);
    expect(await get.json()).toEqual({ ok: false, errors: { form: '请使用 POST 提交报修。' } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('POST /api/leads (plain form, JavaScript off)', () => {
  const fields = {
    name: '李女士',
    phone: validLead().phone,
    region: '433101',
    brand: 'nuanchuan',
    description: '热水器不点火',
    consent: 'on',
    abroad: 'on',
    page: '/hunan/xiangxi/jishou/',
  };

  it('shows the reference to a customer who sent the same form twice (a double click: two requestIds)', async () => {
    const twice = { ...fields, phone: freshPhone() };
    const referenceOf = async (posted: Response) =>
      (await (await confirmation(posted)).text()).match(/data-lead-reference>(BX-\d{6}-\d{6})</)?.[1];
    const first = await referenceOf(await form(twice));
    expect(first).toBeDefined();
    expect(await referenceOf(await form(twice))).toBe(first);
    // Not the same words: merged, and told no reference.
    const other = await (await confirmation(await form({ ...twice, description: '热水器漏水' }))).text();
    expect(other).not.toContain(first);
    expect(other).toContain('不另开单号');
  });

  it('ends on the confirmation page with the stored reference, which a reload shows again without posting', async () => {
    // No requestId: the static page has no script to make one.
    const posted = await form({ ...fields, phone: freshPhone() });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const res = await confirmation(posted);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const reference = html.match(/data-lead-reference>(BX-\d{6}-\d{6})</)?.[1];
    expect(reference).toBeDefined();
    const { id } = (await env.DB.prepare('SELECT id FROM leads WHERE reference = ?').bind(reference).first<{ id: string }>())!;
    const row = await openRow(id);
    expect({ name: row.name, brand: row.brand }).toEqual({ name: '李女士', brand: 'nuanchuan' });
    expect(html).toContain('湖南省 湘西土家族苗族自治州 吉首市');
    expect(html).toContain(`href="/progress/?ref=${reference}"`);
    // The reload: the same page, and no second lead (after the 10 minutes that merge posts, a
    // reloaded POST made one).
    const before = await countLeads();
    const again = await exports.default.fetch(new Request(new URL(posted.headers.get('location')!, ORIGIN)));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(`data-lead-reference>${reference}<`);
    expect(await countLeads()).toBe(before);
  });

  it('asks a browser to reload when the confirmation cannot be shown (D1 failing), in a page, not JSON', async () => {
    const posted = await form({ ...fields, phone: freshPhone() });
    const failing = {
      ...env,
      DB: {
        prepare() {
          throw new Error('D1 is down');
        },
      },
    };
    const at = new URL(posted.headers.get('location')!, ORIGIN);
    const res = await api.request(at.pathname + at.search, { headers: { accept: 'text/html,*/*' } }, failing);
    expect([res.status, res.headers.get('content-type'), res.headers.get('retry-after')]).toEqual([
      503,
      'text/html; charset=utf-8',
      '30',
    ]);
    const page = await res.text();
    expect(page).toContain('报修结果暂时无法显示，请稍后刷新本页');
    // It says to call: whom, and the number (the site's files still answer here).
    expect(page).toContain('安家修（示例） · 服务电话 <a href="tel:4000000000">400-000-0000</a>');
    // A script's request still gets JSON.
    const json = await api.request(at.pathname + at.search, {}, failing);
    expect([json.status, await json.json()]).toEqual([503, { ok: false, errors: { form: expect.stringContaining('系统暂时') } }]);
  });

  it('keeps what was typed when something unforeseen fails, and a second send is the stored lead, not another', async () => {
    const typed = { ...fields, phone: freshPhone(), address: '乾州街道 8 号' };
    const before = await countLeads();
    // No ExecutionContext: the lead is stored, then queueing its deliveries throws — a failure no
    // handler expects.
    const res = await api.request(
      `${ORIGIN}/api/leads`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          origin: ORIGIN,
          'cf-connecting-ip': freshIp(),
        },
        body: new URLSearchParams(typed).toString(),
      },
      env,
    );
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '30']);
    const html = await res.text();
    expect(html).toContain('<title>提交未成功 - 吉首市上门维修');
    expect(html).toMatch(/data-form-status[^>]*>系统暂时无法受理/);
    expect(html).toContain(`value="${typed.phone}"`);
    expect(html).toContain('value="乾州街道 8 号"');
    expect(html).toContain('热水器不点火</textarea>');
    expect(await countLeads()).toBe(before + 1);
    // Sent again as it came back: told the stored lead's reference, and no second lead.
    const requestId = /name="requestId" value="([0-9a-f-]{36})"/.exec(html)![1];
    const again = await (await confirmation(await form({ ...typed, requestId }))).text();
    expect(again).toMatch(/data-lead-reference>BX-\d{6}-\d{6}</);
    expect(await countLeads()).toBe(before + 1);
  });

  it('leads a confirmation link that is not ours, too old, or of an erased lead to the progress look-up', async () => {
    const posted = await form({ ...fields, phone: freshPhone() });
    const location = posted.headers.get('location')!;
    const token = new URL(location, ORIGIN).searchParams.get('t')!;
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const told = (await openConfirmation(ring, token))!;
    expect(told.merged).toBe(false);
    const link = async (path: string) => {
      const res = await exports.default.fetch(new Request(new URL(path, ORIGIN), { redirect: 'manual' }));
      return `${res.status} ${res.headers.get('location')}`;
    };
    const withToken = (t: string) => `/api/leads/confirmation?${new URLSearchParams({ t })}`;
    const [kid, sealed] = token.split('.');
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    const other = await importKeyring(newKeyEntry(kid));
    for (const bad of [
      '',
      'x',
      `${kid}.${flipped}`,
      `nokey.${sealed}`,
      `${kid}.!!`,
      new URL(await confirmationLink(other, told), ORIGIN).searchParams.get('t')!,
    ])
      expect(await link(withToken(bad))).toBe('303 /progress/#expired');
    expect(await link('/api/leads/confirmation')).toBe('303 /progress/#expired');
    expect(await link('/api/leads/confirmation?t=%E0%A4%A&t=x')).toBe('303 /progress/#expired'); // not even UTF-8
    // A day old: no longer; just under: still.
    const aged = (ms: number) => confirmationLink(ring, { ...told, at: Date.now() - ms });
    expect(await link(await aged(LINK_TTL_MS + 1000))).toBe('303 /progress/#expired');
    expect(await link(await aged(LINK_TTL_MS - 60_000))).toBe('200 null');
    await env.DB.prepare('DELETE FROM deliveries WHERE lead_id = ?').bind(told.leadId).run();
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(told.leadId).run();
    expect(await link(location)).toBe('303 /progress/#expired');
  });

  it('comes back as the same page with per-field errors and the input kept, escaped', async () => {
    const before = await countLeads();
    const res = await form({
      ...fields,
      phone: '123',
      name: '李"><script>alert(1)</script>',
      address: 'A&lt;B 1号',
      consent: '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<title>提交未成功 - 吉首市上门维修');
    expect(html).toMatch(/data-error-for="phone">请填写有效的手机号/);
    expect(html).toMatch(/data-error-for="consent">请阅读并同意隐私政策/);
    // The quote is escaped, so the payload stays inside the attribute value.
    expect(html).toContain('value="李&quot;><script>alert(1)</script>"');
    expect(html).not.toContain('李"><script>');
    // & escaped too: what was typed as "&lt;" comes back as typed, not as "<".
    expect(html).toContain('value="A&amp;lt;B 1号"');
    expect(html).toMatch(/<option value="nuanchuan" data-for="brand" selected(="")?>/);
    expect(html).toMatch(/name="consent" value="on" required aria-invalid="true" aria-describedby="lead-consent-error">/);
    // The other consent, given, stays given.
    expect(html).toMatch(/name="abroad" value="on" required checked(="")?>/);
    expect(html).toContain('热水器不点火</textarea>');
    expect(html).toMatch(/name="requestId" value="[0-9a-f-]{36}"/);
    expect(await countLeads()).toBe(before);
  });

  it('never re-renders a page from another site', async () => {
    const res = await form({ ...fields, phone: '1', page: '//evil.example/' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<title>提交未成功 - 安家修（示例） · ');
  });
});

describe('GET /api/health', () => {
  it('says the database is reachable and the key ring usable', async () => {
    const res = await exports.default.fetch(`${ORIGIN}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'ok', encryptionKey: 'ok' });
  });

  it('says what is wrong with LEADS_ENCRYPTION_KEY, there and in the admin API, never echoing it', async () => {
    const broken = `k1:${btoa('x'.repeat(32)).slice(1)}`; // a pasted key that lost a character
    const health = await api.request('/api/health', {}, { ...env, LEADS_ENCRYPTION_KEY: broken });
    expect([health.status, await health.json()]).toEqual([
      503,
      { ok: false, database: 'ok', encryptionKey: 'LEADS_ENCRYPTION_KEY entry 1 (k1) is not valid base64' },
    ]);
    const admin = await api.request(
      '/api/admin/leads',
      { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } },
      { ...env, LEADS_ENCRYPTION_KEY: undefined },
    );
    const body = await admin.text();
    expect([admin.status, JSON.parse(body)]).toEqual([500, { ok: false, error: 'LEADS_ENCRYPTION_KEY is not set' }]);
    const customer = await api.request('/api/health', {}, { ...env, LEADS_ENCRYPTION_KEY: broken });
    expect(await customer.text()).not.toContain(broken.slice(3, 20));
  });
});
