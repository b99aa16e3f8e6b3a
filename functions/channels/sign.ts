// The providers' request signatures, as pure functions so their published examples can be tested.
import { base64, hex, hmac, rfc3986, sha256 } from './hmac.ts';

/** Aliyun OpenAPI V3, ACS3-HMAC-SHA256. `headers` must hold host and the x-acs-* headers. */
export async function aliyunV3(opts: {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  accessKeySecret: string;
}): Promise<{ authorization: string; signature: string; canonicalRequest: string; query: string }> {
  // Also the query string to send: byte for byte what was signed (a space is %20, never +).
  const query = Object.keys(opts.query)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(opts.query[k])}`)
    .join('&');
  const signed = Object.keys(opts.headers)
    .map((h) => h.toLowerCase())
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
    .sort();
  const lower = Object.fromEntries(Object.entries(opts.headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const canonicalRequest = [
    opts.method,
    opts.path,
    query,
    signed.map((h) => `${h}:${lower[h]}\n`).join(''),
    signed.join(';'),
    hex(await sha256(opts.body)),
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${hex(await sha256(canonicalRequest))}`;
  const signature = hex(await hmac(opts.accessKeySecret, stringToSign));
  return {
    canonicalRequest,
    signature,
    query,
    authorization: `ACS3-HMAC-SHA256 Credential=${opts.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`,
  };
}

/** Tencent Cloud API 3.0, TC3-HMAC-SHA256, with content-type and host as the signed headers. */
export async function tencentTc3(opts: {
  method: string;
  /** The request's path: / for Tencent's own endpoint, another for an endpoint set to a proxy's. */
  path?: string;
  query?: string;
  host: string;
  contentType: string;
  body: string;
  service: string;
  timestamp: number;
  secretId: string;
  secretKey: string;
}): Promise<{ authorization: string; signature: string; stringToSign: string }> {
  const date = new Date(opts.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalRequest = [
    opts.method,
    opts.path ?? '/',
    opts.query ?? '',
    `content-type:${opts.contentType}\nhost:${opts.host}\n`,
    'content-type;host',
    hex(await sha256(opts.body)),
  ].join('\n');
  const scope = `${date}/${opts.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${opts.timestamp}\n${scope}\n${hex(await sha256(canonicalRequest))}`;
  const signature = await tc3Signature(opts.secretKey, date, opts.service, stringToSign);
  return {
    stringToSign,
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${opts.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
  };
}

export async function tc3Signature(secretKey: string, date: string, service: string, stringToSign: string): Promise<string> {
  const secretDate = await hmac(`TC3${secretKey}`, date);
  const secretService = await hmac(secretDate, service);
  const secretSigning = await hmac(secretService, 'tc3_request');
  return hex(await hmac(secretSigning, stringToSign));
}

/** DingTalk custom robot: sign = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). */
export async function dingtalkSign(secret: string, timestampMs: number): Promise<string> {
  return base64(await hmac(secret, `${timestampMs}\n${secret}`));
}

/** Feishu custom bot: the key is `${timestamp}\n${secret}` and the message is empty. */
export async function feishuSign(secret: string, timestampSeconds: number): Promise<string> {
  return base64(await hmac(`${timestampSeconds}\n${secret}`, ''));
}

/** Our webhook: X-Baoxiu-Signature = sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">. */
export async function webhookSignature(secret: string, timestamp: number, body: string): Promise<string> {
  return `sha256=${hex(await hmac(secret, `${timestamp}.${body}`))}`;
}
