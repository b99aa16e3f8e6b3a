// The whole-country build's page titles: every page its own, though 64 county-level units share 28
// names (鼓楼区 ×4, 朝阳区, 西湖区, 城区 ×3…): a search engine shows two pages of one title as duplicates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, out } from './ask.ts';

beforeAll(built, 180_000);

describe('the whole-country pages', () => {
  it('have a title each, and a heading each: a shared name with its prefecture in front', () => {
    const titles = new Map<string, string[]>();
    const headings = new Map<string, string[]>();
    for (const file of readdirSync(out(), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('index.html') || !/^[a-z]/.test(file) || /^(brands|regions|progress|thanks|privacy)\//.test(file))
        continue;
      const html = readFileSync(join(out(), file), 'utf8');
      const add = (map: Map<string, string[]>, key: string) => map.set(key, [...(map.get(key) ?? []), file]);
      add(titles, /<title>([^<]*)<\/title>/.exec(html)![1]);
      add(headings, /<h1>([^<]*)<\/h1>/.exec(html)![1]);
    }
    expect(titles.size).toBeGreaterThan(3000);
    expect([...titles].filter(([, files]) => files.length > 1)).toEqual([]);
    expect([...headings].filter(([, files]) => files.length > 1)).toEqual([]);
    expect(headings.get('杭州市西湖区上门维修')).toEqual(['zhejiang/hangzhou/xihu/index.html']);
  });
});
