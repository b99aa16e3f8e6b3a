// The search index kept between builds (scripts/search-index.ts): the same records reuse the last
// build's index, whole and unchanged; other records (a coverage edit) are indexed afresh.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cachedAt, writeIndex } from '../../scripts/search-index.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';

const root = mkdtempSync(join(tmpdir(), 'baoxiu-search-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const record = (url: string, content: string): SearchRecord => ({
  url,
  content,
  meta: { title: content.split(' ')[0], covered: '1' },
  filters: { province: ['湖南省'] },
});
const records = [record('/hunan/xiangxi/jishou/', '乾州街道 吉首市 jishoushi'), record('/hunan/changsha/', '长沙市 changshashi')];

/** Every file of an index, path → bytes. */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );

it('reuses the last build’s index for the same records, and writes a new one when they change', async () => {
  const cache = join(root, 'cache');
  const kept = cachedAt(records, cache, process.cwd())!;
  expect(kept).toBeDefined();

  expect(await writeIndex(records, join(root, 'first'), kept)).toMatch(/^2 records in \d+ ms$/);
  expect(existsSync(join(kept, 'pagefind-entry.json'))).toBe(true);

  expect(await writeIndex(records, join(root, 'second'), kept)).toMatch(/^2 records, unchanged: the last build's index/);
  const first = files(join(root, 'first'));
  expect(Object.keys(first).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  expect(files(join(root, 'second'))).toEqual(first);

  // A coverage edit changes a record: another key, a fresh index, and only that one kept.
  const changed = [...records.slice(0, 1), record('/hunan/changsha/', '长沙市 changshashi 坚匣')];
  const next = cachedAt(changed, cache, process.cwd())!;
  expect(next).not.toBe(kept);
  expect(await writeIndex(changed, join(root, 'third'), next)).toMatch(/^2 records in \d+ ms$/);
  expect(readdirSync(cache)).toEqual([next.slice(cache.length + 1)]);
});

it('writes the index even when the cache cannot be written', async () => {
  const blocked = join(root, 'a-file');
  writeFileSync(blocked, '');
  const kept = cachedAt(records, join(blocked, 'search-index'), process.cwd())!;
  expect(await writeIndex(records, join(root, 'blocked'), kept)).toMatch(/^2 records in \d+ ms$/);
  expect(existsSync(join(root, 'blocked', 'pagefind-entry.json'))).toBe(true);
});

it('always indexes afresh when it cannot tell Pagefind’s version', () => {
  expect(cachedAt(records, join(root, 'cache'), join(root, 'no-project'))).toBeUndefined();
});
