// npm run leads -- list | spam | show <reference|id> | export --csv [--out file] | retry <deliveryId> | forget <phone>
// The operator's command line for the admin API, against `npm start` or a deployed Worker.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { beijingMinute } from '../functions/web/beijing-time.ts';
import { LOCAL_SECRETS_DIR, localSetting } from './local-secrets.ts';

const USAGE = `usage: npm run leads -- <command> [options]
  list [--status new|spam] [--limit N]   recent leads, newest first (N: 1–1000, default 50)
  spam                                    the leads kept as spam
  show <reference|leadId>                 one lead with its deliveries
  export --csv [--out leads.csv]          all leads as CSV (UTF-8 with BOM, opens in Excel)
  retry <deliveryId>                      send a failed or stuck delivery again
  channels                                the channels the Worker's settings turn on, and what is wrong
                                          with any that cannot work (exit code 1 then)
  forget <phone>                          delete every lead of a phone number (a PIPL request)
  users add <name> [--owner]              a staff user for the inbox; prints their setup link (24 h)
options: --url <site> (or BAOXIU_URL; default http://127.0.0.1:8787)
         --token <ADMIN_TOKEN> (or ADMIN_TOKEN; for a local URL, .dev.vars or the one npm start made
         in ${LOCAL_SECRETS_DIR})`;

function fail(message: string, code = 2): never {
  console.error(`leads: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      csv: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      owner: { type: 'boolean' },
    },
  });
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
const [command, ...args] = positionals;
const arg = args[0];
if (values.help) {
  console.log(USAGE); // asked for: the answer, on stdout
  process.exit(0);
}
if (!command) fail(USAGE, 2);
// Piped into a command that stops reading (export --csv | head): done, not a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  fail(`cannot write to standard output: ${err.message}`, 1);
});

// A mistyped command is said before anything is asked of the site (or of the token).
const COMMANDS = ['list', 'spam', 'show', 'export', 'retry', 'channels', 'forget', 'users'];
if (!COMMANDS.includes(command)) fail(`unknown command "${command}".\n${USAGE}`);

const base = (values.url ?? process.env.BAOXIU_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol))
  fail(`--url ${base} is not a web address: write it whole, as https://example.com or http://127.0.0.1:8787.`);
const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(base);
// An empty ADMIN_TOKEN= (a .env line left blank) counts as unset.
const token = values.token || process.env.ADMIN_TOKEN || (local ? localToken() : undefined);
if (!token) fail('no admin token: pass --token or set ADMIN_TOKEN.');
// A header carries printable ASCII only: another character would read as "cannot reach" the site.
if (!/^[\x21-\x7e]+$/.test(token))
  fail('the admin token has a character no HTTP header can carry (a space, or not ASCII): check it.');

/** The token `npm start` runs with: .dev.vars or .env read as wrangler reads them (quotes, comments),
 *  else the one it generated. */
function localToken(): string | undefined {
  const generated = join(LOCAL_SECRETS_DIR, 'ADMIN_TOKEN');
  return localSetting('ADMIN_TOKEN') ?? (existsSync(generated) ? readFileSync(generated, 'utf8').trim() : undefined);
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/admin${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  } catch (err) {
    const why = `cannot reach ${base}: ${(err as Error).cause ?? (err as Error).message}.`;
    fail(local ? `${why} Is npm start running?` : `${why} Check --url and this machine's connection.`, 1);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    fail(`${res.status} ${res.statusText}: ${body.error ?? 'request failed'}`, 1);
  }
  return res;
}

type Lead = Record<string, string | null>;

/** An answer's body, or — the connection dropped halfway — a message instead of a stack trace. */
async function read<T>(res: Response, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    return fail(`${base} stopped answering halfway (${(err as Error).cause ?? (err as Error).message}): try again.`, 1);
  }
}

/** The answer as the admin API's JSON, with what the command reads in it; anything else (a sign-in
 *  page of a proxy, another site at --url) is said so, not read. */
async function answer<T>(res: Response, has: (body: T) => boolean): Promise<T> {
  const text = await read(res, () => res.text());
  let body: T | undefined;
  try {
    body = /json/.test(res.headers.get('content-type') ?? '') ? (JSON.parse(text) as T) : undefined;
  } catch {
    body = undefined;
  }
  if (body === undefined || body === null || !has(body))
    fail(
      `${base} did not answer as the admin API does (${res.headers.get('content-type') ?? 'no content type'}): is --url the site?`,
      1,
    );
  return body;
}

/** Writes a file the command made, whole or not at all (to a file beside it, renamed over it: a full
 *  disk leaves the old file), or says why it cannot. */
function save(path: string, bytes: Uint8Array) {
  const part = `${path}.${process.pid}.part`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, path);
  } catch (err) {
    try {
      rmSync(part, { force: true });
    } catch {
      /* its folder is not there either */
    }
    fail(`cannot write ${path}: ${(err as Error).message}`, 1);
  }
}

