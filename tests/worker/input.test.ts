// Bad input: size, type, shape and characters; every error in Chinese, as JSON or as the form page,
// and nothing stored.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countLeads, form, freshIp, openRow, ORIGIN, post, valid } from './helpers.ts';

type Errors = { ok: false; errors: Record<string, string> };
const CHINESE = /[\u4e00-\u9fff]/;

describe('bad input', () => {
  it('refuses a body over 16 KB by Content-Length, and a chunked one by the bytes read: 413', async () => {
    const before = await countLeads();
    const big = JSON.stringify({ ...valid(), description: 'x'.repeat(17_000) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect((await declared.json<Errors>()).errors.form).toMatch(CHINESE);

    // A stream has no Content-Length: the cap counts what is read.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const chunked = await exports.default.fetch(
      new Request(`${ORIGIN}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
        body: stream,
      }),
    );
    expect(chunked.status).toBe(413);
    // A form post gets the page back, with the message.
    const page = await form({ ...valid(), consent: 'on', description: 'x'.repeat(17_000) } as unknown as Record<string, string>, {
      referer: `${ORIGIN}/hunan/xiangxi/jishou/`,
    });
    expect(page.status).toBe(413);
    const html = await page.text();
    expect(html).toContain('<title>提交未成功 - 吉首市上门维修');
    expect(html).toContain('提交的内容过长');
    expect(await countLeads()).toBe(before);
  });

  it('answers 415 for other content types, 400 for malformed JSON and 405 for other methods, in Chinese', async () => {
    for (const type of ['text/plain', 'application/xml', '']) {
      const res = await post(JSON.stringify(valid()), { 'content-type': type });
      expect(res.status).toBe(415);
      expect((await res.json<Errors>()).errors.form).toMatch(CHINESE);
    }
    for (const body of ['{"name":', 'null', '"x"', '[1]', '\u0000']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json<Errors>()).errors.form).toBe('请求内容不是有效的 JSON 对象。');
    }
    for (const method of ['PUT', 'PATCH', 'DELETE', 'GET']) {
      const res = await exports.default.fetch(new Request(`${ORIGIN}/api/leads`, { method }));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('says every field that needs fixing in the page a plain post gets back, each apart', async () => {
    const page = await form({ ...valid(), name: '', phone: '', consent: 'on' } as unknown as Record<string, string>, {
      referer: `${ORIGIN}/hunan/xiangxi/jishou/`,
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/data-form-status[^>]*>提交未成功，请按提示修改后重新提交。请填写称呼；请填写联系电话。</);
  });

  it('rejects unknown fields with a Chinese message that echoes no markup', async () => {
    const res = await post({ ...valid(), isAdmin: true, '<img src=x onerror=alert(1)>': 1 });
    expect(res.status).toBe(400);
    const { errors } = await res.json<Errors>();
    expect(errors.form).toMatch(/^请求中含有不支持的字段：isAdmin、/);
    expect(errors.form).not.toContain('<');
  });

  it('rejects control and bidi characters, caps every string, and keeps newlines in a description', async () => {
    const bad = [
      { name: '王\u0000先生' },
      { name: '王\n先生' },
      { address: '示例路\u202e1号' },
      { description: '打不开\u0007了' },
      { preferredTime: 'x'.repeat(51) },
      { website: 'x'.repeat(201) },
      { region: '4'.repeat(50) },
      { requestId: 'x'.repeat(100) },
      { page: `/${'x'.repeat(400)}` },
      // A brand the schema refuses, in a covered county (was a 500: its name looked up unchecked).
      { brand: 'a'.repeat(41) },
      { brand: 'jianxia\u200b' },
      { name: { toString: 'x' } },
      { description: ['打不开'] },
    ];
    const before = await countLeads();
    for (const change of bad) {
      const res = await post({ ...valid(), ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
    }
    expect(await countLeads()).toBe(before);
    const ok = await post({ ...valid(), description: '第一行\n第二行\t（说明）' });
    expect(ok.status).toBe(201);
  });

  it('stores text NFC-normalized and the phone as E.164', async () => {
    const res = await post({
      ...valid(),
      name: 'Jose\u0301',
      phone: '+86 139-0000-1234'.replace('0000', String(Date.now() % 10_000).padStart(4, '0')),
    });
    expect(res.status).toBe(201);
    const row = await openRow((await res.json<{ id: string }>()).id);
    expect(row.name).toBe('Jos\u00e9');
    expect(row.phone).toMatch(/^\+86139\d{8}$/);
  });
});

describe('where posts come from', () => {
  it('refuses a post from another site (Origin or Sec-Fetch-Site) with 403 and stores nothing', async () => {
    const before = await countLeads();
    const cross = await post(valid(), { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect((await cross.json<Errors>()).errors.form).toBe('请从本站页面提交报修。');
    const nullOrigin = await post(valid(), { 'content-type': 'application/json', origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const fetchSite = await post(valid(), { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    const page = await form({ ...valid(), consent: 'on' } as unknown as Record<string, string>, {
      origin: 'https://evil.example',
    });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('请从本站页面提交报修。');
    expect(await countLeads()).toBe(before);
  });

  it('takes a post from the site itself', async () => {
    const res = await post(valid(), { 'content-type': 'application/json', origin: ORIGIN, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(201);
  });
});
