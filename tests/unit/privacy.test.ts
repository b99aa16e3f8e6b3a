// The key ring, field encryption, log escaping, client addresses and allowed origins (Node's WebCrypto).
import { describe, expect, it } from 'vitest';
import { retentionDays } from '../../src/contract/retention.ts';
import {
  decryptField,
  encryptField,
  importKeyring,
  KeyringError,
  newKeyEntry,
  phoneHash,
  phoneHashes,
} from '../../functions/privacy/keyring.ts';
import { logSafe, maskName, withoutLead } from '../../functions/privacy/log.ts';
import { REPLY_KEPT } from '../../functions/channels/http.ts';
import { templateCuts } from '../../functions/channels/sms.ts';
import { clientIp } from '../../functions/web/limits.ts';
import { allowedOrigins } from '../../functions/web/origin.ts';

describe('key ring', () => {
  it('takes kid:base64key entries, the first being current', async () => {
    const ring = await importKeyring(`${newKeyEntry('new')}, ${newKeyEntry('old')}`);
    expect(ring.current.id).toBe('new');
    expect([...ring.byId.keys()]).toEqual(['new', 'old']);
  });

  const keyOf = (fill: string) => btoa(fill.repeat(32));
  it.each([
    [undefined, /is not set/],
    ['', /is not set/],
    ['abc', /entry 1 is not kid:base64key/],
    ['k1:', /entry 1 is not kid:base64key/],
    ['k1:c2hvcnQ=', /entry 1 \(k1\) must be 32 bytes/],
    [`k1:${keyOf('x')},k1:${keyOf('y')}`, /key id k1 twice/],
    [`k 1:${keyOf('z')}`, /entry 1 is not kid:base64key/],
    // A pasted key that lost a character: still kid:base64-looking, but not base64.
    [`k1:${keyOf('x').slice(1)}`, /entry 1 \(k1\) is not valid base64/],
  ])('refuses %j, saying why without echoing it', async (secret, why) => {
    const err = await importKeyring(secret).catch((e) => e);
    expect(err).toBeInstanceOf(KeyringError);
    expect(err.message).toMatch(why);
    // No key material in the message: neither the whole setting nor any base64 part of it.
    const material = (secret ?? '').split(/[,:]/).filter((part) => part.length > 3);
    expect(material.filter((part) => err.message.includes(part))).toEqual([]);
  });

  it('reads LEAD_RETENTION_DAYS as a whole number of days, the default when unset, and refuses anything else by name', () => {
    expect([retentionDays(undefined), retentionDays(''), retentionDays('30'), retentionDays(' 7 ')]).toEqual([180, 180, 30, 7]);
    for (const bad of ['30 days', '0', '-1', '90.5', 'abc'])
      expect(() => retentionDays(bad), bad).toThrow(
        `LEAD_RETENTION_DAYS must be a whole number of days, 1 or more, not "${bad}"`,
      );
  });

  it('encrypts with a fresh IV and authenticates the context', async () => {
    const { current } = await importKeyring(newKeyEntry());
    const a = await encryptField(current, '王先生', 'lead:1:name');
    const b = await encryptField(current, '王先生', 'lead:1:name');
    expect(a).not.toBe(b);
    expect(await decryptField(current, a, 'lead:1:name')).toBe('王先生');
    await expect(decryptField(current, a, 'lead:2:name')).rejects.toThrow();
    const tampered = a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(decryptField(current, tampered, 'lead:1:name')).rejects.toThrow();
  });

  it('hashes a phone per key: equal under one key, different across keys', async () => {
    const ring = await importKeyring(`${newKeyEntry('a')},${newKeyEntry('b')}`);
    const h = await phoneHash(ring.current, '+8613812341234');
    expect(h).toBe(await phoneHash(ring.current, '+8613812341234'));
    expect(h).not.toBe(await phoneHash(ring.current, '+8613812341235'));
    const all = await phoneHashes(ring, '+8613812341234');
    expect(all).toHaveLength(2);
    expect(new Set(all).size).toBe(2);
  });
});

