// The channels a lead can go to: `outbox` always, and each channel whose settings are present.
// A channel with only some of its settings is still listed, and every delivery through it fails
// with a message naming what is missing — visible to the operator, and the lead is not lost.
import * as z from 'zod';
import { CHANNELS, type ChannelName, type ChannelSetting } from '../../src/contract/channels.ts';
import type { Env } from '../env.ts';
import type { CatalogIndex } from '../catalog.ts';
import { unconfiguredRoutes } from '../routing.ts';
import type { Channel } from './channel.ts';
import { bindingEmail, smtpEmail, smtpPort } from './email.ts';
import { outbox } from './outbox.ts';
import { dingtalk, feishu, wecom } from './robots.ts';
import { aliyunSms, checkFields, CUSTOMER_FIELDS, tencentSms, tencentValueMax, WHOLE_FIELDS } from './sms.ts';
import { webhook } from './webhook.ts';
import { dialable, nationalPhone } from '../leads/phone-forms.ts';

type Settings = Partial<Record<ChannelSetting, string>>;
/** Hosts whose traffic never leaves the machine (a local test server). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The channel settings as text: a number typed without quotes in wrangler.jsonc's `vars`
 *  ("ALIYUN_SMS_TO": 13800000000) reaches the Worker as a number. */
function settingsOf(env: Env): Settings {
  const s: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (typeof value === 'string') s[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') s[key] = String(value);
  return s;
}

/** A bot's or the webhook's URL: https (http only to this machine, a local stand-in), and the query
 *  parameter the provider's URL always has (`key` of WeCom's, `access_token` of DingTalk's) — a typo
 *  found here names the setting, rather than failing every send with the engine's "Invalid URL". */
function hookUrl(s: Settings, name: ChannelSetting, param?: string): string {
  let url: URL;
  try {
    url = new URL(s[name]!);
  } catch {
    throw new Error(`${name} is not a URL: ${JSON.stringify(s[name])}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new Error(`${name} must be an https:// URL (the lead, with the customer's phone, goes to it)`);
  if (param && !url.searchParams.get(param))
    throw new Error(`${name} has no ${param}=… in it: copy the whole URL the group's robot settings show`);
  return url.href;
}
const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
/** A channel's recipients (e-mail addresses, the operator's phones): set to "," or spaces the list
 *  names nobody, and a delivery would count as sent to no one. */
function recipients(s: Settings, name: ChannelSetting): string[] {
  const to = list(s[name]);
  if (!to.length) throw new Error(`${name} lists no recipient: give one or more, separated by commas`);
  return to;
}
/** CHANNEL_TIMEOUT_MS, short enough for an attempt to end inside its hold on the delivery (5 min,
 *  CLAIM_SECONDS): one request of an HTTP channel; for SMTP up to 9 waits to connect and 6 for a
 *  recipient (channels/email.ts), hence its lower bound. */
function timeoutMs(s: Settings, most = 120_000): number | undefined {
  if (!s.CHANNEL_TIMEOUT_MS) return undefined;
  const ms = Number(s.CHANNEL_TIMEOUT_MS);
  if (!Number.isInteger(ms) || ms < 1 || ms > most)
    throw new Error(
      `CHANNEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${most}, not ${JSON.stringify(s.CHANNEL_TIMEOUT_MS)}`,
    );
  return ms;
}

/** Tencent's template variables: the longest value the account takes (its console shows it), and
 *  the fields in template order — none that this would cut, as a cut number is a wrong number. */
function tencentVariables(
  s: Settings,
  params: string[],
  setting: ChannelSetting = 'TENCENT_SMS_TEMPLATE_PARAMS',
  fields?: readonly string[],
): { valueMax: number; params: string[] } {
  checkFields(setting, params, fields);
  const max = s.TENCENT_SMS_VARIABLE_MAX;
  const valueMax = tencentValueMax(max);
  for (const key of params)
    if ((WHOLE_FIELDS[key] ?? 0) > valueMax)
      throw new Error(
        `${setting}: ${key} has up to ${WHOLE_FIELDS[key]} characters, more than a variable takes (TENCENT_SMS_VARIABLE_MAX, ${valueMax}${max ? '' : ' unless set'}); leave ${key} out, or set TENCENT_SMS_VARIABLE_MAX to what your console allows`,
      );
  return { valueMax, params };
}

/** An Aliyun template's variables, each a lead's field: ALIYUN_SMS_TEMPLATE_PARAMS, or
 *  CUSTOMER_SMS_TEMPLATE_PARAMS with the fields a customer's text may carry. */
function aliyunParams(
  json: string,
  setting: ChannelSetting = 'ALIYUN_SMS_TEMPLATE_PARAMS',
  fields?: readonly string[],
): Record<string, string> {
  const like = `${setting} must be JSON like {"code":"reference","region":"region"}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`${like} (quoted names and values), not ${json}`);
  }
  const params = z.record(z.string(), z.string()).safeParse(parsed);
  if (!params.success) throw new Error(`${like}: each value a field's name in quotes, not ${json}`);
  checkFields(setting, Object.values(params.data), fields);
  return params.data;
}

/** How each channel is made from its settings (which settings: src/contract/channels.ts); an SMS
 *  channel's recipients given instead for sms-customer (the lead's own phone, at each send). */
const MAKERS: Record<Exclude<ChannelName, 'outbox'>, (s: Settings, env: Env, to?: string[]) => Channel> = {
  'email-smtp': (s) => {
    const url = new URL(
      z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must look like smtps://user:pass@host:465 or smtp://…' }).parse(s.SMTP_URL),
    );
    // Cloudflare's TCP sockets: "Workers cannot create outbound connections on port 25".
    if (smtpPort(url) === 25) throw new Error('SMTP_URL: Workers cannot connect to port 25; use 465 (smtps://) or 587');
    // worker-mailer goes on to AUTH in clear when the server offers no STARTTLS (or a network in
    // between strips the offer), and has no setting to insist on it: a password goes over TLS only.
    if (url.protocol === 'smtp:' && url.username && !LOOPBACK.has(url.hostname))
      throw new Error('SMTP_URL: smtp:// could send the password in clear (no STARTTLS insisted on); use smtps:// (port 465)');
    try {
      for (const part of [url.username, url.password]) decodeURIComponent(part);
    } catch {
      throw new Error('SMTP_URL: a % in the user name or password must be written %25 (percent-encoded)');
    }
    return smtpEmail({
      url,
      from: s.EMAIL_FROM ?? senderOf(url),
      to: recipients(s, 'EMAIL_TO'),
      timeoutMs: timeoutMs(s, 15_000),
    });
  },
  'email-binding': (s, env) => {
    if (!env.SEND_EMAIL)
      throw new Error(
        'no send_email binding named SEND_EMAIL: add one to wrangler.jsonc ("send_email": [{ "name": "SEND_EMAIL" }])',
      );
    return bindingEmail({ from: s.EMAIL_BINDING_FROM!, to: recipients(s, 'EMAIL_BINDING_TO') });
  },
  'sms-aliyun': (s, _env, to = recipients(s, 'ALIYUN_SMS_TO')) =>
    aliyunSms({
      endpoint: s.ALIYUN_SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
      accessKeyId: s.ALIYUN_ACCESS_KEY_ID!,
      accessKeySecret: s.ALIYUN_ACCESS_KEY_SECRET!,
      signName: s.ALIYUN_SMS_SIGN_NAME!,
      templateCode: s.ALIYUN_SMS_TEMPLATE_CODE!,
      params: aliyunParams(s.ALIYUN_SMS_TEMPLATE_PARAMS ?? '{"reference":"reference","region":"region","phone":"phone"}'),
      to,
      timeoutMs: timeoutMs(s),
    }),
  'sms-tencent': (s, _env, to = recipients(s, 'TENCENT_SMS_TO')) =>
    tencentSms({
      endpoint: s.TENCENT_SMS_ENDPOINT ?? 'https://sms.tencentcloudapi.com/',
      secretId: s.TENCENT_SECRET_ID!,
      secretKey: s.TENCENT_SECRET_KEY!,
      sdkAppId: s.TENCENT_SMS_SDK_APP_ID!,
      signName: s.TENCENT_SMS_SIGN_NAME!,
      templateId: s.TENCENT_SMS_TEMPLATE_ID!,
      // The county alone by default: a new account's variable takes 6 characters (TENCENT_VALUE_MAX),
      // which a phone number (11) or a reference (16) is over.
      ...tencentVariables(s, list(s.TENCENT_SMS_TEMPLATE_PARAMS ?? 'region')),
      to,
      region: s.TENCENT_SMS_REGION ?? 'ap-guangzhou',
      timeoutMs: timeoutMs(s),
    }),
  wecom: (s) => wecom({ url: hookUrl(s, 'WECOM_WEBHOOK_URL', 'key'), timeoutMs: timeoutMs(s) }),
  dingtalk: (s) =>
    dingtalk({ url: hookUrl(s, 'DINGTALK_WEBHOOK_URL', 'access_token'), secret: s.DINGTALK_SECRET!, timeoutMs: timeoutMs(s) }),
  feishu: (s) => feishu({ url: hookUrl(s, 'FEISHU_WEBHOOK_URL'), secret: s.FEISHU_SECRET!, timeoutMs: timeoutMs(s) }),
  webhook: (s) => webhook({ url: hookUrl(s, 'WEBHOOK_URL'), secret: s.WEBHOOK_SECRET!, timeoutMs: timeoutMs(s) }),
  'sms-customer': (s, env) => customerSms(s, env),
};

/** The customer's confirmation: the provider's channel with the customer template, to the lead's own phone. */
function customerSms(s: Settings, env: Env): Channel {
  const provider = s.CUSTOMER_SMS_PROVIDER;
  if (provider !== 'aliyun' && provider !== 'tencent') throw new Error('CUSTOMER_SMS_PROVIDER must be aliyun or tencent');
  const needs =
    provider === 'aliyun'
      ? (['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME'] as const)
      : (['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'] as const);
  const missing = needs.filter((k) => !s[k]);
  if (missing.length) throw new Error(`CUSTOMER_SMS_PROVIDER ${provider} needs ${missing.join(', ')}`);
  // Tencent's none by default: a reference (16 characters) is longer than a new account's variable (6).
  const params = s.CUSTOMER_SMS_TEMPLATE_PARAMS ?? (provider === 'aliyun' ? '{"code":"reference"}' : '');
  // Checked here, under its own name and with the customer's fields only (CUSTOMER_FIELDS).
  if (provider === 'tencent') tencentVariables(s, list(params), 'CUSTOMER_SMS_TEMPLATE_PARAMS', CUSTOMER_FIELDS);
  else aliyunParams(params, 'CUSTOMER_SMS_TEMPLATE_PARAMS', CUSTOMER_FIELDS);
  const inner = MAKERS[provider === 'aliyun' ? 'sms-aliyun' : 'sms-tencent'](
    provider === 'aliyun'
      ? { ...s, ALIYUN_SMS_TEMPLATE_CODE: s.CUSTOMER_SMS_TEMPLATE, ALIYUN_SMS_TEMPLATE_PARAMS: params }
      : { ...s, TENCENT_SMS_TEMPLATE_ID: s.CUSTOMER_SMS_TEMPLATE, TENCENT_SMS_TEMPLATE_PARAMS: params },
    env,
    [],
  );
  return {
    name: 'sms-customer',
    send: (lead, e, delivery) => inner.send(lead, e, { ...delivery, to: [nationalPhone(dialable(lead.phone))] }),
  };
}

/** An SMTP server's own address as the default sender: QQ, 163 and Aliyun's mail refuse a sender
 *  other than the signed-in user's. Without a user name that is an address, baoxiu@ the host. */
function senderOf(url: URL): string {
  const user = decodeURIComponent(url.username);
  return user.includes('@') ? user : `baoxiu@${url.hostname}`;
}

/** A channel that cannot work as configured: every attempt fails with the reason. */
const broken = (name: ChannelName, reason: string): Channel => ({
  name,
  problem: reason,
  async send() {
    throw new Error(`${name} is misconfigured: ${reason}`);
  },
});

/** What this deployment's settings turn on, and the routes of routes.yaml naming a channel they do
 *  not: what `npm run leads -- channels` and the owner's inbox report. */
export function channelSetup(env: Env, catalog: CatalogIndex) {
  const channels = channelsFor(env);
  return {
    channels,
    routes: unconfiguredRoutes(
      catalog,
      channels.map((c) => c.name),
    ),
  };
}

export function channelsFor(env: Env): Channel[] {
  const s = settingsOf(env);
  const channels: Channel[] = [outbox];
  for (const [name, make] of Object.entries(MAKERS) as [keyof typeof MAKERS, (typeof MAKERS)[keyof typeof MAKERS]][]) {
    const spec: { required: readonly ChannelSetting[]; optional: readonly ChannelSetting[]; when?: readonly ChannelSetting[] } =
      CHANNELS[name];
    const { required } = spec;
    if (!(spec.when ?? [...required, ...spec.optional]).some((k) => s[k])) continue;
    const missing = required.filter((k) => !s[k]);
    if (missing.length) {
      channels.push(broken(name, `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`));
      continue;
    }
    try {
      channels.push(make(s, env));
    } catch (err) {
      const reason =
        err instanceof z.ZodError
          ? err.issues.map((i) => i.message).join('; ')
          : err instanceof Error
            ? err.message
            : String(err);
      channels.push(broken(name, reason));
    }
  }
  return channels;
}
