// Every channel against local stand-ins of its provider (tests/worker/providers.ts), which check the
// requests with node:crypto on their own; e-mail against a real SMTP server.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { PartialDelivery, type Channel } from '../../functions/channels/channel.ts';
import { channelsFor } from '../../functions/channels/index.ts';
import type { StoredLead } from '../../functions/rows.ts';
import worker from '../../functions/worker.ts';
import { LIMITS } from '../../src/contract/lead-fields.ts';
import { SECRETS } from './provider-checks.ts';
import { attempt } from '../../functions/deliveries/attempt.ts';
import { importKeyring, keyring, newKeyEntry, phoneHashes } from '../../functions/privacy/keyring.ts';
import { cancelByCustomer } from '../../functions/work/store.ts';
import { CUSTOMER_SMS_PER_DAY, saveLead } from '../../functions/leads/store.ts';
import { markSpam } from '../../functions/work/store.ts';
import type { Delivery } from '../../functions/rows.ts';
import { openRow, post, rawRow, valid } from './helpers.ts';
import type { Env } from '../../functions/env.ts';
import { read as readReply } from '../../functions/channels/smtp-read.ts';
import { deliveryTrouble } from '../../src/lib/inbox/labels.ts';

const e = env as unknown as Record<string, string>;
const at = (path: string) => `${e.PROVIDERS_URL}/${path}`;

const SETTINGS = {
  SMTP_URL: `smtp://${encodeURIComponent(SECRETS.smtp.user)}:${encodeURIComponent(SECRETS.smtp.pass)}@127.0.0.1:${e.SMTP_PORT}`,
  EMAIL_FROM: '报修 <leads@baoxiu.test>',
  EMAIL_TO: 'dispatch@baoxiu.test, boss@baoxiu.test',
  ALIYUN_ACCESS_KEY_ID: SECRETS.aliyun.id,
  ALIYUN_ACCESS_KEY_SECRET: SECRETS.aliyun.secret,
  ALIYUN_SMS_SIGN_NAME: '安家修',
  ALIYUN_SMS_TEMPLATE_CODE: 'SMS_0001',
  ALIYUN_SMS_TEMPLATE_PARAMS: '{"code":"reference","area":"region"}',
  ALIYUN_SMS_TO: '13800000000,13900000000',
  ALIYUN_SMS_ENDPOINT: at('aliyun'),
  TENCENT_SECRET_ID: SECRETS.tencent.id,
  TENCENT_SECRET_KEY: SECRETS.tencent.secret,
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: '安家修',
  TENCENT_SMS_TEMPLATE_ID: '100001',
  TENCENT_SMS_TO: '13800000000',
  TENCENT_SMS_ENDPOINT: at('tencent'),
  WECOM_WEBHOOK_URL: `${at('wecom')}?key=abc`,
  DINGTALK_WEBHOOK_URL: `${at('dingtalk')}?access_token=abc`,
  DINGTALK_SECRET: SECRETS.dingtalk,
  FEISHU_WEBHOOK_URL: at('feishu'),
  FEISHU_SECRET: SECRETS.feishu,
  WEBHOOK_URL: at('webhook'),
  WEBHOOK_SECRET: SECRETS.webhook,
  CHANNEL_TIMEOUT_MS: '1500',
};
const configured = { ...env, ...SETTINGS } as unknown as Env;
const channels = new Map(channelsFor(configured).map((c) => [c.name, c]));
const channel = (name: Channel['name']): Channel => channels.get(name)!;