describe('log lines', () => {
  it('escape markup, flatten lines and stay short', () => {
    expect(logSafe('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(logSafe('a\nb\u2028c')).toBe('a b c');
    expect(logSafe('长'.repeat(100))).toHaveLength(61);
    // A name in a log line: its first character only (the outbox's line), escaped like the rest.
    expect(maskName('孙先生')).toBe('孙**');
    expect(maskName('欧阳娜娜好')).toBe('欧***');
    expect(maskName('王')).toBe('王*');
    expect(maskName('<b>')).toBe('&lt;**');
    expect(maskName('𠮷野')).toBe('𠮷*');
  });

  it("keep a provider's error without the lead's own fields, as written or as JSON escapes", () => {
    const lead = { name: '张三', phone: '+8613812341234', address: '示例路 1 号', description: '门锁坏了' };
    const echoed =
      'HTTP 422 {"phone":"13812341234","e164":"+8613812341234","name":"\\u5f20\\u4e09","where":"示例路 1 号"} 门锁坏了';
    expect(withoutLead(echoed, lead)).toBe('HTTP 422 {"phone":"…","e164":"…","name":"…","where":"…"} …');
  });

  it("keep a provider's error without a landline as the operator's messages write it, area code apart", () => {
    const lead = { name: '张三', phone: '+8673188886666;ext=8001', address: null, description: '门锁坏了' };
    const echoed = 'HTTP 400 {"text":"电话：0731-88886666转8001","to":"073188886666"}';
    expect(withoutLead(echoed, lead)).toBe('HTTP 400 {"text":"电话：…","to":"…"}');
  });

  it("and without a long echo of them, as PHP's json_encode writes it (\\u escapes, / as \\/), once or again", () => {
    const lead = {
      name: '张三',
      phone: '+8613812341234',
      address: `示例路12/3号${'幸福小区'.repeat(44)}`,
      description: '保险柜打不开，'.repeat(71),
    };
    const php = (v: string) =>
      JSON.stringify(v)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replaceAll('/', '\\/');
    const body = `{"name":${php(lead.name)},"address":${php(lead.address)},"description":${php(lead.description)}}`;
    expect(body.length).toBeGreaterThan(3500);
    // As the HTTP channels keep a refusal (channels/http.ts): the reply cut at REPLY_KEPT first.
    const reply = `{"error":"invalid","received":${body},"again":${body}}`;
    const kept = withoutLead(`hook.test: HTTP 422 ${reply.slice(0, REPLY_KEPT)}`, lead);
    expect(kept).toBe(
      'hook.test: HTTP 422 {"error":"invalid","received":{"name":"…","address":"…","description":"…"},"again":{"name":"…","address":"…","description":"…"}}',
    );
  });

  it('and without what an SMS template sent of them: cut to its length, or percent-encoded in a URL', () => {
    const description = '保险柜密码忘了打不开，里面有证件，明天要用，麻烦尽快上门开锁，谢谢师傅辛苦了';
    const lead = { name: '欧阳娜娜', phone: '+8613812341234', address: null, description };
    const tencent = [...description].slice(0, 6).join(''); // a new Tencent account's 6 characters
    const older = [...description].slice(0, 12).join(''); // an older account's 12
    const aliyun = [...description].slice(0, 35).join(''); // Aliyun's 35
    const form = encodeURIComponent('欧阳 娜娜').toLowerCase().replace('%20', '+'); // %e6…+%e5…
    const echoed = `1014 bad param "${tencent}", "${older}"; isv.X ${aliyun}; GET ?TemplateParam=${encodeURIComponent('欧阳娜娜')}&n=${form}`;
    const cutAt = templateCuts({}); // Aliyun's 35, Tencent's 6
    const kept = withoutLead(echoed, { ...lead, name: '欧阳娜娜', address: '欧阳 娜娜' }, [...cutAt, 12]);
    expect(kept).toBe('1014 bad param "…", "…"; isv.X …; GET ?TemplateParam=…&n=…');
    // Cut at what the account takes (TENCENT_SMS_VARIABLE_MAX), and as JSON escapes it.
    const at20 = JSON.stringify([...description].slice(0, 20).join('')).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16)}`,
    );
    expect(withoutLead(`InvalidParameterValue ${at20} 保险柜`, lead, templateCuts({ TENCENT_SMS_VARIABLE_MAX: '20' }))).toBe(
      'InvalidParameterValue "…" 保险柜',
    );
    // Only the cuts a template sent: the provider's own words after them stay.
    const english = { ...lead, description: 'Please call me after 6pm, the safe is stuck' };
    expect(withoutLead('InvalidParameter: Please check the template', english, templateCuts({}))).toBe(
      'InvalidParameter: … check the template',
    );
  });
});

describe('client address for rate limits', () => {
  it('uses CF-Connecting-IP only, and an IPv6 /64', () => {
    expect(clientIp(new Headers({ 'cf-connecting-ip': '203.0.113.9', 'x-forwarded-for': '1.2.3.4' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown');
    expect(clientIp(new Headers({ 'cf-connecting-ip': '2001:db8:0:1:a:b:c:d' }))).toBe('2001:db8:0:1::/64');
    expect(clientIp(new Headers({ 'cf-connecting-ip': '2001:db8::1' }))).toBe('2001:db8:0:0::/64');
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('keeps origins only', () => {
    expect([...allowedOrigins({ ALLOWED_ORIGINS: 'https://a.example, https://b.example/path ,not a url,' })]).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(allowedOrigins({}).size).toBe(0);
  });
});
