import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { regionsLoader } from '../../src/lib/regions-loader.ts';
import { brandSchema, coverageSchema, routingSchema, siteSchema } from '../../src/lib/schemas.ts';

const messages = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

describe('brand schema', () => {
  const base = { name: '坚匣', category: '保险柜' };
  it('takes an independent brand as it is', () => {
    expect(brandSchema.safeParse({ ...base, relationship: 'independent' }).success).toBe(true);
  });
  it('requires authorization evidence for an authorized brand, and says so', () => {
    const result = brandSchema.safeParse({ ...base, relationship: 'authorized' });
    expect(messages(result).join()).toMatch(/authorization/);
    const ok = brandSchema.parse({
      ...base,
      relationship: 'authorized',
      authorization: { issuer: '某公司', reference: 'A-1', validUntil: '2030-01-01' },
    });
    expect(ok.relationship === 'authorized' && ok.authorization.validUntil).toEqual(new Date('2030-01-01'));
    // Left empty (YAML null) or written as a number: not a date, said so (coerced, null was 1970-01-01).
    for (const validUntil of [null, 20301231, '', 'soon'])
      expect(
        messages(
          brandSchema.safeParse({
            ...base,
            relationship: 'authorized',
            authorization: { issuer: '某公司', reference: 'A-1', validUntil },
          }),
        ),
        String(validUntil),
      ).toEqual(['authorization.validUntil must be a date, e.g. 2027-12-31']);
    expect(
      brandSchema.parse({
        ...base,
        relationship: 'authorized',
        authorization: { issuer: '某公司', reference: 'A-1', validUntil: new Date('2031-06-30') },
      }),
    ).toMatchObject({ authorization: { validUntil: new Date('2031-06-30') } });
  });
  it('rejects an unknown relationship with the allowed values', () => {
    expect(messages(brandSchema.safeParse({ ...base, relationship: 'official' })).join()).toMatch(/independent.*authorized/);
  });
});

describe('site and coverage schemas', () => {
  it('explains a bad hotline and a missing field', () => {
    const result = siteSchema.safeParse({
      legalName: 'x',
      displayName: 'x',
      hotline: '打电话',
      hours: 'x',
      address: 'x',
      email: 'a@b.cn',
      url: 'https://x.cn',
    });
    expect(messages(result).join('|')).toMatch(
      /hotline must be digits.*\|privacyVersion is required|privacyVersion is required.*hotline/,
    );
  });
  it('wants quoted 6- or 9-digit codes', () => {
    const schema = coverageSchema(z.string());
    expect(schema.safeParse({ brand: 'a', regions: [{ code: '433101' }, { code: '441900003' }] }).success).toBe(true);
    expect(messages(schema.safeParse({ brand: 'a', regions: [{ code: 433101 }] })).join()).toMatch(/quoted/);
    expect(messages(schema.safeParse({ brand: 'a', regions: [] })).join()).toMatch(/at least one/);
  });
});

describe('regions loader', () => {
  it('stores every region under its code', async () => {
    const stored = new Map<string, { data: Record<string, unknown> }>();
    await regionsLoader().load({
      store: { clear: () => stored.clear(), set: (e: { id: string; data: Record<string, unknown> }) => stored.set(e.id, e) },
      generateDigest: (d: unknown) => JSON.stringify(d).length.toString(),
    } as never);
    expect(stored.size).toBeGreaterThan(3300);
    expect(stored.get('433101')!.data).toMatchObject({
      name: '吉首市',
      shortName: '吉首',
      level: 'county',
      parent: '433100',
      slug: 'jishou',
    });
  });
});

