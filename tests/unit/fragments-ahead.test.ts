// The covered places' fragments, bundled by the build (scripts/covered-fragments.ts) and answered by
// the search worker's fetch once fetched ahead (src/scripts/fragments-ahead.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUDGET, writeCoveredFragments } from '../../scripts/covered-fragments.ts';
import { PREFECTURES, PROVINCES, SIGNATURE } from '../../src/contract/covered-fragments.ts';
import { writeIndex } from '../../scripts/search-index.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import { fetchAhead, fetchingAhead } from '../../src/scripts/fragments-ahead.ts';
import type { Hit, Place } from '../../src/scripts/search-hits.ts';

const root = mkdtempSync(join(tmpdir(), 'baoxiu-covered-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const record = (url: string, title: string, meta: Pick<Place, 'covered' | 'code'>): SearchRecord => ({
  url,
  content: `${title} ${title}ϙ`,
  meta: { title, ...meta },
  filters: {},
});
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** A fragment file as Pagefind reads it. */
const fragmentOf = (index: string, name: string) =>
  JSON.parse(
    gunzipSync(readFileSync(join(index, 'fragment', `${name}.pf_fragment`)))
      .toString('utf8')
      .slice(SIGNATURE.length),
  );

describe('the bundles the build writes', () => {
  it('holds every covered place’s fragment file in the site’s bundle when they weigh little, as Pagefind wrote it', async () => {
    const index = join(root, 'pagefind');
    await writeIndex(
      [
        record('/hunan/xiangxi/jishou/', '吉首市', { covered: '1', code: '433101' }),
        record('/hunan/changsha/', '长沙市', { covered: '1', code: '4301' }),
        record('/guangdong/dongguan/humen/', '虎门镇', { covered: '1', code: '441900121' }),
        record('/regions/?county=430181', '浏阳市', { covered: '0', code: '430181' }), // nobody covers it
        record('/brands/jianxia/', '坚匣', { covered: '1' }), // a brand: no place
      ],
      index,
      undefined,
    );
    expect(readdirSync(join(index, 'covered'))).toEqual(['site.json']);
    const site = json(join(index, 'covered', 'site.json'));
    expect(
      Object.values(site)
        .map((f) => (f as { url: string }).url)
        .sort(),
    ).toEqual(['/guangdong/dongguan/humen/', '/hunan/changsha/', '/hunan/xiangxi/jishou/']);
    for (const [name, file] of Object.entries(site)) expect(file).toEqual(fragmentOf(index, name));
  });

  it('puts a group of fragments in the bundle with its covered places, whole', () => {
    const index = join(root, 'grouped');
    mkdirSync(join(index, 'fragment'), { recursive: true });
    const write = (name: string, file: object) =>
      writeFileSync(join(index, 'fragment', `${name}.pf_fragment`), gzipSync(SIGNATURE + JSON.stringify(file)));
    const group = {
      a: { url: '/hunan/changsha/', meta: { covered: '1', code: '4301' } },
      b: { url: '/guangdong/dongguan/', meta: { covered: '1', code: '4419' } },
      c: { url: '/regions/?county=460400', meta: { covered: '0', code: '460400' } },
    };
    write('und_group', group);
    write('und_hainan', { url: '/regions/?county=460300', meta: { covered: '0', code: '460300' } });
    writeCoveredFragments(index);
    expect(readdirSync(join(index, 'covered'))).toEqual(['site.json']);
    expect(json(join(index, 'covered', 'site.json'))).toEqual({ und_group: group });
  });

  it('bundles a province over the budget by prefecture, and lists them in its own file', () => {
    const index = join(root, 'heavy');
    mkdirSync(join(index, 'fragment'), { recursive: true });
    // Words that do not compress: two prefectures' records, together over the budget, each under it.
    const heavy = (code: string) => ({
      url: `/${code}/`,
      content: randomBytes(BUDGET * 0.4).toString('base64'),
      meta: { covered: '1', code },
    });
    const files = {
      und_chengdu: heavy('510104'),
      und_liangshan: heavy('513401'),
      und_yibin: heavy('511502'),
      und_humen: { url: '/guangdong/dongguan/humen/', meta: { covered: '1', code: '441900121' } },
    };
    for (const [name, file] of Object.entries(files))
      writeFileSync(join(index, 'fragment', `${name}.pf_fragment`), gzipSync(SIGNATURE + JSON.stringify(file)));
    const written = writeCoveredFragments(index);
    // The site over the budget: its provinces, each in a bundle of its own under it.
    expect(json(join(index, 'covered', 'site.json'))).toEqual({ [PROVINCES]: expect.arrayContaining(['51', '44']) });
    expect(json(join(index, 'covered', '44.json'))).toEqual({ und_humen: files.und_humen });
    expect(json(join(index, 'covered', '51.json'))).toEqual({ [PREFECTURES]: expect.arrayContaining(['5101', '5134', '5115']) });
    expect(json(join(index, 'covered', '5134.json'))).toEqual({ und_liangshan: files.und_liangshan });
    expect(json(join(index, 'covered', '5101.json'))).toEqual({ und_chengdu: files.und_chengdu });
    expect(written.sort()).toEqual(['44', '51', '5101', '5115', '5134', 'site']);
    // Each under the budget as a CDN sends it (brotli at its on-the-fly level).
    for (const prefecture of ['5101', '5134', '5115'])
      expect(
        brotliCompressSync(readFileSync(join(index, 'covered', `${prefecture}.json`)), {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
        }).length,
      ).toBeLessThanOrEqual(BUDGET);
  });

  it('refuses a fragment file it cannot read as Pagefind 1.6 writes them', () => {
    const index = join(root, 'other');
    mkdirSync(join(index, 'fragment'), { recursive: true });
    writeFileSync(join(index, 'fragment', 'und_x.pf_fragment'), gzipSync('{"url":"/"}'));
    expect(() => writeCoveredFragments(index)).toThrow(/und_x\.pf_fragment is not a fragment file/);
  });
});

