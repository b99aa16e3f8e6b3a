// SMS through Aliyun (dysmsapi SendSms, V3 signature) and Tencent Cloud (SendSms 2021-01-11, TC3).
// Template parameters are lead fields named in the settings; each provider limits their length.
import { normalizePhone } from '../leads/phone.ts';
import { dialable, nationalPhone } from '../leads/phone-forms.ts';
import type { StoredLead } from '../rows.ts';
import { PartialDelivery, toEach, type Channel, type Outgoing } from './channel.ts';
import { hex, sha256 } from './hmac.ts';
import { DEFAULT_TIMEOUT_MS, postJson } from './http.ts';
import { aliyunV3, tencentTc3 } from './sign.ts';

/** Lead fields a template may use. */
const FIELDS: Record<string, (l: StoredLead) => string> = {
  reference: (l) => l.reference,
  // The county alone, without the note an uncovered one has (南山区（暂未覆盖）): cut at a variable's
  // 6 characters, the note would leave 南山区（暂未.
  region: (l) => (l.region_name.split(' ').at(-1) ?? l.region_name).replace(/（暂未覆盖）$/, ''),
  brand: (l) => l.brand_name ?? '',
  name: (l) => l.name,
  // The number alone: a template may type the field as a phone number (an extension is in the inbox).
  phone: (l) => nationalPhone(dialable(l.phone)),
  description: (l) => l.description,
};
/** The fields of the customer's own confirmation: none typed into the form, or anyone could have
 *  their words texted to another's phone under the operator's signature. */
export const CUSTOMER_FIELDS = ['reference', 'region', 'brand'] as const;
/** Fails on a field no lead has (a misspelt "regoin"), every message carrying it empty, or one not
 *  among `fields`. */
export function checkFields(setting: string, keys: string[], fields: readonly string[] = Object.keys(FIELDS)) {
  const unknown = keys.filter((key) => !fields.includes(key));
  if (unknown.length)
    throw new Error(
      `${setting}: no field ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the fields are ${fields.join(', ')}`,
    );
}
/** Aliyun's longest template variable value (for some variable types). */
const ALIYUN_VALUE_MAX = 35;
/** Tencent's, unless TENCENT_SMS_VARIABLE_MAX says more: "对于长期未使用的账号及2024年1月25日后开通新账号默认
 *  最长支持6个字符，您的账号具体可支持字符长度以控制台显示为准" (the SendSms error
 *  InvalidParameterValue.TemplateParameterLengthLimit; the SMS FAQ, cloud.tencent.com/document/product/382/13301,
 *  says 6 too). Accounts from before had 12, and enterprise ones no limit. */
const TENCENT_VALUE_MAX = 6;
/** The longest value a Tencent account takes, from TENCENT_SMS_VARIABLE_MAX (its console shows it). */
export function tencentValueMax(setting: string | undefined): number {
  const max = setting === undefined || setting === '' ? TENCENT_VALUE_MAX : Number(setting);
  if (!Number.isInteger(max) || max < TENCENT_VALUE_MAX)
    throw new Error(
      `TENCENT_SMS_VARIABLE_MAX must be a whole number of characters, ${TENCENT_VALUE_MAX} or more (as the console's template page shows; a large one, such as 500, where it shows no limit), not ${JSON.stringify(setting)}`,
    );
  return max;
}

/** The lengths the SMS channels cut a template's variables at: where an echo of a field, cut, may
 *  be found in a provider's error (privacy/log.ts withoutLead). */
export function templateCuts(settings: { TENCENT_SMS_VARIABLE_MAX?: string }): number[] {
  let tencent = TENCENT_VALUE_MAX;
  try {
    tencent = tencentValueMax(settings.TENCENT_SMS_VARIABLE_MAX);
  } catch {
    // The channel is broken and sends nothing (channels/index.ts).
  }
  return [ALIYUN_VALUE_MAX, tencent];
}

/** Fields a template never gets cut, and their longest value: a cut number or reference is a wrong one. */
export const WHOLE_FIELDS: Record<string, number> = { phone: 12, reference: 16 };
const field = (lead: StoredLead, key: string, max: number) => {
  const value = FIELDS[key]?.(lead) ?? '';
  return key in WHOLE_FIELDS ? value : [...value].slice(0, max).join('');
};

