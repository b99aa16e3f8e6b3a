// Global setup of the worker tests: local stand-ins for the hosted providers, checking every request
// against the provider's published rules with node:crypto (independently of functions/channels) —
// Turnstile's siteverify too (siteverify.ts) — and a real SMTP server (smtp-server, parsed with
// mailparser). Tests read what arrived from /records.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { siteverify } from './siteverify.ts';

export const SECRETS = {
  aliyun: { id: 'test-aliyun-id', secret: 'test-aliyun-secret' },
  tencent: { id: 'AKIDtest', secret: 'test-tencent-secret' },
  dingtalk: 'SECtest-dingtalk',
  feishu: 'test-feishu-secret',
  webhook: 'test-webhook-secret',
  smtp: { user: 'mailer', pass: 'p@ss word' },
};

declare module 'vitest' {
  export interface ProvidedContext {
    providersUrl: string;
    smtpPort: number;
    mailsUrl: string;
  }
}

interface Record_ {
  path: string;
  ok: boolean;
  why?: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}
const records: Record_[] = [];
/** Per path: answers to give instead of the normal one ('500', 'hang', or a JSON body). */
const faults = new Map<string, string[]>();

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmacHex = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest('hex');
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function checkAliyun(req: IncomingMessage, url: URL, body: string): string | undefined {
  const auth = req.headers.authorization ?? '';
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'malformed Authorization';
  if (m[1] !== SECRETS.aliyun.id) return 'wrong AccessKeyId';
  if (req.headers['x-acs-action'] !== 'SendSms' || req.headers['x-acs-version'] !== '2017-05-25')
    return 'wrong action or version';
  if (req.headers['x-acs-content-sha256'] !== sha256(body)) return 'x-acs-content-sha256 is not the body hash';
  const signed = m[2].split(';');
  const query = [...url.searchParams.keys()]
    .sort()
    .map((k) => `${enc(k)}=${enc(url.searchParams.get(k)!)}`)
    .join('&');
  const canonical = [
    'POST',
    '/',
    query,
    signed.map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join(''),
    signed.join(';'),
    sha256(body),
  ].join('\n');
  const expected = hmacHex(SECRETS.aliyun.secret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`);
  return expected === m[3] ? undefined : 'signature mismatch';
}

function checkTencent(req: IncomingMessage, body: string): string | undefined {
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
    '/',
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

/** Tencent answers one status per number; the fault `partial` fails the last one (a real code). */
function tencentStatuses(body: { PhoneNumberSet?: string[] }, partial: boolean) {
  const numbers = body.PhoneNumberSet ?? [];
  return numbers.map((PhoneNumber, i) =>
    partial && i === numbers.length - 1
      ? { PhoneNumber, Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'the number has reached its daily limit' }
      : { PhoneNumber, Code: 'Ok', Message: 'send success' },
  );
}

const OK: Record<string, (why?: string, body?: any, fault?: string) => unknown> = {
  aliyun: (why) =>
    why ? { Code: 'SignatureDoesNotMatch', Message: why } : { Code: 'OK', Message: 'OK', BizId: 'biz-1', RequestId: 'req-1' },
  tencent: (why, body, fault) => ({
    Response: why
      ? { Error: { Code: 'AuthFailure.SignatureFailure', Message: why }, RequestId: 'r' }
      : { SendStatusSet: tencentStatuses(body, fault === 'partial'), RequestId: 'r' },
  }),
  wecom: (why) => ({ errcode: why ? 40058 : 0, errmsg: why ?? 'ok' }),
  dingtalk: (why) => ({ errcode: why ? 310000 : 0, errmsg: why ?? 'ok' }),
  feishu: (why) => ({ code: why ? 19021 : 0, msg: why ?? 'success' }),
  webhook: () => ({ received: true }),
};

let accessKeys = '{"keys":[]}';

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const path = url.pathname.slice(1);
  if (path === 'records') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(records));
  // Cloudflare Access's team keys (/cdn-cgi/access/certs): the test posts the public JWKs it signs with.
  if (path === 'access/keys') return void ((accessKeys = text), res.writeHead(204).end());
  if (path === 'access/cdn-cgi/access/certs')
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(accessKeys);
  if (path === 'faults') {
    const { at, answers } = JSON.parse(text) as { at: string; answers: string[] };
    faults.set(at, answers);
    return void res.writeHead(204).end();
  }
  const fault = faults.get(path)?.shift();
  if (fault === 'hang') return; // never answers: the caller's timeout must fire
  if (fault === '500') return void res.writeHead(500).end('internal error');
  // A receiver that echoes what it refused: the lead's fields in its error.
  if (fault === 'echo') {
    const { lead } = JSON.parse(text) as { lead: Record<string, string> };
    const echoed = { error: 'invalid phone', phone: lead.phone, name: lead.name, description: lead.description };
    return void res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify(echoed));
  }
  // A receiver moved: a 301 to an address that answers anything with 200.
  if (fault === 'redirect') return void res.writeHead(301, { location: '/moved' }).end();
  if (path === 'moved') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  if (path === 'turnstile/v0/siteverify') {
    const verdict = await siteverify(req.method ?? '', req.headers['content-type'] ?? '', Buffer.concat(chunks));
    const { why, fields: body } = verdict;
    records.push({ path: 'turnstile', ok: !why, why, headers: req.headers as Record<string, string>, query: {}, body });
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(verdict.answer));
  }
  const answer = OK[path];
  if (!answer) return void res.writeHead(404).end();
  const body = text && req.headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : text;
  const why =
    path === 'aliyun'
      ? checkAliyun(req, url, text)
      : path === 'tencent'
        ? checkTencent(req, text)
        : path === 'dingtalk'
          ? checkDingtalk(url)
          : path === 'feishu'
            ? checkFeishu(body)
            : path === 'webhook'
              ? checkWebhook(req, text)
              : undefined;
  records.push({
    path,
    ok: !why,
    why,
    headers: req.headers as Record<string, string>,
    query: Object.fromEntries(url.searchParams),
    body,
  });
  res.writeHead(fault === 'business-error' ? 200 : path === 'webhook' && why ? 401 : 200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer(fault === 'business-error' ? 'business error' : why, body, fault)));
}

let smtpSwitch: (up: boolean) => Promise<void> = async () => {};

export default async function setup(project: TestProject) {
  const http = createServer((req, res) => {
    // POST /smtp?up=0|1: take the SMTP server down or bring it back on the same port.
    if (req.url?.startsWith('/smtp?')) {
      void smtpSwitch(req.url.endsWith('up=1')).then(() => res.writeHead(204).end());
      return;
    }
    void handle(req, res).catch((e) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));

  const mails: unknown[] = [];
  const smtp = new SMTPServer({
    hideSTARTTLS: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === SECRETS.smtp.user && auth.password === SECRETS.smtp.pass) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({
            subject: mail.subject,
            from: mail.from?.text,
            to: mail.to,
            text: mail.text,
            html: mail.html,
            headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line])),
          });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  smtpSwitch = async (up) => {
    if (up) await new Promise<void>((r) => smtp.server.listen(smtpPort, '127.0.0.1', () => r()));
    else await new Promise<void>((r) => smtp.server.close(() => r()));
  };
  // Mail is read back over HTTP too.
  const mailHttp = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mails)),
  );
  await new Promise<void>((r) => mailHttp.listen(0, '127.0.0.1', r));

  project.provide('providersUrl', `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
  project.provide('smtpPort', smtpPort);
  project.provide('mailsUrl', `http://127.0.0.1:${(mailHttp.address() as AddressInfo).port}`);
  return async () => {
    http.close();
    mailHttp.close();
    await new Promise<void>((r) => smtp.close(() => r())).catch(() => {});
  };
}
