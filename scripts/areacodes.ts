// yescallop/areacodes (CC0), read from a local git checkout: every code since 1981 with its
// successors and the approvals' text (codes.json). Shared by scripts/history-older.ts and
// scripts/history-codes.ts, which write tables of src/lib/ from it.
import { execFileSync } from 'node:child_process';

export const show = (repo: string, path: string) =>
  execFileSync('git', ['-C', repo, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

export interface Item {
  code: number;
  name: string;
  start: number;
  end?: number;
  succ?: { code: number; desc: number; time?: number }[];
  children?: Item[];
  parent?: Item;
}

export function readAreacodes(repo: string) {
  const { items, descriptions } = JSON.parse(show(repo, 'codes.json')) as {
    items: Item[];
    descriptions: Record<string, string[]>;
  };
  const all: Item[] = [];
  const walk = (list: Item[], parent?: Item) => {
    for (const item of list) {
      item.parent = parent;
      all.push(item);
      walk(item.children ?? [], item);
    }
  };
  walk(items);
  const byCode = new Map<number, Item[]>();
  for (const item of all) byCode.set(item.code, [...(byCode.get(item.code) ?? []), item]);

  /** The current divisions a record's area went to, following its successors to records still in use. */
  function finals(item: Item, seen = new Set<Item>()): Set<number> {
    if (!item.end) return new Set([item.code]);
    const out = new Set<number>();
    for (const s of item.succ ?? []) {
      if (s.time) continue; // a part moved while the record stayed in use
      const next = (byCode.get(s.code) ?? []).find((r) => r.start <= item.end! && (!r.end || r.end > item.end!));
      if (!next || seen.has(next)) continue;
      seen.add(next);
      for (const code of finals(next, seen)) out.add(code);
    }
    return out;
  }
  return { all, byCode, descriptions, finals };
}
