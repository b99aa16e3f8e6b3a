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
});