export function aliyunSms(cfg: {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  to: string[];
  timeoutMs?: number;
}): Channel {
  return {
    name: 'sms-aliyun',
    // One request a number: Aliyun answers one Code for the whole list, so one wrong number in the
    // settings would fail every other, at every retry; a retry goes to those not reached.
    async send(lead, _env, delivery) {
      const startBy = delivery.until === undefined ? Infinity : delivery.until - (cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      await toEach('sms-aliyun', delivery.to ?? cfg.to, startBy, (number) => sendOne(number, lead, delivery));
    },
  };

  async function sendOne(number: string, lead: StoredLead, delivery: Outgoing) {
    const url = new URL(cfg.endpoint);
    const query = {
      PhoneNumbers: elevenDigits(number),
      SignName: cfg.signName,
      TemplateCode: cfg.templateCode,
      TemplateParam: JSON.stringify(
        Object.fromEntries(Object.entries(cfg.params).map(([v, key]) => [v, field(lead, key, ALIYUN_VALUE_MAX)])),
      ),
      OutId: delivery.id, // Aliyun's own correlation key for this message
    };
    const headers: Record<string, string> = {
      host: url.host,
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'x-acs-signature-nonce': crypto.randomUUID().replaceAll('-', ''),
      'x-acs-content-sha256': hex(await sha256('')),
    };
    const { authorization, query: signedQuery } = await aliyunV3({
      method: 'POST',
      path: url.pathname, // what the request is sent to: / at Aliyun's, a proxy's own path otherwise
      query,
      headers,
      body: '',
      accessKeyId: cfg.accessKeyId,
      accessKeySecret: cfg.accessKeySecret,
    });
    url.search = signedQuery;
    const { host: _host, ...sent } = headers;
    const res = await postJson<{ Code?: string; Message?: string }>(url.href, null, {
      raw: '',
      headers: { ...sent, authorization },
      timeoutMs: cfg.timeoutMs,
    });
    if (res.Code !== 'OK') throw new Error(`${res.Code} ${res.Message ?? ''}`);
  }
}

/** Aliyun takes a mainland mobile as 11 digits (or +86…), not as written with spaces: read as
 *  Tencent's are (E.164 there), +86 138 0000 0000 reaches the same phone through either. */
const elevenDigits = (number: string) => {
  const e164 = normalizePhone(number);
  return e164 ? nationalPhone(e164) : number;
};

export function tencentSms(cfg: {
  endpoint: string;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  params: string[];
  /** The longest value of a variable (TENCENT_VALUE_MAX, or what the account's console shows). */
  valueMax: number;
  to: string[];
  region: string;
  timeoutMs?: number;
}): Channel {
  return {
    name: 'sms-tencent',
    async send(lead, _env, delivery) {
      const url = new URL(cfg.endpoint);
      const to = delivery.to ?? cfg.to;
      if (!to.length) throw new Error('sms-tencent: no recipient');
      const body = JSON.stringify({
        PhoneNumberSet: to.map(e164),
        SmsSdkAppId: cfg.sdkAppId,
        SignName: cfg.signName,
        TemplateId: cfg.templateId,
        TemplateParamSet: cfg.params.map((key) => field(lead, key, cfg.valueMax)),
        SessionContext: delivery.id, // returned by Tencent in status reports: our dedupe key
      });
      const contentType = 'application/json; charset=utf-8';
      const timestamp = Math.floor(Date.now() / 1000);
      const { authorization } = await tencentTc3({
        method: 'POST',
        path: url.pathname,
        host: url.host,
        contentType,
        body,
        service: 'sms',
        timestamp,
        secretId: cfg.secretId,
        secretKey: cfg.secretKey,
      });
      const res = await postJson<{
        Response?: {
          Error?: { Code: string; Message: string };
          SendStatusSet?: { Code: string; Message: string; PhoneNumber: string }[];
        };
      }>(url.href, null, {
        raw: body,
        timeoutMs: cfg.timeoutMs,
        headers: {
          'content-type': contentType,
          authorization,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': cfg.region,
        },
      });
      const error = res.Response?.Error;
      if (error) throw new Error(`sms-tencent: ${error.Code} ${error.Message}`);
      const statuses = res.Response?.SendStatusSet ?? [];
      const failed = statuses.filter((s) => s.Code !== 'Ok');
      // Tencent answers per number: a number it did not answer for (a list shorter than ours) is not sent.
      const sent = new Set(statuses.filter((s) => s.Code === 'Ok').map((s) => s.PhoneNumber));
      const unanswered = to.filter((n) => !sent.has(e164(n)) && !failed.some((s) => s.PhoneNumber === e164(n)));
      if (failed.length || unanswered.length) {
        const message = `sms-tencent: ${[
          ...failed.map((s) => `${s.PhoneNumber} ${s.Code} ${s.Message}`),
          ...unanswered.map((n) => `${e164(n)} no send status`),
        ].join('; ')}`;
        // Retry only the numbers not sent.
        if (sent.size)
          throw new PartialDelivery(
            message,
            to.filter((n) => !sent.has(e164(n))),
          );
        throw new Error(message);
      }
    },
  };
}

/** Tencent wants E.164: a number as the settings write it (13800000000, 86138…, 0086 138…) read as
 *  a lead's phone is; one that cannot be read is sent as written, for Tencent to refuse visibly. */
const e164 = (n: string) => normalizePhone(n) ?? (n.startsWith('+') ? n : `+86${n}`);
