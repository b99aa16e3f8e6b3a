// site.yaml's loader: a YAML mistake fails the build saying where, not a debug line and an old store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteLoader } from '../../src/lib/site-loader.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

async function load(text: string) {
  dir = mkdtempSync(join(tmpdir(), 'baoxiu-site-'));
  const file = join(dir, 'site.yaml');
  writeFileSync(file, text);
  const entries: { id: string; data: unknown }[] = [];
  let cleared = 0;
  const store = { clear: () => void cleared++, set: (e: { id: string; data: unknown }) => void entries.push(e) };
  const parseData = async ({ data }: { data: unknown }) => data;
  await siteLoader(file).load({ store, parseData } as never);
  return { file, entries, cleared };
}

describe("site.yaml's loader", () => {
  it('reads one entry per top-level key', async () => {
    const { entries } = await load('operator:\n  displayName: 安家修\n  hotline: 400-000-0000\n');
    expect(entries).toEqual([{ id: 'operator', data: { displayName: '安家修', hotline: '400-000-0000' } }]);
  });

  it('fails on a YAML mistake, naming the file, the line and the column', async () => {
    const bad = load('operator:\n  displayName: 安家修\n   hotline: 400-000-0000\n');
    await expect(bad).rejects.toThrow(/site\.yaml is not valid YAML: .*at line 2, column 16/s);
  });
});