const XSS = '<script>alert(1)</script>';
const lead = (over: Partial<StoredLead> = {}): StoredLead => ({
  id: crypto.randomUUID(),
  reference: `BX-261122-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
  request_id: crypto.randomUUID(),
  status: 'new',
  stage: 'new',
  appointment_at: null,
  assignee_id: null,
  name: '王先生',
  phone: '+8613812341234',
  region_code: '433101',
  region_name: '湖南省 湘西土家族苗族自治州 吉首市',
  brand: 'jianxia',
  brand_name: '坚匣',
  description: `保险柜打不开 ${XSS} **粗体** [链接](http://x)`,
  address: '乾州街道 1 号',
  preferred_time: '明天上午',
  sealed_time: 0,
  consent_at: new Date().toISOString(),
  privacy_version: 'v',
  page: null,
  created_at: new Date().toISOString(),
  key_id: null,
  phone_hash: null,
  line_hash: null,
  repeat_count: 0,
  last_repeat_at: null,
  route: 'test',
  lookup_failures: 0,
  lookup_failures_total: 0,
  lookup_failed_at: null,
  ...over,
});
const records = async (path: string) =>
  (
    (await (await fetch(at('records'))).json()) as {
      path: string;
      ok: boolean;
      why?: string;
      headers: Record<string, string>;
      query: Record<string, string>;
      body: any;
    }[]
  ).filter((r) => r.path === path);
const fault = (path: string, answers: string[]) =>
  fetch(at('faults'), { method: 'POST', body: JSON.stringify({ at: path, answers }) });

describe('channel settings', () => {
  it('lists outbox and every configured channel', () => {
    expect([...channels.keys()]).toEqual([
      'outbox',
      'email-smtp',
      'sms-aliyun',
      'sms-tencent',
      'wecom',
      'dingtalk',
      'feishu',
      'webhook',
    ]);
    expect(channelsFor(env as never).map((c) => c.name)).toEqual(['outbox']);
  });

  it('refuses SMTP to port 25, and a password over smtp:// but to this machine (no STARTTLS insisted on)', async () => {
    const smtp = (url: string) =>
      channelsFor({ ...env, SMTP_URL: url, EMAIL_TO: 'dispatch@baoxiu.test' } as never).find((c) => c.name === 'email-smtp')!;
    await expect(smtp('smtp://mail.example.com:25').send(lead(), env as never, { id: 'd' })).rejects.toThrow(
      'email-smtp is misconfigured: SMTP_URL: Workers cannot connect to port 25',
    );
    await expect(smtp('smtp://user:secret@mail.example.com:587').send(lead(), env as never, { id: 'd' })).rejects.toThrow(
      'email-smtp is misconfigured: SMTP_URL: smtp:// could send the password in clear',
    );
    // Implicit TLS with a password, and smtp:// without one, are taken (they fail here only to connect).
    for (const url of ['smtps://user:secret@127.0.0.1:9', 'smtp://127.0.0.1:9'])
      await expect(smtp(url).send(lead(), env as never, { id: 'd' })).rejects.not.toThrow(/misconfigured/);
  });

  it('keeps a half-configured channel, failing with the names of what is missing', async () => {
    const half = channelsFor({ ...env, DINGTALK_WEBHOOK_URL: at('dingtalk') } as never).find((c) => c.name === 'dingtalk')!;
    const failed = await half.send(lead(), env as never, { id: 'd' }).catch((err: Error) => err);
    expect(String(failed)).toContain('dingtalk is misconfigured: DINGTALK_SECRET is not set');
    // Staff see it as a setting to put right, not as a failure that fixes itself.
    expect(deliveryTrouble('pending', (failed as Error).message)).toBe('这个渠道的设置不全或有误，改好后会自动重发');
    expect(deliveryTrouble('pending', 'channel wecom is not configured')).toBe('这个渠道的设置不全或有误，改好后会自动重发');
    expect(deliveryTrouble('pending', 'qyapi.weixin.qq.com: timed out')).toBe('上次发送失败，稍后自动重试');
  });

  it("checks a bot's or the webhook's URL when the channel is set up, naming the setting", () => {
    const secrets = { DINGTALK_SECRET: 'SEC1', FEISHU_SECRET: 's', WEBHOOK_SECRET: 's' };
    const problem = (name: string, settings: Record<string, string>) =>
      channelsFor({ ...env, ...secrets, ...settings } as never).find((c) => c.name === name)!.problem;
    expect(problem('wecom', { WECOM_WEBHOOK_URL: 'qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1' })).toBe(
      'WECOM_WEBHOOK_URL is not a URL: "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1"',
    );
    expect(problem('wecom', { WECOM_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' })).toBe(
      "WECOM_WEBHOOK_URL has no key=… in it: copy the whole URL the group's robot settings show",
    );
    expect(problem('dingtalk', { DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send' })).toBe(
      "DINGTALK_WEBHOOK_URL has no access_token=… in it: copy the whole URL the group's robot settings show",
    );
    // The lead, with the customer's phone, never goes out in clear; http:// only to this machine (tests).
    expect(problem('webhook', { WEBHOOK_URL: 'http://crm.example.com/leads' })).toBe(
      "WEBHOOK_URL must be an https:// URL (the lead, with the customer's phone, goes to it)",
    );
    const fine = {
      WECOM_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1',
      DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=1',
      FEISHU_WEBHOOK_URL: 'https://open.feishu.cn/open-apis/bot/v2/hook/1',
      WEBHOOK_URL: 'http://127.0.0.1:9/leads',
    };
    expect(['wecom', 'dingtalk', 'feishu', 'webhook'].map((name) => problem(name, fine))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads a number typed without quotes in vars, and sends to a mobile written with spaces', async () => {
    const aliyun = channelsFor({ ...configured, ALIYUN_SMS_TO: 13700000000 } as never).find((c) => c.name === 'sms-aliyun')!;
    expect(aliyun.problem).toBeUndefined();
    const spaced = channelsFor({ ...configured, ALIYUN_SMS_TO: '+86 137 0000 0001' } as never).find(
      (c) => c.name === 'sms-aliyun',
    )!;
    await spaced.send(lead(), env as never, { id: 'delivery-aliyun-spaced' });
    const sent = (await records('aliyun')).filter((x) => x.query.OutId === 'delivery-aliyun-spaced');
    expect(sent.map((r) => [r.ok, r.query.PhoneNumbers])).toEqual([[true, '13700000001']]);
  });

  it('fails a list of recipients that names nobody, and a timeout that is not a number or too long, rather than sending to no one', async () => {
    const smtp = (over: Record<string, string>) =>
      channelsFor({ ...env, SMTP_URL: 'smtps://127.0.0.1:9', EMAIL_TO: 'dispatch@baoxiu.test', ...over } as never).find(
        (c) => c.name === 'email-smtp',
      )!;
    await expect(smtp({ EMAIL_TO: ' , ' }).send(lead(), env as never, { id: 'd' })).rejects.toThrow(
      'email-smtp is misconfigured: EMAIL_TO lists no recipient: give one or more, separated by commas',
    );
    await expect(smtp({ CHANNEL_TIMEOUT_MS: '10s' }).send(lead(), env as never, { id: 'd' })).rejects.toThrow(
      'email-smtp is misconfigured: CHANNEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to 15000, not "10s"',
    );
    // Longer, an SMTP attempt could outlast its hold on the delivery (CLAIM_SECONDS); an HTTP
    // channel's one request may take longer.
    await expect(smtp({ CHANNEL_TIMEOUT_MS: '60000' }).send(lead(), env as never, { id: 'd' })).rejects.toThrow(
      'CHANNEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to 15000, not "60000"',
    );
    const wecom = channelsFor({ ...configured, CHANNEL_TIMEOUT_MS: '60000' } as never).find((c) => c.name === 'wecom')!;
    await expect(wecom.send(lead(), env as never, { id: 'd' })).resolves.toBeUndefined();
    const binding = channelsFor({ ...env, EMAIL_BINDING_FROM: 'a@baoxiu.test', EMAIL_BINDING_TO: ',' } as never).find(
      (c) => c.name === 'email-binding',
    )!;
    await expect(binding.send(lead(), env as never, { id: 'd' })).rejects.toThrow('EMAIL_BINDING_TO lists no recipient');
  });
});

describe('each channel against its provider', () => {
  it('SMTP: both parts, encoded Chinese subject, escaped HTML, every recipient', async () => {
    const l = lead();
    await channel('email-smtp').send(l, env as never, { id: 'delivery-smtp' });
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    const mail = mails.find((m) => m.subject?.includes(l.reference));
    expect(mail.subject).toBe(`[报修] 新报修 ${l.reference} · 湖南省 湘西土家族苗族自治州 吉首市 · 坚匣`);
    expect(mail.headers.subject).toMatch(/=\?UTF-8\?[QB]\?/i); // RFC 2047 on the wire
    // Folded into encoded words of whole characters, each line under 76 (RFC 2047 §2).
    const lines = (mail.headers.subject as string).split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    // One message a recipient.
    expect(mails.filter((m) => m.subject?.includes(l.reference)).map((m) => m.to.text)).toEqual([
      'dispatch@baoxiu.test',
      'boss@baoxiu.test',
    ]);
    expect(mail.text).toContain('电话：13812341234');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain(XSS);
    expect(mail.headers['x-baoxiu-delivery']).toContain('delivery-smtp');
  });

  it('SMTP: from the signed-in address unless EMAIL_FROM says otherwise (QQ, 163 refuse another sender)', async () => {
    const { EMAIL_FROM: _, ...settings } = SETTINGS;
    const smtp = channelsFor({ ...env, ...settings } as never).find((c) => c.name === 'email-smtp')!;
    const l = lead();
    await smtp.send(l, env as never, { id: 'delivery-smtp-sender' });
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    expect(mails.find((m) => m.subject?.includes(l.reference)).from).toBe('mailer@baoxiu.test');
    // A % not written %25 is said when the channel is set up, not as "URI malformed" at each send.
    // Each part on its own: joined, a%2 and 0b would read as a%20b.
    for (const url of ['smtps://mailer:50%off@127.0.0.1:9', 'smtps://a%2:0b@127.0.0.1:9']) {
      const odd = channelsFor({ ...env, ...settings, SMTP_URL: url } as never);
      expect(odd.find((c) => c.name === 'email-smtp')!.problem).toBe(
        'SMTP_URL: a % in the user name or password must be written %25 (percent-encoded)',
      );
    }
  });

  it('Aliyun SMS: V3 signature, template parameters, several recipients (a request each), OutId', async () => {
    const l = lead();
    await channel('sms-aliyun').send(l, env as never, { id: 'delivery-aliyun' });
    const sent = (await records('aliyun')).filter((x) => x.query.OutId === 'delivery-aliyun');
    expect(sent.map((r) => r.query.PhoneNumbers)).toEqual(['13800000000', '13900000000']);
    for (const r of sent) {
      expect(r).toMatchObject({ ok: true, query: { SignName: '安家修', TemplateCode: 'SMS_0001' } });
      expect(JSON.parse(r.query.TemplateParam)).toEqual({ code: l.reference, area: '吉首市' });
    }
  });

  it('Aliyun SMS: a number Aliyun refuses holds back no other; the retry goes to it alone', async () => {
    await fault('aliyun', ['business-error']); // the first number's request
    const partly = await channel('sms-aliyun')
      .send(lead(), env as never, { id: 'delivery-aliyun-partly' })
      .catch((e: unknown) => e);
    expect(partly).toBeInstanceOf(PartialDelivery);
    expect((partly as PartialDelivery).remaining).toEqual(['13800000000']);
    expect((partly as Error).message).toMatch(/^sms-aliyun: 13800000000: SignatureDoesNotMatch/);
    const sent = (await records('aliyun')).filter((x) => x.query.OutId === 'delivery-aliyun-partly');
    expect(sent.map((r) => r.query.PhoneNumbers)).toEqual(['13800000000', '13900000000']);
    await channel('sms-aliyun').send(lead(), env as never, { id: 'delivery-aliyun-retry', to: ['13800000000'] });
    expect(
      (await records('aliyun')).filter((x) => x.query.OutId === 'delivery-aliyun-retry').map((r) => r.query.PhoneNumbers),
    ).toEqual(['13800000000']);
  });

  it('Tencent SMS: TC3 signature, SessionContext, E.164 numbers', async () => {
    // Numbers as settings may write them: each sent as E.164.
    await channel('sms-tencent').send(lead(), env as never, {
      id: 'delivery-tencent',
      to: ['13700000000', '8613700000001', '0086 137 0000 0002'],
    });
    const [r] = (await records('tencent')).filter((x) => x.body.SessionContext === 'delivery-tencent');
    expect(r).toMatchObject({
      ok: true,
      body: {
        PhoneNumberSet: ['+8613700000000', '+8613700000001', '+8613700000002'],
        SmsSdkAppId: '1400000000',
        TemplateId: '100001',
      },
    });
    // By default the county alone: a new account's variable takes 6 characters, which a phone
    // number (11) and a reference (16) are over.
    expect(r.body.TemplateParamSet).toEqual(['吉首市']);
  });

  it("Tencent SMS: variables cut at the account's limit, a phone number or reference never", async () => {
    const tencent = (settings: Record<string, string>) =>
      channelsFor({ ...configured, ...settings } as never).find((c) => c.name === 'sms-tencent')!;
    const sent = async (settings: Record<string, string>, l = lead()) => {
      const id = crypto.randomUUID();
      await tencent(settings).send(l, env as never, { id });
      return (await records('tencent')).find((x) => x.body.SessionContext === id)!.body.TemplateParamSet;
    };
    const l = lead({ region_name: '甘肃省 临夏回族自治州 积石山保安族东乡族撒拉族自治县' });
    expect(await sent({ TENCENT_SMS_TEMPLATE_PARAMS: 'region,brand' }, l)).toEqual(['积石山保安族', '坚匣']);
    expect(await sent({ TENCENT_SMS_VARIABLE_MAX: '' }, l)).toEqual(['积石山保安族']); // empty: the default
    // A phone number does not fit a new account's 6 characters: refused, not cut into a wrong number.
    await expect(tencent({ TENCENT_SMS_TEMPLATE_PARAMS: 'region,phone' }).send(l, env as never, { id: 'p' })).rejects.toThrow(
      'sms-tencent is misconfigured: TENCENT_SMS_TEMPLATE_PARAMS: phone has up to 12 characters, more than a variable takes (TENCENT_SMS_VARIABLE_MAX, 6 unless set)',
    );
    // An account whose console allows 12 (older personal accounts) or 20.
    expect(await sent({ TENCENT_SMS_TEMPLATE_PARAMS: 'region,phone', TENCENT_SMS_VARIABLE_MAX: '12' }, l)).toEqual([
      '积石山保安族东乡族撒拉族',
      '13812341234',
    ]);
    await expect(
      tencent({ TENCENT_SMS_TEMPLATE_PARAMS: 'reference', TENCENT_SMS_VARIABLE_MAX: '12' }).send(l, env as never, { id: 'r' }),
    ).rejects.toThrow('reference has up to 16 characters');
    expect(await sent({ TENCENT_SMS_TEMPLATE_PARAMS: 'reference', TENCENT_SMS_VARIABLE_MAX: '20' }, l)).toEqual([l.reference]);
    for (const bad of ['5', '6.5', 'twelve'])
      await expect(tencent({ TENCENT_SMS_VARIABLE_MAX: bad }).send(l, env as never, { id: 'b' })).rejects.toThrow(
        'TENCENT_SMS_VARIABLE_MAX must be a whole number of characters, 6 or more',
      );
    // A county nobody covers: its name, without the note the lead carries (南山区（暂未 in 6).
    expect(await sent({}, lead({ region_name: '广东省 深圳市 南山区（暂未覆盖）' }))).toEqual(['南山区']);
  });

  it("names the setting of an Aliyun template's parameters that are not JSON, and keeps the customer's text to fields no one types", () => {
    const problem = (settings: Record<string, string>, name: string) =>
      channelsFor({ ...configured, ...settings } as never).find((c) => c.name === name)!.problem;
    expect(problem({ ALIYUN_SMS_TEMPLATE_PARAMS: '{code:reference}' }, 'sms-aliyun')).toBe(
      'ALIYUN_SMS_TEMPLATE_PARAMS must be JSON like {"code":"reference","region":"region"} (quoted names and values), not {code:reference}',
    );
    expect(problem({ ALIYUN_SMS_TEMPLATE_PARAMS: '{"code":1}' }, 'sms-aliyun')).toBe(
      'ALIYUN_SMS_TEMPLATE_PARAMS must be JSON like {"code":"reference","region":"region"}: each value a field\'s name in quotes, not {"code":1}',
    );
    const customer = { CUSTOMER_SMS_PROVIDER: 'aliyun', CUSTOMER_SMS_TEMPLATE: 'SMS_0002' };
    expect(problem({ ...customer, CUSTOMER_SMS_TEMPLATE_PARAMS: '{"code":"refrence"}' }, 'sms-customer')).toBe(
      'CUSTOMER_SMS_TEMPLATE_PARAMS: no field "refrence"; the fields are reference, region, brand',
    );
    // What a customer typed (a name, a description) would let anyone text their words to another's phone.
    expect(
      problem({ ...customer, CUSTOMER_SMS_TEMPLATE_PARAMS: '{"code":"reference","text":"description"}' }, 'sms-customer'),
    ).toBe('CUSTOMER_SMS_TEMPLATE_PARAMS: no field "description"; the fields are reference, region, brand');
    expect(
      problem(
        { CUSTOMER_SMS_PROVIDER: 'tencent', CUSTOMER_SMS_TEMPLATE: '100002', CUSTOMER_SMS_TEMPLATE_PARAMS: 'name' },
        'sms-customer',
      ),
    ).toBe('CUSTOMER_SMS_TEMPLATE_PARAMS: no field "name"; the fields are reference, region, brand');
    expect(
      problem({ ...customer, CUSTOMER_SMS_TEMPLATE_PARAMS: '{"code":"reference","area":"region"}' }, 'sms-customer'),
    ).toBeUndefined();
  });

  it('fails an SMS channel whose numbers name nobody, or whose template names a field no lead has', async () => {
    const channel = (name: string, settings: Record<string, string>) =>
      channelsFor({ ...configured, ...settings } as never).find((c) => c.name === name)!;
    await expect(channel('sms-aliyun', { ALIYUN_SMS_TO: ',' }).send(lead(), env as never, { id: 'a' })).rejects.toThrow(
      'sms-aliyun is misconfigured: ALIYUN_SMS_TO lists no recipient',
    );
    await expect(channel('sms-tencent', { TENCENT_SMS_TO: ' ' }).send(lead(), env as never, { id: 't' })).rejects.toThrow(
      'sms-tencent is misconfigured: TENCENT_SMS_TO lists no recipient',
    );
    await expect(
      channel('sms-aliyun', { ALIYUN_SMS_TEMPLATE_PARAMS: '{"code":"referense"}' }).send(lead(), env as never, { id: 'a' }),
    ).rejects.toThrow(
      'ALIYUN_SMS_TEMPLATE_PARAMS: no field "referense"; the fields are reference, region, brand, name, phone, description',
    );
    await expect(
      channel('sms-tencent', { TENCENT_SMS_TEMPLATE_PARAMS: 'regoin' }).send(lead(), env as never, { id: 't' }),
    ).rejects.toThrow('sms-tencent is misconfigured: TENCENT_SMS_TEMPLATE_PARAMS: no field "regoin"');
    // The customer's confirmation still goes to the lead's own phone, with no numbers of its own.
    const customer = channelsFor({
      ...configured,
      CUSTOMER_SMS_PROVIDER: 'aliyun',
      CUSTOMER_SMS_TEMPLATE: 'SMS_0002',
    } as never).find((c) => c.name === 'sms-customer')!;
    expect(customer.problem).toBeUndefined();
  });

  it('WeCom, DingTalk (signed) and Feishu (signed), with customer text escaped', async () => {
    const l = lead();
    for (const name of ['wecom', 'dingtalk', 'feishu'] as const) await channel(name).send(l, env as never, { id: `d-${name}` });
    const [w] = (await records('wecom')).filter((x) => x.body.markdown.content.includes(l.reference));
    expect(w.body.msgtype).toBe('markdown');
    expect(w.body.markdown.content).toContain('＜script＞alert\\(1\\)＜/script＞');
    expect(w.body.markdown.content).not.toMatch(/<script>/);
    expect(w.body.markdown.content).toContain('\\*\\*粗体\\*\\*');
    expect(w.ok).toBe(true);
    // A line break of any kind (a plain form post sends CRLF) cannot start a heading or a quote.
    const broken = lead({ description: '打不开\r### 加急\r\n> **电话**：110\n完' });
    await channel('wecom').send(broken, env as never, { id: 'd-wecom-lines' });
    const [b] = (await records('wecom')).filter((x) => x.body.markdown.content.includes(broken.reference));
    const line = b.body.markdown.content.split(/\r\n?|\n/).find((l: string) => l.includes('打不开'));
    expect(line).toMatch(/^> \*\*.+\*\*：打不开 ### 加急 ＞ \\\*\\\*电话\\\*\\\*：110 完$/);
    const [d] = (await records('dingtalk')).filter((x) => x.body.markdown.text.includes(l.reference));
    expect(d.ok).toBe(true);
    expect(d.query.access_token).toBe('abc');
    const [f] = (await records('feishu')).filter((x) => x.body.content.text.includes(l.reference));
    expect(f.ok).toBe(true);
    // Feishu's text message acts on <at user_id="all"> (the whole group called) and makes links of
    // bare addresses: neither from a customer, in any chat.
    const calling = lead({
      description: '<at user_id="all">所有人</at> 点 http://evil.example/x 或 www.evil.example 或 pay-evil.cn/x，3.5 米',
    });
    for (const name of ['wecom', 'feishu'] as const) await channel(name).send(calling, env as never, { id: `d-${name}-at` });
    const [fa] = (await records('feishu')).filter((x) => x.body.content.text.includes(calling.reference));
    expect(fa.body.content.text).toContain(
      '＜at user_id="all"＞所有人＜/at＞ 点 http：//evil．example/x 或 www．evil．example 或 pay-evil．cn/x，3.5 米',
    );
    const [wa] = (await records('wecom')).filter((x) => x.body.markdown.content.includes(calling.reference));
    expect(wa.body.markdown.content).not.toMatch(/http:\/\/|www\.evil|evil\.cn/);
  });

  it("fits WeCom's 4,096 bytes with every field of the lead at its longest", async () => {
    // Three bytes a character in UTF-8, the most a field's character takes (markdown escapes: two).
    const longest = (n: number) => '保'.repeat(n);
    const l = lead({
      name: longest(LIMITS.name),
      description: longest(LIMITS.description),
      address: longest(LIMITS.address),
      preferred_time: longest(LIMITS.preferredTime),
      brand_name: longest(40),
    });
    await channel('wecom').send(l, env as never, { id: 'd-wecom-longest' });
    const [w] = (await records('wecom')).filter((x) => x.body.markdown.content.includes(l.reference));
    expect(w).toMatchObject({ ok: true });
    expect(new TextEncoder().encode(w.body.markdown.content).length).toBeLessThanOrEqual(4096);
  });

  it('webhook: JSON of the lead, timestamp and signature headers the receiver can check', async () => {
    const l = lead();
    await channel('webhook').send(l, env as never, { id: 'delivery-webhook' });
    const [r] = (await records('webhook')).filter((x) => x.body.lead?.reference === l.reference);
    expect(r.ok).toBe(true);
    expect(r.body).toMatchObject({
      event: 'lead.created',
      delivery: 'delivery-webhook',
      lead: { phone: '+8613812341234', region: { code: '433101' } },
    });
    expect(r.headers['x-baoxiu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('a wrong secret is caught by the provider and fails the send', async () => {
    const wrong = channelsFor({ ...configured, DINGTALK_SECRET: 'SECwrong', ALIYUN_ACCESS_KEY_SECRET: 'wrong' } as never);
    await expect(wrong.find((c) => c.name === 'dingtalk')!.send(lead(), env as never, { id: 'x' })).rejects.toThrow(
      /dingtalk: errcode 310000 sign mismatch/,
    );
    await expect(wrong.find((c) => c.name === 'sms-aliyun')!.send(lead(), env as never, { id: 'x' })).rejects.toThrow(
      /SignatureDoesNotMatch/,
    );
  });
});

describe('the link to the lead in the inbox', () => {
  /** A pending delivery in D1 (an attempt claims it there): the lead's own, or a new one. */
  const pending = async (id: string, leadId: string, channel: string) =>
    (await env.DB.prepare(
      `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at, due_at)
       VALUES (?1, ?2, ?3, 'pending', 0, ?4, ?4, ?4)
       ON CONFLICT (lead_id, channel, kind) DO UPDATE SET status = 'pending', claimed_until = NULL RETURNING *`,
    )
      .bind(id, leadId, channel, new Date().toISOString())
      .first<Delivery>())!;

  it('every channel but SMS carries it, at the site address of /catalog.json, through a real attempt', async () => {
    const posted = (await (await post(valid())).json()) as { id: string };
    const row = (await rawRow(posted.id))!;
    const link = `https://baoxiu.example.com/admin/leads/${row.id}/`;
    for (const name of ['email-smtp', 'wecom', 'dingtalk', 'feishu', 'webhook']) {
      const delivery = await pending(`link-${name}-${row.id}`, row.id, name);
      expect(await attempt(env as never, delivery, row, channels), name).toBe('sent');
    }
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    const mail = mails.find((m) => m.subject?.includes(row.reference));
    // Tagged with the operator's name (the site's), not a second word for a lead.
    expect(mail.subject).toMatch(/^\[安家修（示例）\] 新报修 BX-/);
    expect(mail.text).toContain(`在收件箱处理：${link}`);
    expect(mail.html).toContain(`<a href="${link}">在收件箱处理</a>`);
    const mine = (kind: string, text: (x: any) => string) =>
      records(kind).then((rs) => rs.find((x) => text(x)?.includes(row.reference)));
    expect((await mine('wecom', (x) => x.body.markdown.content))!.body.markdown.content).toContain(`[在收件箱处理](${link})`);
    expect((await mine('dingtalk', (x) => x.body.markdown.text))!.body.markdown.text).toContain(`[在收件箱处理](${link})`);
    expect((await mine('feishu', (x) => x.body.content.text))!.body.content.text).toContain(`在收件箱处理：${link}`);
    expect((await mine('webhook', (x) => x.body.lead?.reference))!.body.inboxUrl).toBe(link);
  });

  it("is at SITE_URL when set (a staging Worker, npm start), at /catalog.json's address when that is no address", async () => {
    const posted = (await (await post(valid())).json()) as { id: string };
    const row = (await rawRow(posted.id))!;
    const linkWith = async (SITE_URL: string) => {
      const delivery = await pending(`site-${row.id}`, row.id, 'webhook');
      expect(await attempt({ ...env, SITE_URL } as never, delivery, row, channels)).toBe('sent');
      const sent = (await records('webhook')).filter((x) => x.body.lead?.reference === row.reference);
      return sent.at(-1)!.body.inboxUrl;
    };
    expect(await linkWith('http://127.0.0.1:8787')).toBe(`http://127.0.0.1:8787/admin/leads/${row.id}/`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Without its scheme: not an address (localhost:8787 even parses, `localhost:` read as a scheme).
    for (const bad of ['127.0.0.1:8787', 'localhost:8787', 'staging.example.com:8443'])
      expect(await linkWith(bad), bad).toBe(`https://baoxiu.example.com/admin/leads/${row.id}/`);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/SITE_URL is not an http\(s\) address \(localhost:8787\)/));
    warn.mockRestore();
  });

  it("begins no attempt the consumer's run might stop midway: the delivery is left as it was, for the next run", async () => {
    const posted = (await (await post(valid())).json()) as { id: string };
    const row = (await rawRow(posted.id))!;
    const delivery = await pending(`late-${row.id}`, row.id, 'email-smtp');
    // Four minutes left of the run: less than an attempt's hold (5 minutes).
    expect(await attempt(env as never, delivery, row, channels, Date.now() + 240_000)).toBe('late');
    const after = await env.DB.prepare('SELECT * FROM deliveries WHERE id = ?').bind(delivery.id).first<Delivery>();
    expect(after).toMatchObject({ status: 'pending', attempts: 0, claimed_until: null, last_error: null });
    // Six minutes left: begun, and sent.
    expect(await attempt(env as never, delivery, row, channels, Date.now() + 360_000)).toBe('sent');
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    // Once, to each of EMAIL_TO's two addresses.
    expect(mails.filter((m) => m.subject?.includes(row.reference)).map((m) => m.to.text)).toEqual([
      'dispatch@baoxiu.test',
      'boss@baoxiu.test',
    ]);
  });
});

describe('email through the send_email binding', () => {
  it('is a problem at once without the binding', () => {
    const { SEND_EMAIL: _, ...without } = env as unknown as Record<string, unknown>;
    const binding = channelsFor({
      ...without,
      EMAIL_BINDING_FROM: 'leads@baoxiu.test',
      EMAIL_BINDING_TO: 'dispatch@baoxiu.test',
    } as never);
    expect(binding.find((c) => c.name === 'email-binding')!.problem).toBe(
      'no send_email binding named SEND_EMAIL: add one to wrangler.jsonc ("send_email": [{ "name": "SEND_EMAIL" }])',
    );
  });

  it('sends a MIME message the binding accepts, and fails for an address it does not allow', async () => {
    const binding = channelsFor({
      ...env,
      // A name in the header; the envelope is the bare address (the binding refuses a mismatch).
      EMAIL_BINDING_FROM: '报修派单 <leads@baoxiu.test>',
      EMAIL_BINDING_TO: 'dispatch@baoxiu.test',
    } as never).find((c) => c.name === 'email-binding')!;
    await binding.send(lead(), env as never, { id: 'delivery-binding' });
    await expect(binding.send(lead(), env as never, { id: 'x', to: ['someone@else.test'] })).rejects.toThrow();
    // One address of two refused: the retry is for that one only (the other has its lead).
    const partly = await binding.send(lead(), env as never, { id: 'y', to: ['dispatch@baoxiu.test', 'someone@else.test'] }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(partly).toBeInstanceOf(PartialDelivery);
    expect((partly as PartialDelivery).remaining).toEqual(['someone@else.test']);
  });
});

describe('SMTP with a mailbox the server refuses', () => {
  it('mails the others, and the retry is for that one only', async () => {
    const l = lead();
    const partly = await channel('email-smtp')
      .send(l, env as never, { id: 'z', to: ['dispatch@baoxiu.test', 'nobody@baoxiu.test', 'boss@baoxiu.test'] })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(partly).toBeInstanceOf(PartialDelivery);
    expect((partly as PartialDelivery).remaining).toEqual(['nobody@baoxiu.test']);
    expect((partly as Error).message).toMatch(/nobody@baoxiu\.test: .*550/);
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    expect(mails.filter((m) => m.subject?.includes(l.reference)).map((m) => m.to.text)).toEqual([
      'dispatch@baoxiu.test',
      'boss@baoxiu.test',
    ]);
  });
});

describe('SMTP with a server that closes the connection mid-send (a 421)', () => {
  it('fails at once for that mailbox and those after it, mailing the first; the retry is for those', async () => {
    const l = lead();
    const started = Date.now();
    const partly = await channel('email-smtp')
      .send(l, env as never, { id: 'g', to: ['dispatch@baoxiu.test', 'gone@baoxiu.test', 'boss@baoxiu.test'] })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(Date.now() - started).toBeLessThan(5_000); // it spun forever before (worker-mailer 1.2.1)
    expect(partly).toBeInstanceOf(PartialDelivery);
    expect((partly as PartialDelivery).remaining).toEqual(['gone@baoxiu.test', 'boss@baoxiu.test']);
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    expect(mails.filter((m) => m.subject?.includes(l.reference)).map((m) => m.to.text)).toEqual(['dispatch@baoxiu.test']);
  }, 20_000);
});

describe("reading an SMTP server's reply", () => {
  const replyOf = (...chunks: Uint8Array[]) =>
    readReply.call({
      reader: new ReadableStream<Uint8Array>({
        start(c) {
          for (const b of chunks) c.enqueue(b);
          c.close();
        },
      }).getReader(),
    });

  it('keeps a Chinese reply whole when a read ends inside a character, over a continued reply', async () => {
    const bytes = new TextEncoder().encode('550-邮箱不存在\r\n550 请核对收件人\r\n');
    // Cut inside 邮 (three bytes in UTF-8) and inside 核.
    const cut1 = 5;
    const cut2 = bytes.indexOf(0xe6, 20) + 2;
    expect(await replyOf(bytes.slice(0, cut1), bytes.slice(cut1, cut2), bytes.slice(cut2))).toBe(
      '550-邮箱不存在\r\n550 请核对收件人\r\n',
    );
  });

  it('fails at the end of the stream instead of waiting for the rest of a reply', async () => {
    await expect(replyOf(new TextEncoder().encode('250-first\r\n'))).rejects.toThrow('the SMTP server closed the connection');
  });
});

describe("SMTP near the end of the attempt's hold on the delivery", () => {
  it('starts no recipient it might not finish in time; the retry is for those', async () => {
    const l = lead();
    // This channel waits up to 5 s a reply, 30 s a recipient: the first starts (2 s to spare for
    // connecting), the slow server takes 3 s over it, and by then no other may start.
    const patient = channelsFor({ ...configured, CHANNEL_TIMEOUT_MS: '5000' } as never).find((c) => c.name === 'email-smtp')!;
    const until = Date.now() + 30_000 + 2_000;
    const partly = await patient
      .send(l, env as never, { id: 's', to: ['slow@baoxiu.test', 'dispatch@baoxiu.test', 'boss@baoxiu.test'], until })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(partly).toBeInstanceOf(PartialDelivery);
    expect((partly as PartialDelivery).remaining).toEqual(['dispatch@baoxiu.test', 'boss@baoxiu.test']);
    expect((partly as Error).message).toContain("dispatch@baoxiu.test: not tried, the attempt's time was up");
    const mails = (await (await fetch(e.MAILS_URL)).json()) as any[];
    expect(mails.filter((m) => m.subject?.includes(l.reference)).map((m) => m.to.text)).toEqual(['slow@baoxiu.test']);
  }, 20_000);
});

describe('provider faults fail the attempt', () => {
  it('on HTTP 500, a business error code, a timeout and a refused connection', async () => {
    await fault('wecom', ['500']);
    await expect(channel('wecom').send(lead(), env as never, { id: 'x' })).rejects.toThrow(/HTTP 500/);
    await fault('tencent', ['business-error']);
    await expect(channel('sms-tencent').send(lead(), env as never, { id: 'x' })).rejects.toThrow(/sms-tencent: AuthFailure/);
    await fault('feishu', ['hang']);
    await expect(channel('feishu').send(lead(), env as never, { id: 'x' })).rejects.toThrow(/timed out/);
    const refused = channelsFor({ ...configured, WEBHOOK_URL: 'http://127.0.0.1:9/webhook' } as never).find(
      (c) => c.name === 'webhook',
    )!;
    await expect(refused.send(lead(), env as never, { id: 'x' })).rejects.toThrow(/webhook/);
  });

  it('on a redirect, which would turn the POST into a GET without the lead', async () => {
    await fault('webhook', ['redirect']);
    await expect(channel('webhook').send(lead(), env as never, { id: 'x' })).rejects.toThrow(/HTTP 301 redirected to \/moved/);
    await fault('wecom', ['redirect']);
    await expect(channel('wecom').send(lead(), env as never, { id: 'x' })).rejects.toThrow(/HTTP 301 redirected to \/moved/);
  });
});

describe('delivery that loses nothing', () => {
  async function storedLead(channel: string, description = '门锁坏了', preferredTime: string | null = null) {
    const leadId = crypto.randomUUID();
    const deliveryId = crypto.randomUUID();
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, preferred_time, consent_at, privacy_version, created_at, route)
         VALUES (?, ?, ?, 'new', '赵先生', '+8613812341234', '433101', '湖南省 湘西土家族苗族自治州 吉首市', ?, ?, ?, 'v', ?, 'test')`,
      ).bind(leadId, `BX-F-${leadId.slice(0, 6)}`, leadId, description, preferredTime, now, now),
      env.DB.prepare(
        `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at, due_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
      ).bind(deliveryId, leadId, channel, now, now, now),
    ]);
    return deliveryId;
  }
  async function attempt(deliveryId: string, attempts: number) {
    const batch = createMessageBatch('baoxiu-deliveries', [
      { id: crypto.randomUUID(), timestamp: new Date(), attempts, body: { deliveryId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, configured);
    return getQueueResult(batch, ctx);
  }
  const row = (id: string) =>
    env.DB.prepare('SELECT status, attempts, last_error FROM deliveries WHERE id = ?')
      .bind(id)
      .first<{ status: string; attempts: number; last_error: string | null }>();

  it('SMTP down, then back up: retried, then delivered, every attempt recorded', async () => {
    const id = await storedLead('email-smtp');
    await fetch(`${e.PROVIDERS_URL}/smtp?up=0`, { method: 'POST' });
    try {
      expect((await attempt(id, 1)).retryMessages).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/^email-smtp: /) });
    } finally {
      await fetch(`${e.PROVIDERS_URL}/smtp?up=1`, { method: 'POST' });
    }
    expect((await attempt(id, 2)).explicitAcks).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('provider 500, then healthy: delivered on the retry', async () => {
    const id = await storedLead('webhook');
    await fault('webhook', ['500']);
    await attempt(id, 1);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('HTTP 500') });
    await attempt(id, 2);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  /** One attempt: what it logged, and the error kept on the delivery. */
  async function attemptLogged(id: string) {
    const warned = vi.spyOn(console, 'warn');
    await attempt(id, 1);
    const logged = warned.mock.calls.flat().join('\n');
    warned.mockRestore();
    const { last_error } = (await row(id)) as { last_error: string };
    return { logged, last_error };
  }

  it("keeps and logs a receiver's error without the customer's fields it echoed", async () => {
    const id = await storedLead('webhook');
    await fault('webhook', ['echo']);
    const { logged, last_error } = await attemptLogged(id);
    expect(last_error).toMatch(/^webhook: HTTP 422 \{"error":"invalid phone","phone":"…"/);
    for (const text of [last_error, logged])
      for (const personal of ['赵先生', '13812341234', '门锁坏了']) expect(text).not.toContain(personal);
  });

  it('takes the echo out whole: the visit time too, JSON-escaped text, and after a long reply of its own', async () => {
    // A phone number in the visit time, a quote and a line break in the description (JSON writes \" and \n).
    const id = await storedLead('webhook', '门锁"坏了"\n请快来，小区东门', '下午6点后打我爱人 13912345678');
    await fault('webhook', ['echo-padded']);
    const { logged, last_error } = await attemptLogged(id);
    expect(last_error).toContain('"description":"…"');
    for (const text of [last_error, logged])
      for (const personal of ['13912345678', '打我爱人', '坏了', '小区东门', '赵先生']) expect(text).not.toContain(personal);
  });

  it('Tencent reaches one number of two: the retry goes to the other only', async () => {
    const id = await storedLead('sms-tencent');
    await env.DB.prepare('UPDATE deliveries SET recipients = ? WHERE id = ?').bind('["13700000001","13700000002"]', id).run();
    await fault('tencent', ['partial']);
    expect((await attempt(id, 1)).retryMessages).toHaveLength(1);
    const after = await env.DB.prepare('SELECT status, recipients, remaining, last_error FROM deliveries WHERE id = ?')
      .bind(id)
      .first<Record<string, string>>();
    expect(after).toMatchObject({
      status: 'pending',
      recipients: '["13700000001","13700000002"]', // the route's list, kept
      remaining: '["13700000002"]',
      last_error: expect.stringContaining('+8613700000002 LimitExceeded'),
    });
    expect((await attempt(id, 2)).explicitAcks).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    const sent = (await records('tencent')).filter((r) => r.body.SessionContext === id).map((r) => r.body.PhoneNumberSet);
    expect(sent).toEqual([['+8613700000001', '+8613700000002'], ['+8613700000002']]);
  });

  it('Tencent answers for one number of two: the other is not counted sent, and the retry goes to it', async () => {
    const id = await storedLead('sms-tencent');
    await env.DB.prepare('UPDATE deliveries SET recipients = ? WHERE id = ?').bind('["13700000003","13700000004"]', id).run();
    await fault('tencent', ['short']);
    expect((await attempt(id, 1)).retryMessages).toHaveLength(1);
    const after = await env.DB.prepare('SELECT status, remaining, last_error FROM deliveries WHERE id = ?').bind(id).first();
    expect(after).toMatchObject({
      status: 'pending',
      remaining: '["13700000004"]',
      last_error: expect.stringContaining('+8613700000004 no send status'),
    });
    // Not the number Tencent did answer for, which was sent.
    expect(after!.last_error).not.toContain('+8613700000003');
  });

  it('a cancel notice goes to everyone the lead went to, not only those a partial retry was for', async () => {
    const id = await storedLead('email-binding');
    const leadId = (await env.DB.prepare('SELECT lead_id FROM deliveries WHERE id = ?').bind(id).first<{ lead_id: string }>())!
      .lead_id;
    await env.DB.prepare(
      `UPDATE deliveries SET status = 'sent', recipients = '["a@baoxiu.test","b@baoxiu.test"]', remaining = '["b@baoxiu.test"]'
       WHERE id = ?`,
    )
      .bind(id)
      .run();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const { deliveries } = await cancelByCustomer(env.DB, ring.current, leadId);
    const notice = await env.DB.prepare('SELECT recipients, remaining FROM deliveries WHERE id = ?').bind(deliveries[0]).first();
    expect(notice).toEqual({ recipients: '["a@baoxiu.test","b@baoxiu.test"]', remaining: null });
  });

  it('retries spent: the dead-letter consumer marks it failed, and it stays visible', async () => {
    const id = await storedLead('wecom');
    await fault('wecom', ['500']);
    await attempt(id, 31);
    // Its dead letter comes when the retries' day is over.
    await env.DB.prepare('UPDATE deliveries SET created_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 24.1 * 3600_000).toISOString(), id)
      .run();
    const batch = createMessageBatch('baoxiu-deliveries-dlq', [
      { id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: { deliveryId: id } },
    ]);
    await worker.queue(batch, configured);
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: expect.stringContaining('HTTP 500') });
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM leads l JOIN deliveries d ON d.lead_id = l.id WHERE d.id = ?')
        .bind(id)
        .first())!.n,
    ).toBe(1);
  });
});

describe("the customer's confirmation SMS", () => {
  const customer = (provider: 'aliyun' | 'tencent') =>
    ({
      ...env,
      ...(provider === 'aliyun'
        ? {
            ALIYUN_ACCESS_KEY_ID: SECRETS.aliyun.id,
            ALIYUN_ACCESS_KEY_SECRET: SECRETS.aliyun.secret,
            ALIYUN_SMS_SIGN_NAME: '安家修',
            ALIYUN_SMS_ENDPOINT: at('aliyun'),
            CUSTOMER_SMS_TEMPLATE: 'SMS_CUSTOMER',
            CUSTOMER_SMS_TEMPLATE_PARAMS: '{"code":"reference","area":"region"}',
          }
        : {
            TENCENT_SECRET_ID: SECRETS.tencent.id,
            TENCENT_SECRET_KEY: SECRETS.tencent.secret,
            TENCENT_SMS_SDK_APP_ID: '1400000000',
            TENCENT_SMS_SIGN_NAME: '安家修',
            TENCENT_SMS_ENDPOINT: at('tencent'),
            CUSTOMER_SMS_TEMPLATE: '200002',
          }),
      CUSTOMER_SMS_PROVIDER: provider,
    }) as unknown as Env;

  const customerSms = async (leadId: string) =>
    (await env.DB.prepare(`SELECT id FROM deliveries WHERE lead_id = ? AND channel = 'sms-customer'`).bind(leadId).all()).results
      .length;
  const sms = async (e: Env, body: Record<string, unknown>) => {
    const res = await worker.fetch(
      new Request('http://baoxiu.test/api/leads', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'cf-connecting-ip': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        },
        body: JSON.stringify(body),
      }),
      e,
      createExecutionContext(),
    );
    const { id } = (await res.json()) as { id: string }; // undefined for a merged post
    return { id, count: id ? await customerSms(id) : 0 };
  };

  it('is one delivery per new lead from a mobile: none for a landline, spam, a merged repeat or a repeated requestId', async () => {
    const e = customer('aliyun');
    // The shared credentials alone do not list the operator's Aliyun channel.
    expect(channelsFor(e).map((c) => c.name)).toEqual(['outbox', 'sms-customer']);
    const first = { ...valid(), requestId: crypto.randomUUID() };
    expect((await sms(e, first)).count).toBe(1);
    const again = await sms(e, first); // the same requestId
    const merged = await sms(e, { ...first, requestId: crypto.randomUUID(), description: '补充：是密码锁' });
    expect(merged.id).toBeUndefined(); // merged into the first: no second message to the customer
    expect([again.count, await customerSms(again.id)]).toEqual([1, 1]);
    expect(
      (await sms(e, { ...valid(), phone: `0743-852${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}` })).count,
    ).toBe(0);
    expect((await sms(e, { ...valid(), website: 'http://spam.example' })).count).toBe(0);
    expect((await sms(env as unknown as Env, valid())).count).toBe(0); // not configured
  });

  it(`is sent to one phone at most ${CUSTOMER_SMS_PER_DAY} times in 24 hours; the leads past that are stored all the same`, async () => {
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    // Half-way, a new key is put first in the ring: the texts sent under the old one still count.
    const rotated = await importKeyring(`${newKeyEntry('rotated')},${env.LEADS_ENCRYPTION_KEY}`);
    const phone = valid().phone.replace(/^1/, '+861');
    // Straight to the store: the rate limits would refuse a fourth post within the minute.
    const save = (regionCode: string, i: number) =>
      saveLead(
        env.DB,
        i < 2 ? ring : rotated,
        {
          requestId: crypto.randomUUID(),
          status: 'new',
          name: '周先生',
          phone,
          regionCode,
          regionName: regionCode,
          description: '门锁打不开',
          privacyVersion: '1',
          route: 'default',
        },
        [{ channel: 'outbox' }, { channel: 'sms-customer' }],
      );
    const regions = ['433101', '433122', '433123', '433124', '433125'];
    const saved = [];
    for (const [i, code] of regions.slice(0, CUSTOMER_SMS_PER_DAY + 1).entries()) saved.push(await save(code, i));
    expect(saved.map((r) => r.created)).toEqual(saved.map(() => true));
    expect(await Promise.all(saved.map((r) => customerSms(r.lead.id)))).toEqual([1, 1, 1, 0]);
    expect(saved.map((r) => r.deliveries.length)).toEqual([2, 2, 2, 1]); // the operator is told of every one
    // A day later, the phone may be texted again.
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    for (const r of saved)
      await env.DB.prepare('UPDATE deliveries SET created_at = ? WHERE lead_id = ?').bind(dayAgo, r.lead.id).run();
    const later = await save(regions[CUSTOMER_SMS_PER_DAY + 1], 9);
    expect(await customerSms(later.lead.id)).toBe(1);
    // Another phone was never held back.
    expect((await sms(customer('aliyun'), valid())).count).toBe(1);
    // A spam lead of that phone moved to the inbox by staff: the operator is told, the customer only
    // under the same cap. Two more texts today make three with the later one.
    saved.push(await save('433126', 11), await save('433127', 12));
    const spamLead = await saveLead(
      env.DB,
      rotated,
      {
        requestId: crypto.randomUUID(),
        status: 'spam',
        name: '周先生',
        phone,
        regionCode: '433130',
        regionName: '433130',
        description: '门锁打不开',
        privacyVersion: '1',
        route: 'default',
      },
      [{ channel: 'outbox' }, { channel: 'sms-customer' }],
    );
    saved.push(spamLead);
    expect(spamLead.deliveries).toEqual([]);
    const texted = JSON.stringify(await phoneHashes(rotated, phone));
    const routing = { route: 'default', channels: [{ channel: 'outbox' }, { channel: 'sms-customer' }] };
    const by = { id: null, name: '店长' };
    const moved = await markSpam(env.DB, rotated.current, spamLead.lead.id, by, false, routing, texted);
    expect([moved.outcome, moved.deliveries.length, await customerSms(spamLead.lead.id)]).toEqual(['done', 1, 0]);
    // A day on, back to spam and out again: now its text, once (the operator's was made before).
    for (const { lead } of [...saved, later])
      if (lead.id !== spamLead.lead.id)
        await env.DB.prepare('UPDATE deliveries SET created_at = ? WHERE lead_id = ?').bind(dayAgo, lead.id).run();
    await markSpam(env.DB, rotated.current, spamLead.lead.id, by, true, routing, texted);
    const again = await markSpam(env.DB, rotated.current, spamLead.lead.id, by, false, routing, texted);
    expect([again.deliveries.length, await customerSms(spamLead.lead.id)]).toEqual([1, 1]);
    // The rows sealed with the test's own key go: the Worker's ring cannot open them, and the other
    // files' lists of leads read every row.
    for (const { lead } of [...saved, later]) {
      await env.DB.prepare('DELETE FROM deliveries WHERE lead_id = ?').bind(lead.id).run();
      await env.DB.prepare('DELETE FROM lead_events WHERE lead_id = ?').bind(lead.id).run();
      await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(lead.id).run();
    }
  });

  it('goes to the customer through Aliyun (V3 signature checked by the stand-in) with the customer template', async () => {
    const e = customer('aliyun');
    const { id } = await sms(e, valid());
    const row = (await rawRow(id))!;
    const delivery = (await env.DB.prepare(`SELECT * FROM deliveries WHERE lead_id = ? AND channel = 'sms-customer'`)
      .bind(id)
      .first()) as Delivery;
    expect(await attempt(e, delivery, row, new Map(channelsFor(e).map((c) => [c.name, c])))).toBe('sent');
    const [r] = (await records('aliyun')).filter((x) => x.query.OutId === delivery.id);
    const lead = await openRow(id);
    expect(r).toMatchObject({
      ok: true,
      query: { PhoneNumbers: lead.phone.replace('+86', ''), SignName: '安家修', TemplateCode: 'SMS_CUSTOMER' },
    });
    expect(JSON.parse(r.query.TemplateParam)).toEqual({ code: lead.reference, area: '吉首市' });
  });

  it('goes to the customer through Tencent (TC3 signature checked) in E.164', async () => {
    const e = customer('tencent');
    const { id } = await sms(e, valid());
    const delivery = (await env.DB.prepare(`SELECT * FROM deliveries WHERE lead_id = ? AND channel = 'sms-customer'`)
      .bind(id)
      .first()) as Delivery;
    expect(await attempt(e, delivery, (await rawRow(id))!, new Map(channelsFor(e).map((c) => [c.name, c])))).toBe('sent');
    const [r] = (await records('tencent')).filter((x) => x.body.SessionContext === delivery.id);
    const lead = await openRow(id);
    expect(r).toMatchObject({
      ok: true,
      body: { PhoneNumberSet: [lead.phone], TemplateId: '200002', TemplateParamSet: [] },
    });
  });

  it('a provider without its credentials is a channel that fails, saying what is missing', async () => {
    const half = channelsFor({ ...env, CUSTOMER_SMS_PROVIDER: 'tencent', CUSTOMER_SMS_TEMPLATE: '1' } as never).find(
      (c) => c.name === 'sms-customer',
    )!;
    await expect(half.send(lead(), env as never, { id: 'x' })).rejects.toThrow(/needs TENCENT_SECRET_ID, TENCENT_SECRET_KEY/);
  });

  it("a Tencent template with the reference fails unless the account's variables take it whole", async () => {
    const withReference = (max?: string) =>
      channelsFor({
        ...customer('tencent'),
        CUSTOMER_SMS_TEMPLATE_PARAMS: 'reference',
        ...(max ? { TENCENT_SMS_VARIABLE_MAX: max } : {}),
      } as never).find((c) => c.name === 'sms-customer')!;
    await expect(withReference().send(lead(), env as never, { id: 'x' })).rejects.toThrow(
      'sms-customer is misconfigured: CUSTOMER_SMS_TEMPLATE_PARAMS: reference has up to 16 characters',
    );
    const l = lead();
    await withReference('16').send(l, env as never, { id: 'customer-reference' });
    const [r] = (await records('tencent')).filter((x) => x.body.SessionContext === 'customer-reference');
    expect(r.body.TemplateParamSet).toEqual([l.reference]);
  });
});
