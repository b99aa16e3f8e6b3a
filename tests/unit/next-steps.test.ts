// What a customer is told right after sending: the callback within or outside the operator's
// hours (Beijing time), what coverage promises for the region and brand, and the hotline.
import { describe, expect, it } from 'vitest';
import { CatalogIndex } from '../../functions/catalog.ts';
import { nextSteps, seenAt } from '../../functions/leads/next-steps.ts';
import type { CatalogData } from '../../src/contract/catalog.ts';

const catalog = new CatalogIndex({
  operator: '安家修',
  url: 'https://baoxiu.example.com',
  hotline: '400-000-0000',
  hours: '每天 8:00–20:00',
  callbackHours: '08:00-20:00',
  privacyVersion: '1',
  retentionDays: 180,
  brands: { jianxia: { name: '坚匣', category: 'safe' } },
  regions: {
    '430000': { name: '湖南省', level: 'province', path: '/hunan/' },
    '433100': { name: '湘西土家族苗族自治州', parent: '430000', level: 'prefecture', path: '/hunan/xiangxi/' },
    '433101': { name: '吉首市', parent: '433100', level: 'county', path: '/hunan/xiangxi/jishou/' },
  },
  coverage: { jianxia: ['433100'] },
  service: { jianxia: { '433100': { responseTime: '市区 2 小时内上门', hours: '每天 9:00–18:00' } } },
} satisfies CatalogData);

const beijing = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);

describe('when the operator will see a lead', () => {
  it('within the hours: now; before them: today; after them: tomorrow (Beijing time, whatever the server zone)', () => {
    expect(seenAt('08:00-20:00', beijing('08:00'))).toBeNull();
    expect(seenAt('08:00-20:00', beijing('19:59'))).toBeNull();
    expect(seenAt('08:00-20:00', beijing('20:00'))).toBe('明天 8:00');
    expect(seenAt('08:00-20:00', beijing('23:30'))).toBe('明天 8:00');
    expect(seenAt('08:00-20:00', beijing('03:10'))).toBe('今天 8:00');
    expect(seenAt(undefined, beijing('03:10'))).toBeNull();
  });
});

describe('next steps', () => {
  it('in the hours, with the prefecture coverage that applies to a county below it', () => {
    expect(nextSteps(catalog, { region_code: '433101', brand: 'jianxia' }, beijing('10:00'))).toEqual([
      '客服会在服务时间（每天 8:00–20:00）内尽快给您打电话，确认上门时间。',
      '湘西土家族苗族自治州：市区 2 小时内上门，服务时间 每天 9:00–18:00。',
      '着急请直接拨打 400-000-0000，报上单号。',
    ]);
  });

  it('at 23:00, says when it will be seen; without a brand, no coverage promise', () => {
    expect(nextSteps(catalog, { region_code: '433101', brand: null }, beijing('23:00'))).toEqual([
      '现在不在服务时间（每天 8:00–20:00），客服会在明天 8:00 后尽快给您打电话，确认上门时间。',
      // Not "call now": the hotline keeps the same hours.
      '明天 8:00 后着急可直接拨打 400-000-0000，报上单号。',
    ]);
  });

  it('for a post merged into an earlier one, which is told no reference, asks for the phone number instead', () => {
    const lines = nextSteps(catalog, { region_code: '433101', brand: null }, beijing('10:00'), { merged: true });
    expect(lines.at(-1)).toBe('着急请直接拨打 400-000-0000，报上您的电话号码。');
    expect(lines.join('')).not.toContain('单号');
  });
});