switch (command) {
  case 'spam':
  case 'list': {
    const status = command === 'spam' ? 'spam' : values.status;
    const limit = values.limit ?? '50';
    if (!/^\d+$/.test(limit) || +limit < 1 || +limit > 1000)
      fail(`--limit must be a whole number from 1 to 1000, not "${limit}".`);
    const query = new URLSearchParams({ limit, ...(status ? { status } : {}) });
    const { leads, next } = await answer<{ leads: (Lead & { deliveries: string })[]; next?: string }>(
      await call(`/leads?${query}`),
      (b) => Array.isArray(b.leads),
    );
    for (const l of leads) {
      console.log(
        [
          l.reference,
          // Beijing time, as the reference and the inbox give it (the API's times are UTC).
          l.created_at && `${beijingMinute(l.created_at)}+08`,
          l.status,
          l.name,
          l.phone,
          l.region_name,
          l.brand_name ?? '-',
          l.deliveries ?? '',
        ].join('  '),
      );
    }
    const what = command === 'spam' ? 'leads kept as spam' : 'leads';
    // The newest only, said so: a page's count is not the total.
    console.log(
      next
        ? `the newest ${leads.length} ${what}; there are more (--limit up to 1000, or export --csv for all)`
        : `${leads.length} ${what}`,
    );
    break;
  }
  case 'users': {
    const [verb, name, ...more] = args;
    if (verb !== 'add' || !name) fail('usage: users add <name> [--owner]');
    // 张 师傅 typed unquoted is two words: not 张 alone, silently.
    if (more.length) fail(`users add takes one name: write "${[name, ...more].join(' ')}" in quotes, or without the space.`);
    const body = JSON.stringify({ name, role: values.owner ? 'owner' : 'staff' });
    const added = await answer<{ setupUrl: string; expiresAt: string; role: string }>(
      await call('/staff', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
      (b) => typeof b.setupUrl === 'string',
    );
    console.log(`Added ${added.role} ${name}. Send them this link to set a password (works once, until ${added.expiresAt}):`);
    console.log(added.setupUrl);
    break;
  }
  case 'show': {
    if (!arg) fail('show needs a lead reference (BX-…) or id.');
    console.log(
      JSON.stringify(await answer<{ lead: unknown }>(await call(`/leads/${encodeURIComponent(arg)}`), (b) => !!b.lead), null, 2),
    );
    break;
  }
  case 'export': {
    if (!values.csv) fail('export needs --csv.');
    // Every lead, a page of 1,000 at a time (the API's largest), as one file: the first page's bytes
    // as sent (text() would drop the BOM that makes Excel read UTF-8), the next ones' rows only.
    const pages: Uint8Array[] = [];
    let before = '';
    let rows = 0;
    do {
      const res = await call(`/leads?format=csv&limit=1000${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      if (!/text\/csv/.test(res.headers.get('content-type') ?? ''))
        fail(`${base} did not answer with CSV (${res.headers.get('content-type') ?? 'no content type'}): is --url the site?`, 1);
      const page = new Uint8Array(await read(res, () => res.arrayBuffer()));
      // The header line (and the BOM before it) ends at the page's first line feed: no header has one.
      pages.push(pages.length ? page.subarray(page.indexOf(0x0a) + 1) : page);
      rows += Number(res.headers.get('x-leads') ?? 0);
      before = res.headers.get('x-next-before') ?? '';
    } while (before);
    const csv = new Uint8Array(pages.reduce((n, p) => n + p.length, 0));
    pages.reduce((at, p) => (csv.set(p, at), at + p.length), 0);
    if (values.out) {
      // Where `npm run` was typed (npm runs this from the project's root, and says where in INIT_CWD).
      const out = resolve(process.env.INIT_CWD ?? '.', values.out);
      save(out, csv);
      console.error(`wrote ${out}: ${rows} leads`);
    } else process.stdout.write(csv);
    break;
  }
  case 'channels': {
    const { channels, routes } = await answer<{
      channels: { name: string; problem?: string }[];
      routes?: { route: string; channels: string[] }[];
    }>(await call('/channels'), (b) => Array.isArray(b.channels));
    for (const ch of channels) console.log(`${ch.name.padEnd(14)} ${ch.problem ? `cannot send: ${ch.problem}` : 'ok'}`);
    for (const r of routes ?? [])
      console.log(`route ${r.route}: names ${r.channels.join(', ')}, not set up here; its leads' deliveries through it fail`);
    // Not a fault (the local default), but on a live site nobody would hear of a lead.
    if (channels.every((ch) => ch.name === 'outbox'))
      console.log(
        'only outbox: leads are stored and shown in the inbox, but no one is notified; set up a channel (README, Notifications)',
      );
    const broken = channels.filter((ch) => ch.problem).length + (routes?.length ?? 0);
    if (broken) fail(`${broken} problem(s) above: leads are stored, but their notifications through those channels fail.`, 1);
    break;
  }
  case 'retry': {
    if (!arg) fail('retry needs a delivery id (see: npm run leads -- show <reference>).');
    const { delivery } = await answer<{ delivery: Lead }>(
      await call(`/deliveries/${encodeURIComponent(arg)}/retry`, { method: 'POST' }),
      (b) => !!b.delivery?.id,
    );
    console.log(`delivery ${delivery.id} (${delivery.channel}) queued again; status ${delivery.status}`);
    break;
  }
  case 'forget': {
    const phone = args.join(' ').trim();
    if (!phone) fail('forget needs the phone number.');
    // A deletion the law asks for: said done only when the API says how many it deleted.
    const { deleted, warning } = await answer<{ deleted: number; warning?: string }>(
      await call('/customers', {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone }),
      }),
      (b) => Number.isInteger(b.deleted),
    );
    console.log(`Deleted ${deleted} lead(s) of that phone number from ${base}.`);
    if (warning) console.warn(`Warning: ${warning}`);
    break;
  }
  default:
    fail(`unknown command "${command}".\n${USAGE}`);
}