describe('the search worker’s fetch', () => {
  let server: Server;
  let base = '';
  const asked: string[] = [];
  /** Answers as the site would; the first request for 44 fails, as a dropped connection would. */
  let failFirst44 = true;
  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url!);
      if (req.url === '/pagefind/covered/44.json' && failFirst44) {
        failFirst44 = false;
        res.writeHead(503).end();
        return;
      }
      const bundles: Record<string, object> = {
        '/pagefind/covered/site.json': { provinces: ['43', '44', '51'] },
        '/pagefind/covered/43.json': { und_jishou: { url: '/hunan/xiangxi/jishou/', content: '吉首市', meta: {} } },
        '/pagefind/covered/44.json': { und_humen: { url: '/guangdong/dongguan/humen/', content: '虎门镇', meta: {} } },
        '/pagefind/covered/51.json': { prefectures: ['5101', '5134'] },
        '/pagefind/covered/5134.json': { und_xichang: { url: '/sichuan/liangshan/xichang/', content: '西昌市', meta: {} } },
        // A small site: every covered place in one bundle.
        '/small/pagefind/covered/site.json': {
          und_fenghuang: { url: '/hunan/xiangxi/fenghuang/', content: '凤凰县', meta: {} },
          und_shilong: { url: '/guangdong/dongguan/shilong/', content: '石龙镇', meta: {} },
        },
      };
      const bundle = bundles[req.url!];
      res.writeHead(bundle ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(bundle ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/pagefind/covered/`;
  });
  afterAll(() => server.close());

  const hit = (meta: Partial<Place>): Hit => ({ url: '/', meta: { title: '', covered: '1', ...meta } as Place });
  const network: string[] = [];
  const fetched = fetchingAhead(async (input) => {
    network.push(String(input));
    return new Response('from the network');
  });
  /** Until the bundles asked for since `from` are these (the machine may be slow), and then a little
   *  longer, for any asked for beyond them. */
  const askedFor = async (from: number, urls: string[]) => {
    await vi.waitFor(() => expect(asked.slice(from)).toEqual(urls), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked.slice(from)).toEqual(urls);
  };
  const body = async (name: string) => (await fetched(`https://site.example/pagefind/fragment/${name}.pf_fragment`)).text();

  it('answers a fragment file fetched ahead, and fetches every other', async () => {
    expect(await body('und_jishou')).toBe('from the network');
    fetchAhead([hit({ code: '433101' }), hit({ code: '430100' }), hit({ covered: '0', code: '460300' }), hit({})], base);
    // The site's list, then once a province; none for a place nobody covers.
    await askedFor(0, ['/pagefind/covered/site.json', '/pagefind/covered/43.json']);
    expect(await body('und_jishou')).toBe(`${SIGNATURE}{"url":"/hunan/xiangxi/jishou/","content":"吉首市","meta":{}}`);
    expect(await body('und_other')).toBe('from the network');
    expect(network).toEqual([
      'https://site.example/pagefind/fragment/und_jishou.pf_fragment',
      'https://site.example/pagefind/fragment/und_other.pf_fragment',
    ]);
  });

  it('fetches the bundle of the place’s prefecture where its province is bundled by prefecture', async () => {
    const before = asked.length;
    fetchAhead([hit({ code: '513401' }), hit({ code: '513402' })], base);
    await askedFor(before, ['/pagefind/covered/51.json', '/pagefind/covered/5134.json']);
    expect(await body('und_xichang')).toMatch(new RegExp(`^${SIGNATURE}{"url":"/sichuan/liangshan/xichang/"`));
    expect(await body('prefectures')).toBe('from the network'); // the list is not a fragment file
  });

  it('fetches the whole site’s bundle once, where it holds every covered place', async () => {
    const before = asked.length;
    const small = base.replace('/pagefind/', '/small/pagefind/');
    fetchAhead([hit({ code: '433123' })], small);
    await askedFor(before, ['/small/pagefind/covered/site.json']);
    fetchAhead([hit({ code: '441900110' })], small);
    await askedFor(before, ['/small/pagefind/covered/site.json']);
    // Another province than the search's: here already.
    expect(await body('und_shilong')).toMatch(new RegExp(`^${SIGNATURE}{"url":"/guangdong/dongguan/shilong/"`));
    expect(await body('und_fenghuang')).toMatch(new RegExp(`^${SIGNATURE}`));
  });

  it('asks again after a failed fetch, at the next search there', async () => {
    const before = asked.length;
    fetchAhead([hit({ code: '441900121' })], base);
    await askedFor(before, ['/pagefind/covered/44.json']); // failed
    expect(await body('und_humen')).toBe('from the network');
    // Asked again once the failure is in (each call before it, or after the retry, asks nothing).
    await vi.waitFor(
      () => {
        fetchAhead([hit({ code: '441900121' })], base);
        expect(asked.slice(before)).toHaveLength(2);
      },
      { timeout: 5000 },
    );
    await askedFor(before, ['/pagefind/covered/44.json', '/pagefind/covered/44.json']);
    await vi.waitFor(async () => expect(await body('und_humen')).toMatch(new RegExp(`^${SIGNATURE}`)), { timeout: 5000 });
  });
});
