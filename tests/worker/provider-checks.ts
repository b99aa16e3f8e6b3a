// What each provider's published docs require of a request, checked by the stand-ins of
// providers.ts with node:crypto, independently of functions/channels: the reason a request breaks
// them, or undefined.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SECRETS = {
  aliyun: { id: 'test-aliyun-id', secret: 'test-aliyun-secret' },
  tencent: { id: 'AKIDtest', secret: 'test-tencent-secret' },
  dingtalk: 'SECtest-dingtalk',
  feishu: 'test-feishu-secret',
  webhook: 'test-webhook-secret',
  // An address, as QQ's, 163's and Aliyun's mail sign in: the default sender (channels/index.ts senderOf).
  smtp: { user: 'mailer@baoxiu.test', pass: 'p@ss word' },
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmacHex = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest('hex');
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

// Aliyun's "V3版本请求体&签名机制": host, every x-acs-* header and content-type (when there is one)
// are signed; x-acs-date is within 15 minutes; SendSms's own parameters (dysmsapi 2017-05-25).
function checkAliyun(req: IncomingMessage, url: URL, body: string): string | undefined {
  const auth = req.headers.authorization ?? '';
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'malformed Authorization';
  if (m[1] !== SECRETS.aliyun.id) return 'wrong AccessKeyId';
  if (req.headers['x-acs-action'] !== 'SendSms' || req.headers['x-acs-version'] !== '2017-05-25')
    return 'wrong action or version';
  if (req.headers['x-acs-content-sha256'] !== sha256(body)) return 'x-acs-content-sha256 is not the body hash';
  if (!/^[0-9a-f]+$/i.test(String(req.headers['x-acs-signature-nonce'] ?? ''))) return 'no x-acs-signature-nonce';
  const date = String(req.headers['x-acs-date'] ?? '');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date) || Math.abs(Date.parse(date) - Date.now()) > 15 * 60_000)
    return 'x-acs-date missing, malformed or more than 15 minutes off';
  const signed = m[2].split(';');
  const canonicalQuery = [...url.searchParams.keys()]
    .sort()
    .map((k) => `${enc(k)}=${enc(url.searchParams.get(k)!)}`)
    .join('&');
  if (url.search.slice(1) !== canonicalQuery) return 'query not sent as signed (RFC 3986: a space is %20)';
  const mustSign = Object.keys(req.headers).filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'));
  const unsigned = mustSign.filter((h) => !signed.includes(h));
  if (unsigned.length) return `headers not signed: ${unsigned.join(', ')}`;
  const q = url.searchParams;
  if (!q.get('PhoneNumbers') || !q.get('SignName') || !q.get('TemplateCode'))
    return 'PhoneNumbers, SignName or TemplateCode missing';
  try {
    const params: unknown = JSON.parse(q.get('TemplateParam') ?? '{}');
    if (Object.values(params as object).some((v) => typeof v !== 'string')) return 'TemplateParam values must be strings';
  } catch {
    return 'TemplateParam is not JSON';
  }
  const canonical = [
    'POST',
    url.pathname, // the path the request came to: the stand-in's /aliyun
    canonicalQuery,
    signed.map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join(''),
    signed.join(';'),
    sha256(body),
  ].join('\n');
  const expected = hmacHex(SECRETS.aliyun.secret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`);
  return expected === m[3] ? undefined : 'signature mismatch';
}

function checkTencent(req: IncomingMessage, url: URL, body: string): string | undefined {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? '',
    );
  if (!m) return 'malformed Authorization';
  if (m[1] !== SECRETS.tencent.id) return 'wrong SecretId';
  const ts = Number(req.headers['x-tc-timestamp']);
  if (Math.abs(ts - Date.now() / 1000) > 300) return 'timestamp too far off';
  if (new Date(ts * 1000).toISOString().slice(0, 10) !== m[2]) return 'date does not match the timestamp';
  if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11') return 'wrong action or version';
  const canonical = [
    'POST',
    url.pathname,
    '',
    `content-type:${req.headers['content-type']}\nhost:${req.headers.host}\n`,
    'content-type;host',
    sha256(body),
  ].join('\n');
  const toSign = `TC3-HMAC-SHA256\n${ts}\n${m[2]}/sms/tc3_request\n${sha256(canonical)}`;
  const kDate = createHmac('sha256', `TC3${SECRETS.tencent.secret}`).update(m[2]).digest();
  const kService = createHmac('sha256', kDate).update('sms').digest();
  const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
  return hmacHex(kSigning, toSign) === m[3] ? undefined : 'signature mismatch';
}

function checkDingtalk(url: URL): string | undefined {
  const ts = url.searchParams.get('timestamp');
  if (!ts || Math.abs(Number(ts) - Date.now()) > 3600_000) return 'timestamp missing or more than an hour off';
  const expected = createHmac('sha256', SECRETS.dingtalk).update(`${ts}\n${SECRETS.dingtalk}`).digest('base64');
  return url.searchParams.get('sign') === expected ? undefined : 'sign mismatch';
}

function checkFeishu(body: { timestamp?: string; sign?: string }): string | undefined {
  if (!body.timestamp || Math.abs(Number(body.timestamp) - Date.now() / 1000) > 3600)
    return 'timestamp missing or more than an hour off';
  const expected = createHmac('sha256', `${body.timestamp}\n${SECRETS.feishu}`).update('').digest('base64');
  return body.sign === expected ? undefined : 'sign mismatch';
}

function checkWebhook(req: IncomingMessage, body: string): string | undefined {
  const ts = String(req.headers['x-baoxiu-timestamp']);
  const expected = `sha256=${hmacHex(SECRETS.webhook, `${ts}.${body}`)}`;
  return req.headers['x-baoxiu-signature'] === expected ? undefined : 'signature mismatch';
}

/** Tencent SendSms 2021-01-11 (cloud.tencent.com/document/api/382/55981): X-TC-Region is required;
 *  numbers in E.164, at most 200 a request; the app, sign and template named; parameters strings. */
function checkTencentBody(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  if (!req.headers['x-tc-region']) return 'no X-TC-Region';
  const numbers = body.PhoneNumberSet;
  if (!Array.isArray(numbers) || !numbers.length || numbers.length > 200) return 'PhoneNumberSet must hold 1–200 numbers';
  if (numbers.some((n) => typeof n !== 'string' || !/^\+\d{6,15}$/.test(n))) return 'a number is not E.164 (+86…)';
  if (!body.SmsSdkAppId || !body.SignName || !body.TemplateId) return 'SmsSdkAppId, SignName or TemplateId missing';
  const params = body.TemplateParamSet ?? [];
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string')) return 'TemplateParamSet must be strings';
}

/** WeCom's group robot: markdown content, utf-8, at most 4,096 bytes (errcode 40058 beyond). */
function checkWecom(body: { msgtype?: string; markdown?: { content?: unknown } }): string | undefined {
  const content = body.markdown?.content;
  if (body.msgtype !== 'markdown' || typeof content !== 'string' || !content) return 'not a markdown message';
  if (Buffer.byteLength(content, 'utf8') > 4096) return 'markdown.content over 4,096 bytes';
}

/** DingTalk's custom robot: a markdown message has a title and a text. */
function checkDingtalkBody(body: { msgtype?: string; markdown?: { title?: unknown; text?: unknown } }): string | undefined {
  const { title, text } = body.markdown ?? {};
  if (body.msgtype !== 'markdown' || typeof title !== 'string' || !title || typeof text !== 'string' || !text)
    return 'not a markdown message with a title and a text';
}

/** Feishu's custom bot: a text message's content.text. */
function checkFeishuBody(body: { msg_type?: string; content?: { text?: unknown } }): string | undefined {
  if (body.msg_type !== 'text' || typeof body.content?.text !== 'string' || !body.content.text) return 'not a text message';
}

/** Why a request to a stand-in breaks its provider's rules, if it does. */
export function checkRequest(path: string, req: IncomingMessage, url: URL, text: string, body: any): string | undefined {
  switch (path) {
    case 'aliyun':
      return checkAliyun(req, url, text);
    case 'tencent':
      return checkTencent(req, url, text) ?? checkTencentBody(req, body);
    case 'wecom':
      return url.searchParams.get('key') ? checkWecom(body) : 'no key in the webhook URL';
    case 'dingtalk':
      return checkDingtalk(url) ?? checkDingtalkBody(body);
    case 'feishu':
      return checkFeishu(body) ?? checkFeishuBody(body);
    case 'webhook':
      return checkWebhook(req, text);
  }
}