describe('routes schema', () => {
  it('refuses a route that lists a channel twice (every lead of it would fail to store), and says how to fix it', () => {
    const twice = routingSchema.safeParse({
      routes: [{ name: '长沙', regions: ['430100'], channels: [{ channel: 'wecom' }, { channel: 'wecom', to: ['b'] }] }],
    });
    expect(messages(twice).join()).toContain("put all its recipients in that one entry's `to`");
    const once = routingSchema.safeParse({
      routes: [
        {
          name: '长沙',
          regions: ['430100'],
          channels: [{ channel: 'email-smtp', to: ['a@x.test', 'b@x.test'] }, { channel: 'wecom' }],
        },
      ],
    });
    expect(once.success).toBe(true);
  });

  it('refuses `to` on a channel that sends to its own URL, which would ignore it (a bot, a webhook)', () => {
    const bot = routingSchema.safeParse({ routes: [{ name: '长沙', channels: [{ channel: 'dingtalk', to: ['另一个群'] }] }] });
    expect(messages(bot)).toEqual([
      "`to` is for email-smtp, email-binding, sms-aliyun, sms-tencent; dingtalk sends to its own URL (set another channel's settings to reach another group)",
    ]);
    expect(
      routingSchema.safeParse({ routes: [{ name: '长沙', channels: [{ channel: 'sms-tencent', to: ['13800000000'] }] }] })
        .success,
    ).toBe(true);
  });

  it('refuses a `to` its channel cannot send to (a number for mail, an address or a landline for SMS), naming it', () => {
    const route = (channel: string, to: string[]) =>
      routingSchema.safeParse({ routes: [{ name: '长沙', channels: [{ channel, to }] }] });
    expect(messages(route('email-smtp', ['dispatch@example.com', '13800000000']))).toEqual([
      'email-smtp sends to an e-mail address, not "13800000000"',
    ]);
    expect(messages(route('sms-aliyun', ['dispatch@example.com', '0731-88886666']))).toEqual([
      'sms-aliyun sends to a mobile number, not "dispatch@example.com"',
      'sms-aliyun sends to a mobile number, not "0731-88886666"',
    ]);
    expect(route('sms-tencent', ['13800000000', '+86 139 0000 0000', '（+86）137-0000-0000']).success).toBe(true);
    expect(route('email-binding', ['dispatch@example.com', '报修@例子.中国', 'x@example.xn--fiqs8s']).success).toBe(true);
    expect(messages(route('email-binding', ['调度 <dispatch@example.com>', 'dispatch@localhost']))).toEqual([
      'email-binding sends to an e-mail address, not "调度 <dispatch@example.com>"',
      'email-binding sends to an e-mail address, not "dispatch@localhost"',
    ]);
  });

  it('refuses a key it does not know, naming it and the keys it takes: a route with `brand:` would take every lead', () => {
    const misspelt = routingSchema.safeParse({
      routes: [{ name: '坚匣', brand: ['jianxia'], channels: [{ channel: 'wecom' }] }],
    });
    expect(misspelt.success).toBe(false);
    expect(messages(misspelt)).toEqual([
      'a route: unknown key `brand` (a misspelling?); a route takes `name`, `regions`, `brands`, `channels`',
    ]);
    expect(misspelt.error!.issues[0].path).toEqual(['routes', 0]);
    const inDefault = routingSchema.safeParse({
      default: { name: '全部', regions: ['430000'], channels: [{ channel: 'outbox' }] },
    });
    expect(messages(inDefault)).toEqual([
      'the default route: unknown key `regions` (a misspelling?); the default route takes `name`, `channels`',
    ]);
    expect(messages(routingSchema.safeParse({ routes: [{ name: 'x', channels: [{ channel: 'wecom', To: ['a'] }] }] }))).toEqual([
      'a route channel: unknown key `To` (a misspelling?); a route channel takes `channel`, `to`',
    ]);
  });
});

describe('every content schema', () => {
  it('refuses unknown keys in site.yaml, a brand, a coverage file and its regions', () => {
    const site = {
      legalName: '示例',
      displayName: '示例',
      hotline: '400-000-0000',
      hours: '每天',
      address: '某地',
      email: 'a@b.test',
      url: 'https://example.com',
      privacyVersion: '1',
    };
    expect(siteSchema.safeParse(site).success).toBe(true);
    expect(messages(siteSchema.safeParse({ ...site, callbackhours: '08:00-20:00' })).join()).toContain(
      'site.yaml: unknown key `callbackhours`',
    );
    // Callback hours within one day: past midnight every lead would be told it came outside them.
    expect(siteSchema.safeParse({ ...site, callbackHours: '08:00-20:00' }).success).toBe(true);
    expect(messages(siteSchema.safeParse({ ...site, callbackHours: '20:00-08:00' })).join()).toContain(
      'callbackHours must open before they close on the same day',
    );
    expect(
      messages(brandSchema.safeParse({ name: '坚匣', category: '保险柜', relationship: 'independent', offical: true })).join(),
    ).toContain('a brand: unknown key `offical`');
    const coverage = coverageSchema(z.string());
    expect(coverage.safeParse({ brand: 'jianxia', regions: [{ code: '433101' }] }).success).toBe(true);
    expect(
      messages(coverage.safeParse({ brand: 'jianxia', regions: [{ code: '433101', responsetime: '2 小时' }] })).join(),
    ).toContain('a coverage region: unknown key `responsetime`');
    expect(messages(coverage.safeParse({ brand: 'jianxia', region: [{ code: '433101' }] })).join()).toContain(
      'a coverage file: unknown key `region`',
    );
  });
});
