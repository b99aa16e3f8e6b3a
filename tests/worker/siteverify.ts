// A stand-in for Turnstile's siteverify (POST /turnstile/v0/siteverify), answering as Cloudflare's
// docs say it does (developers.cloudflare.com/turnstile/get-started/server-side-validation/ and
// /turnstile/troubleshooting/testing/): a form (urlencoded or multipart) or JSON body with `secret`
// and `response` (at most 2,048 characters), optionally `remoteip` and `idempotency_key` (a UUID);
// the documented test secret keys pass, fail, or find the token spent, whatever the token; any other
// secret is invalid. Why a request breaks the spec is recorded for the test to read.
import { isIP } from 'node:net';

export const TEST_SECRETS = {
  pass: '1x0000000000000000000000000000000AA',
  fail: '2x0000000000000000000000000000000AA',
  spent: '3x0000000000000000000000000000000AA',
};
/** The token Turnstile's test sitekeys put in a form. */
export const DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Siteverify {
  /** What the stand-in received, as fields. */
  fields: Record<string, string>;
  /** Why the request breaks the spec, if it does. */
  why?: string;
  answer: { success: boolean; 'error-codes': string[]; challenge_ts?: string; hostname?: string };
}

async function fieldsOf(method: string, type: string, body: Buffer): Promise<Record<string, string> | string> {
  if (method !== 'POST') return `method ${method}, not POST`;
  const media = type.split(';')[0].trim().toLowerCase();
  if (media === 'application/json') {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return Object.fromEntries(Object.entries(parsed as object).map(([k, v]) => [k, String(v)]));
  }
  if (media !== 'application/x-www-form-urlencoded' && media !== 'multipart/form-data')
    return `content type ${media || 'missing'}: neither a form nor JSON`;
  const form = await new Request('http://siteverify.test/', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  }).formData();
  return Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
}

export async function siteverify(method: string, type: string, body: Buffer): Promise<Siteverify> {
  const fields = await fieldsOf(method, type, body).catch((e: unknown) => `unreadable body: ${e}`);
  const fail = (code: string, why?: string): Siteverify => ({
    fields: typeof fields === 'string' ? {} : fields,
    why,
    answer: { success: false, 'error-codes': [code] },
  });
  if (typeof fields === 'string') return fail('bad-request', fields);
  if (!fields.secret) return fail('missing-input-secret', 'no secret');
  if (!fields.response) return fail('missing-input-response', 'no response');
  if (fields.response.length > 2048) return fail('invalid-input-response', 'response longer than 2,048 characters');
  if (fields.remoteip !== undefined && !isIP(fields.remoteip)) return fail('bad-request', `remoteip ${fields.remoteip} is no IP`);
  if (fields.idempotency_key !== undefined && !UUID.test(fields.idempotency_key))
    return fail('bad-request', 'idempotency_key is no UUID');
  // The request is as the spec says; the answer is the secret's.
  if (fields.secret === TEST_SECRETS.fail) return fail('invalid-input-response');
  if (fields.secret === TEST_SECRETS.spent) return fail('timeout-or-duplicate');
  if (fields.secret !== TEST_SECRETS.pass) return fail('invalid-input-secret');
  return {
    fields,
    answer: { success: true, 'error-codes': [], challenge_ts: new Date().toISOString(), hostname: 'example.com' },
  };
}
