// npm run baidu:push against a local stand-in of Baidu's URL push API that checks each request as
// Baidu documents it: POST /urls?site=<site>&token=<token>, text/plain, one URL of the site per line,
// at most 2,000; answers {success, remain, not_same_site, not_valid} or {error, message}.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitemaps } from '../../src/lib/sitemap.ts';

const SITE = 'https://baoxiu.example.com';
const dir = mkdtempSync(join(tmpdir(), 'baoxiu-baidu-'));
const sitemap = (n: number) => {
  const file = join(dir, `sitemap-${n}.xml`);
  const urls = Array.from({ length: n }, (_, i) => `<url><loc>${SITE}/p${i}/</loc></url>`).join('');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
  );
  return file;
};

let server: Server;
let endpoint = '';
let quota = 0;
/** The first this many URLs of a request are answered as not valid. */
let invalid = 0;
const received: string[][] = [];
const problems: string[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url!, 'http://x');
    const answer = (status: number, json: object) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (req.method !== 'POST' || url.pathname !== '/urls') problems.push(`${req.method} ${url.pathname}`);
    if (req.headers['content-type'] !== 'text/plain') problems.push(`content-type ${req.headers['content-type']}`);
    if (url.searchParams.get('site') !== SITE) problems.push(`site ${url.searchParams.get('site')}`);
    if (url.searchParams.get('token') !== 'good-token') return answer(401, { error: 401, message: 'token is not valid' });
    const lines = body.split('\n');
    if (lines.length > 2000) problems.push(`${lines.length} URLs in one request`);
    if (lines.some((l) => !l.startsWith(`${SITE}/`))) problems.push('a line that is not a URL of the site');
    if (quota <= 0) return answer(400, { error: 400, message: 'over quota' });
    const notValid = lines.slice(0, invalid);
    const success = Math.min(quota, lines.length - notValid.length);
    quota -= success;
    received.push(lines.slice(notValid.length, notValid.length + success));
    answer(200, { success, remain: quota, not_same_site: [], not_valid: notValid });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/urls`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const push = (args: string[], token?: string) =>
  promisify(execFile)('node', ['scripts/baidu-push.ts', ...args], {
    env: { ...process.env, BAIDU_PUSH_ENDPOINT: endpoint, ...(token ? { BAIDU_PUSH_TOKEN: token } : {}) },
  }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (err) => ({ code: err.code as number, out: `${err.stdout}${err.stderr}` }),
  );

describe('npm run baidu:push', () => {
  it("pushes every page of the sitemap in batches of at most 2,000, as Baidu's API wants them", async () => {
    quota = 10_000;
    received.length = 0;
    const { code, out } = await push(['--sitemap', sitemap(2500)], 'good-token');
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    expect(received.map((b) => b.length)).toEqual([2000, 500]);
    expect(received.flat()[2499]).toBe(`${SITE}/p2499/`);
    expect(out).toContain('Done: 2500 of 2500 pages pushed.');
  });

  it("stops at the day's quota and says how many pages wait", async () => {
    quota = 2000;
    const { code, out } = await push(['--sitemap', sitemap(2500)], 'good-token');
    expect(code).toBe(0);
    expect(out).toContain('500 pages wait for tomorrow');
    expect(out).toContain('Done: 2000 of 2500 pages pushed.');
  });

  it('counts as waiting the rest of a batch the quota cut short, not the pages Baidu refused', async () => {
    quota = 1500;
    invalid = 10;
    const { code, out } = await push(['--sitemap', sitemap(2500)], 'good-token');
    invalid = 0;
    expect(code).toBe(0);
    // 2,000 sent: 10 refused, 1,500 taken; 490 of that batch and the 500 after it wait.
    expect(out).toContain('990 pages wait for tomorrow');
    expect(out).toContain('Done: 1500 of 2500 pages pushed.');
  });

  it('fails with a clear message for a refused token, a missing token or a missing sitemap', async () => {
    quota = 10;
    expect(await push(['--sitemap', sitemap(3)], 'bad-token')).toMatchObject({
      code: 1,
      out: expect.stringContaining('Baidu refused the push: 401 token is not valid'),
    });
    expect(await push(['--sitemap', sitemap(3)])).toMatchObject({
      code: 1,
      out: expect.stringContaining('BAIDU_PUSH_TOKEN is not set'),
    });
    expect(await push(['--sitemap', join(dir, 'none.xml')], 'good-token')).toMatchObject({
      code: 1,
      out: expect.stringContaining('build the site first'),
    });
  });

  it("reads a sitemap index's parts, beside it, and unescapes their addresses", async () => {
    const parts = join(dir, 'index');
    mkdirSync(parts, { recursive: true });
    const pages = [`${SITE}/p0/`, `${SITE}/a&b/`, `${SITE}/p2/`];
    for (const [path, xml] of sitemaps(pages, SITE, 2)) writeFileSync(join(parts, path), xml);
    const { code, out } = await push(['--sitemap', join(parts, 'sitemap.xml'), '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain(`Would push 3 of 3 pages of ${SITE}:\n${pages.join('\n')}`);
  });

  it('--dry-run lists what it would push and sends nothing', async () => {
    received.length = 0;
    const { code, out } = await push(['--sitemap', sitemap(3), '--dry-run', '--limit', '2']);
    expect(code).toBe(0);
    expect(out).toContain(`Would push 2 of 3 pages of ${SITE}`);
    expect(received).toEqual([]);
  });
});
