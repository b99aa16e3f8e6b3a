// Whole-country recall: the all-China fixture (every county-level unit covered, plus the towns of
// the county-less cities) is built, and every region and every town of China is searched as
// customers write it, through the site's own search code (src/scripts/search-core.ts) over the built
// Pagefind index, run in Node (./pagefind-node.ts): ~180,000 questions would take a browser half an
// hour. Misses are printed by kind.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerDirOf } from '../../scripts/worker-dir.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { townsByCounty, typedName } from '../../src/lib/towns.ts';
import { ALL, FIRST } from '../../src/scripts/search-core.ts';
import { pagefindIn, type NodeSearch } from './pagefind-node.ts';

let out: string;
let search: NodeSearch;
let pages: Record<string, { path: string }>;
const regions = new RegionIndex(buildRegions());
const towns = [...townsByCounty(regions).values()].flat();
/** Where a search for a place should lead: its page, or the "not covered yet" answer. */
const target = (code: string) => pages[code]?.path ?? `/regions/?uncovered=${code}`;
/** The province of a result, by its URL. */
const provinceOf = (url: string) => {
  const code = url.match(/uncovered=(\d+)/)?.[1] ?? Object.entries(pages).find(([, p]) => p.path === url)?.[0];
  return code ? regions.lineage(code)[0].name : undefined;
};

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-all-china-'));
  out = join(root, 'dist');
  await promisify(execFile)('npm', ['run', 'build'], {
    env: {
      ...process.env,
      BAOXIU_CONTENT_DIR: 'tests/fixtures/all-china',
      BAOXIU_OUT_DIR: out,
      BAOXIU_CACHE_DIR: join(root, 'cache'),
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  pages = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')).regions;
  search = await pagefindIn(out);
}, 180_000);

afterAll(async () => {
  await search?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  if (out) rmSync(workerDirOf(out), { recursive: true, force: true });
});

interface Ask {
  q: string;
  /** Passes when the answer's results pass this. */
  ok: (urls: string[], towns: (string | undefined)[]) => boolean;
  what: string;
  filters?: Record<string, string>;
  all?: boolean;
}

/** Asks in query order (neighbouring questions share Pagefind's index chunks), starting afresh every
 *  few hundred questions; answers the misses by kind. */
async function ask(asks: Map<string, Ask[]>): Promise<Map<string, string[]>> {
  const flat = [...asks].flatMap(([kind, list]) => list.map((a) => ({ kind, ...a })));
  flat.sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
  const misses = new Map([...asks.keys()].map((k) => [k, [] as string[]]));
  const started = performance.now();
  for (let i = 0; i < flat.length; i++) {
    if (i % 500 === 0) await search.reset();
    const a = flat[i];
    const found = await search.search(a.q, a.filters, a.all ? ALL : FIRST);
    const urls = found.results.map((r) => r.url);
    if (
      !a.ok(
        urls,
        found.results.map((r) => r.town),
      )
    )
      misses
        .get(a.kind)!
        .push(`${a.q} (${a.what}) → ${urls.slice(0, 3).join(', ') || 'nothing'}${a.all ? ` (${urls.length})` : ''}`);
  }
  const ms = performance.now() - started;
  console.log(`${flat.length} questions in ${Math.round(ms / 1000)} s (${(ms / flat.length).toFixed(2)} ms each)`);
  for (const [kind, list] of asks) {
    const missed = misses.get(kind)!;
    const pct = (100 * (list.length - missed.length)) / list.length;
    console.log(
      `recall ${kind}: ${list.length - missed.length}/${list.length} (${pct.toFixed(2)}%), ${missed.length} missed` +
        (missed.length ? `:\n  ${missed.slice(0, 15).join('\n  ')}` : ''),
    );
  }
  return misses;
}

const rate = (misses: string[], of: Ask[]) => 1 - misses.length / of.length;

describe('the whole-country build', () => {
  it("stays under Cloudflare's 20,000 static-asset files", () => {
    const count = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
    const files = count(out);
    console.log(`all-China build: ${files} files`);
    expect(files).toBeLessThan(20_000);
  });
});

describe('search recall over the whole country', () => {
  it('finds every region in the top three by full name, short name and pinyin', async () => {
    // A name shared by more than three regions (朝阳区 ×2, 朝阳市, 朝阳县…) cannot put them all in the
    // top three: those count as found when they are in the top n of their n namesakes.
    const kinds = new Map<string, Ask[]>([
      ['region full', []],
      ['region short', []],
      ['region pinyin', []],
    ]);
    const namesakes = new Map<string, number>();
    const add = (kind: string, q: string, code: string) => {
      kinds.get(kind)!.push({ q, what: `${code} ${target(code)}`, ok: () => true });
      namesakes.set(`${kind}:${q}`, (namesakes.get(`${kind}:${q}`) ?? 0) + 1);
    };
    for (const r of regions.byCode.values()) {
      add('region full', r.name, r.code);
      if (r.shortName !== r.name && r.shortName.length >= 2) add('region short', r.shortName, r.code);
      add('region pinyin', pinyinSlug(r.name), r.code);
    }
    for (const [kind, list] of kinds) {
      for (const a of list) {
        const url = a.what.split(' ')[1];
        const top = Math.max(3, namesakes.get(`${kind}:${a.q}`)!);
        a.all = top > 3;
        a.ok = (urls) => urls.slice(0, top).includes(url);
      }
    }
    const misses = await ask(kinds);
    expect(regions.byCode.size).toBeGreaterThan(3400);
    for (const list of misses.values()) expect(list).toEqual([]);
  }, 600_000);

  it('finds every town of China as customers write it', async () => {
    // Everything a town's name may also name: towns of counties (their county's page), the towns of
    // the county-less cities and other regions (their own page: 三乡镇 is in 中山 and in 宜阳县).
    interface Place {
      url: string;
      town?: string;
    }
    const byName = new Map<string, Place[]>();
    const add = (name: string, place: Place) => byName.set(name, [...(byName.get(name) ?? []), place]);
    for (const t of towns) {
      // A town named as its county (西藏文化旅游创意园区, 金门县) is found as the county itself.
      if (typedName(t.name) !== regions.get(t.county)!.name)
        add(typedName(t.name), { url: target(t.county), town: typedName(t.name) });
    }
    const townNames = new Set(byName.keys());
    for (const r of regions.byCode.values()) if (townNames.has(r.name)) add(r.name, { url: target(r.code) });

    const kinds = new Map<string, Ask[]>([
      ['town, unique name: its page first', []],
      ['town, shared name: every place listed', []],
      ['town, shared name within a province', []],
      ['county + town: its county first', []],
      ['prefecture + town: its county first', []],
      ['county or prefecture + town, shared there: every county listed', []],
    ]);
    const isPlace = (p: Place) => (url: string, named: string | undefined) => url === p.url && named === p.town;
    const first = (p: Place) => (urls: string[], named: (string | undefined)[]) => isPlace(p)(urls[0], named[0]);
    const every = (list: Place[]) => (urls: string[], named: (string | undefined)[]) =>
      list.every((p) => urls.some((u, i) => isPlace(p)(u, named[i])));
    for (const [name, list] of byName) {
      if (list.length === 1) {
        kinds.get('town, unique name: its page first')!.push({ q: name, what: list[0].url, ok: first(list[0]) });
        continue;
      }
      kinds
        .get('town, shared name: every place listed')!
        .push({ q: name, what: `${list.length} places`, ok: every(list), all: true });
      // The province filter narrows a name that several provinces share.
      const province = provinceOf(list[0].url)!;
      const inProvince = list.filter((p) => provinceOf(p.url) === province);
      if (inProvince.length === list.length) continue;
      kinds.get('town, shared name within a province')!.push({
        q: name,
        what: `${inProvince.length} of ${list.length} in ${province}`,
        filters: { province },
        all: true,
        ok: (urls, named) => urls.every((u) => provinceOf(u) === province) && every(inProvince)(urls, named),
      });
    }
    // 吉首市乾州街道 and 湘西乾州街道; where that names several towns (三门峡城关镇: 卢氏县 and 灵宝市), all.
    const written = new Map<string, { kind: string; places: Place[] }>();
    for (const t of towns) {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      const parent = regions.get(county.parent!)!;
      const place = { url: target(t.county), town: name };
      for (const [kind, q] of [
        ['county + town: its county first', county.name + name],
        ['prefecture + town: its county first', parent.shortName + name],
      ]) {
        const key = `${kind}:${q}`;
        written.set(key, { kind, places: [...(written.get(key)?.places ?? []), place] });
      }
    }
    for (const [key, { kind, places }] of written) {
      const q = key.slice(kind.length + 1);
      if (places.length === 1) kinds.get(kind)!.push({ q, what: places[0].url, ok: first(places[0]) });
      else
        kinds
          .get('county or prefecture + town, shared there: every county listed')!
          .push({ q, what: `${places.length} counties`, ok: every(places), all: true });
    }
    const misses = await ask(kinds);
    expect(towns.length).toBeGreaterThan(40_000);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    expect(misses.get('town, shared name: every place listed')).toEqual([]);
  }, 1_200_000);
});
