// npm run leads against a stand-in server: what it does with answers that are not the admin API's
// (a proxy's sign-in page, another site at --url), and an export of more leads than one page. The
// real API, through the running site: tests/browser/leads-cli.browser.ts.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';

let server: Server | undefined;
type Answer = { type: string; body: string; headers?: Record<string, string> };
afterEach(() => void server?.close());

/** A server answering each request with `answer`, on a free port. */
async function standIn(answer: (url: URL) => Answer) {
  server = createServer((req, res) => {
    const { type, body, headers } = answer(new URL(req.url ?? '/', 'http://x'));
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function leads(url: string, ...args: string[]) {
  return leadsIn(process.env.INIT_CWD, url, ...args);
}
/** As `npm run leads` typed in the folder `cwd` (npm says where in INIT_CWD). */
async function leadsIn(cwd: string | undefined, url: string, ...args: string[]) {
  try {
    const env = { ...process.env, INIT_CWD: cwd };
    const { stdout, stderr } = await promisify(execFile)('node', ['scripts/leads.ts', ...args, '--url', url, '--token', 't'], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
  }
}

describe('npm run leads', () => {
  it('says an answer is not the admin API, in English, rather than reading it (never "Deleted undefined")', async () => {
    const url = await standIn(() => ({ type: 'text/html', body: '<html>请登录</html>' }));
    for (const args of [['list'], ['retry', 'd1'], ['forget', '13800001234'], ['export', '--csv']]) {
      const { code, stderr, stdout } = await leads(url, ...args);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toMatch(/^leads: http:\/\/127\.0\.0\.1:\d+ did not answer (as the admin API does|with CSV)/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe('');
    }
    const json = await standIn(() => ({ type: 'application/json', body: '{}' }));
    expect((await leads(json, 'forget', '13800001234')).stderr).toMatch(/did not answer as the admin API does/);
  });

  it('says so in English when the connection drops halfway through an answer, never a stack trace', async () => {
    server = createServer((req, res) => {
      const csv = req.url?.includes('format=csv');
      // Headers and a part of the body, then the connection cut.
      res.writeHead(200, { 'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json', 'content-length': '1000' });
      res.write(csv ? '\ufeff单号,时间\r\n' : '{"leads":[');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    for (const args of [['list'], ['export', '--csv']]) {
      const { code, stderr, stdout } = await leads(url, ...args);
      expect([code, stdout], args.join(' ')).toEqual([1, '']);
      expect(stderr, args.join(' ')).toMatch(
        /^leads: http:\/\/127\.0\.0\.1:\d+ stopped answering halfway \(.*\): try again\.\n$/,
      );
    }
  });

  it("reads a local site's token from .dev.vars as wrangler does: quoted, with a comment after it", async () => {
    let sent = '';
    server = createServer((req, res) => {
      sent = req.headers.authorization ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"leads":[]}');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'baoxiu-leads-cli-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, '.dev.vars'), "ADMIN_TOKEN='s3cret' # local\n");
    const { ADMIN_TOKEN: _set, ...env } = process.env;
    // Also when ADMIN_TOKEN is set but empty (a blank line of .env): it counts as unset.
    for (const token of [{}, { ADMIN_TOKEN: '' }]) {
      sent = '';
      await promisify(execFile)('node', [join(process.cwd(), 'scripts/leads.ts'), 'list', '--url', `http://127.0.0.1:${port}`], {
        cwd: dir,
        env: { ...env, ...token },
      });
      expect(sent, JSON.stringify(token)).toBe('Bearer s3cret');
    }
  });

  it('prints its usage on stdout when asked (--help), on stderr with a non-zero exit when used wrongly', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)('node', ['scripts/leads.ts', ...args]).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (err) => ({ code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string }),
      );
    for (const asked of ['--help', '-h']) {
      const help = await run(asked);
      expect([help.code, help.stderr]).toEqual([0, '']);
      expect(help.stdout).toMatch(/^usage: npm run leads/);
    }
    // A name of two words unquoted: said, not the first word added.
    const split = await run('users', 'add', '张', '师傅', '--url', 'https://example.com', '--token', 't');
    expect([split.code, split.stderr]).toEqual([
      2,
      expect.stringContaining('users add takes one name: write "张 师傅" in quotes'),
    ]);
    // An address without its scheme is said so, before anything is asked of it.
    const bare = await run('list', '--url', '127.0.0.1:9', '--token', 't');
    expect([bare.code, bare.stderr]).toEqual([2, expect.stringMatching(/^leads: --url 127\.0\.0\.1:9 is not a web address/)]);
    // A site elsewhere that cannot be reached: not the local server's hint.
    const away = await run('list', '--url', 'https://baoxiu.invalid', '--token', 't');
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(/^leads: cannot reach https:\/\/baoxiu\.invalid: .*Check --url/);
    expect(away.stderr).not.toContain('npm start');
    const wrong = await run();
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/usage: npm run leads/);
    // Said before the token is looked for, and a token no header can carry said as such.
    const mistyped = await run('lsit', '--url', 'https://example.com');
    expect([mistyped.code, mistyped.stderr]).toEqual([2, expect.stringMatching(/^leads: unknown command "lsit"/)]);
    const accented = await run('list', '--url', 'https://example.com', '--token', 'tökén-0123456789012345');
    expect([accented.code, accented.stderr]).toEqual([
      2,
      expect.stringContaining('the admin token has a character no HTTP header can carry'),
    ]);
  });

  it('says a list is the newest page when there are more, and refuses a --limit the API would not take as written', async () => {
    const lead = { reference: 'BX-261204-000001', created_at: '2026-12-04T08:00:00.000Z', status: 'new', name: '冯先生' };
    const url = await standIn(() => ({ type: 'application/json', body: JSON.stringify({ ok: true, leads: [lead], next: 'x' }) }));
    const { code, stdout } = await leads(url, 'list', '--limit', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('the newest 1 leads; there are more (--limit up to 1000, or export --csv for all)');
    // Its time as the reference gives it: Beijing's.
    expect(stdout).toMatch(/^BX-261204-000001 {2}2026-12-04 16:00\+08 {2}new {2}冯先生/m);
    for (const limit of ['abc', '0', '5000', '1.5']) {
      const wrong = await leads(url, 'list', '--limit', limit);
      expect([wrong.code, wrong.stderr], limit).toEqual([
        2,
        `leads: --limit must be a whole number from 1 to 1000, not "${limit}".\n`,
      ]);
    }
  });

  it('ends quietly when what it writes to stops reading (export --csv | head -1)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `BX-${i},${'说明'.repeat(20)}\r\n`).join('');
    const url = await standIn(() => ({
      type: 'text/csv; charset=utf-8',
      body: `\ufeff单号,说明\r\n${rows}`,
      headers: { 'x-leads': '20000' },
    }));
    const { stdout, stderr } = await promisify(execFile)('bash', [
      '-c',
      `set -o pipefail; node scripts/leads.ts export --csv --url ${url} --token t | head -c 100 >/dev/null; echo "exit $?"`,
    ]);
    expect([stdout, stderr]).toEqual(['exit 0\n', '']);
  });

  it('exports every lead, page after page, as one CSV with one header and one byte-order mark', async () => {
    const header = '\ufeff单号,时间\r\n';
    const url = await standIn((u): Answer =>
      u.searchParams.get('before')
        ? { type: 'text/csv; charset=utf-8', body: `${header}BX-2,"两行\r\n说明"\r\n`, headers: { 'x-leads': '1' } }
        : {
            type: 'text/csv; charset=utf-8',
            body: `${header}BX-1,a\r\n`,
            headers: { 'x-leads': '1', 'x-next-before': '2026-01-01T00:00:00.000Z_x' },
          },
    );
    const tmp = mkdtempSync(join(tmpdir(), 'baoxiu-export-'));
    onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
    const out = join(tmp, 'leads.csv');
    const { code, stderr } = await leads(url, 'export', '--csv', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toContain(': 2 leads');
    expect(readFileSync(out, 'utf8')).toBe(`${header}BX-1,a\r\nBX-2,"两行\r\n说明"\r\n`);
    // Written beside and renamed over: the folder holds the file, and no part of one.
    expect(readdirSync(tmp)).toEqual(['leads.csv']);
    const unwritable = await leads(url, 'export', '--csv', '--out', join(out, 'no', 'such'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^leads: cannot write /);
    // A name alone: in the folder where it was typed, not the project's (whose git would see it).
    const typedIn = join(tmp, 'exports');
    mkdirSync(typedIn);
    const relative = await leadsIn(typedIn, url, 'export', '--csv', '--out', 'mine.csv');
    expect(relative.code).toBe(0);
    expect(relative.stderr).toContain(`wrote ${join(typedIn, 'mine.csv')}: 2 leads`);
    expect(readdirSync(typedIn)).toEqual(['mine.csv']);
    expect(existsSync('mine.csv')).toBe(false);
  });
});
