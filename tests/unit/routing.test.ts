import { describe, expect, it } from 'vitest';
import type { CatalogData } from '../../src/contract/catalog.ts';
import { CatalogIndex } from '../../functions/catalog.ts';
import { ALL_CHANNELS, routeLead, unconfiguredRoutes } from '../../functions/routing.ts';

const base: CatalogData = {
  operator: 'x',
  url: 'https://example.com',
  hotline: '400-000-0000',
  hours: '',
  service: {},
  privacyVersion: 'v',
  retentionDays: 180,
  brands: { jianxia: { name: '坚匣', category: '保险柜' }, qimen: { name: '栖门', category: '智能锁' } },
  regions: {
    '430000': { name: '湖南省', level: 'province', path: '/hunan/' },
    '433100': { name: '湘西', parent: '430000', level: 'prefecture', path: '/hunan/xiangxi/' },
    '433101': { name: '吉首市', parent: '433100', level: 'county', path: '/hunan/xiangxi/jishou/' },
    '441900': { name: '东莞市', parent: '440000', level: 'prefecture', path: '/guangdong/dongguan/' },
  },
  coverage: {},
};
const configured = ['outbox', 'email-smtp'];

describe('routing', () => {
  it('sends every lead to every configured channel when there are no rules', () => {
    expect(routeLead(new CatalogIndex(base), { region: '433101' }, configured)).toEqual({
      route: ALL_CHANNELS,
      channels: [{ channel: 'outbox' }, { channel: 'email-smtp' }],
    });
    expect(routeLead(new CatalogIndex({ ...base, routing: { routes: [] } }), { region: '433101' }, configured).route).toBe(
      ALL_CHANNELS,
    );
  });

  it('sends a lead whose route has none of its channels here to every configured channel too', () => {
    const catalog = new CatalogIndex({
      ...base,
      routing: { routes: [{ name: '湘西', regions: ['433100'], channels: [{ channel: 'dingtalk' }] }] },
    });
    expect(routeLead(catalog, { region: '433101' }, configured)).toEqual({
      route: '湘西',
      channels: [{ channel: 'dingtalk' }, { channel: 'outbox' }, { channel: 'email-smtp' }],
    });
    // One of them here: the route as written.
    expect(routeLead(catalog, { region: '433101' }, ['dingtalk', 'outbox']).channels).toEqual([{ channel: 'dingtalk' }]);
    // Here but unable to send (DINGTALK_SECRET missing): as if it were not, the working ones too —
    // never the other broken ones. Without rules, every channel still gets its (failing) delivery.
    expect(routeLead(catalog, { region: '433101' }, ['dingtalk', 'outbox', 'feishu'], ['dingtalk', 'feishu']).channels).toEqual([
      { channel: 'dingtalk' },
      { channel: 'outbox' },
    ]);
    expect(routeLead(new CatalogIndex(base), { region: '433101' }, ['dingtalk', 'outbox'], ['dingtalk']).channels).toEqual([
      { channel: 'dingtalk' },
      { channel: 'outbox' },
    ]);
  });

  it('names the routes with a channel this deployment has not set up', () => {
    const catalog = new CatalogIndex({
      ...base,
      routing: {
        routes: [
          { name: '湘西', regions: ['433100'], channels: [{ channel: 'dingtalk' }, { channel: 'outbox' }] },
          { name: '东莞', regions: ['441900'], channels: [{ channel: 'email-smtp' }] },
        ],
        default: { name: '总部', channels: [{ channel: 'wecom' }, { channel: 'sms-aliyun' }] },
      },
    });
    expect(unconfiguredRoutes(catalog, configured)).toEqual([
      { route: '湘西', channels: ['dingtalk'] },
      { route: '总部', channels: ['wecom', 'sms-aliyun'] },
    ]);
    expect(unconfiguredRoutes(catalog, [...configured, 'dingtalk', 'wecom', 'sms-aliyun'])).toEqual([]);
    expect(unconfiguredRoutes(new CatalogIndex(base), configured)).toEqual([]);
  });

  it('takes the first route whose region prefix and brand match, else the default', () => {
    const catalog = new CatalogIndex({
      ...base,
      routing: {
        routes: [
          { name: '湖南智能锁', regions: ['430000'], brands: ['qimen'], channels: [{ channel: 'dingtalk' }] },
          { name: '湖南', regions: ['430000'], channels: [{ channel: 'wecom' }, { channel: 'sms-aliyun', to: ['13800000000'] }] },
        ],
        default: { name: '总部', channels: [{ channel: 'email-smtp', to: ['hq@example.com'] }] },
      },
    });
    const here = [...configured, 'wecom', 'dingtalk', 'sms-aliyun'];
    expect(routeLead(catalog, { region: '433101', brand: 'qimen' }, here).route).toBe('湖南智能锁');
    expect(routeLead(catalog, { region: '433101', brand: 'jianxia' }, here)).toEqual({
      route: '湖南',
      channels: [{ channel: 'wecom' }, { channel: 'sms-aliyun', to: ['13800000000'] }],
    });
    expect(routeLead(catalog, { region: '441900' }, here)).toEqual({
      route: '总部',
      channels: [{ channel: 'email-smtp', to: ['hq@example.com'] }],
    });
  });
});
