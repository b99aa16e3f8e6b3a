// Global setup of the worker tests: local stand-ins for the hosted providers, checking every request
// against the provider's published rules (provider-checks.ts; Turnstile's siteverify: siteverify.ts),
// and a real SMTP server (smtp-server, parsed with mailparser). Tests read what arrived from /records.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { checkRequest, SECRETS } from './provider-checks.ts';
import { siteverify } from './siteverify.ts';

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

/** Tencent answers one status per number; the fault `partial` fails the last one (a real code),
 *  `short` leaves it out of the list. */
function tencentStatuses(body: { PhoneNumberSet?: string[] }, fault?: string) {
  const numbers = body.PhoneNumberSet ?? [];
  return numbers
    .slice(0, fault === 'short' ? -1 : undefined)
    .map((PhoneNumber, i) =>
      fault === 'partial' && i === numbers.length - 1
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
      : { SendStatusSet: tencentStatuses(body, fault), RequestId: 'r' },
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
  // A receiver that echoes what it refused: the lead's fields in its error ('echo-padded': after 190
  // characters of its own, so a cut at 200 would fall inside the echo).
  if (fault === 'echo' || fault === 'echo-padded') {
    const { lead } = JSON.parse(text) as { lead: Record<string, string> };
    const echoed = {
      ...(fault === 'echo-padded' ? { detail: 'x'.repeat(190) } : {}),
      error: 'invalid phone',
      phone: lead.phone,
      name: lead.name,
      description: lead.description,
      preferredTime: lead.preferredTime,
    };
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
  const why = checkRequest(path, req, url, text, body);
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
    // A mailbox that does not exist: refused at RCPT, as a server does (550).
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody@')) cb(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
      // A server going away mid-send: 421, and the connection closed (smtp-server closes on a 421).
      else if (address.address.startsWith('gone@')) cb(Object.assign(new Error('shutting down'), { responseCode: 421 }));
      // A slow server: 3 seconds before it accepts the address.
      else if (address.address.startsWith('slow@')) setTimeout(() => cb(), 3000);
      else cb();
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
