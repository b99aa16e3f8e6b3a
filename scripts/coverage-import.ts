// npm run coverage:import -- --brand <slug> [--json] [--dry-run] [--allow-partial] <file|->
// Reads a pasted list of places, resolves each to a GB/T 2260 region (src/lib/resolve.ts), prints a
// report, and merges the result into the brand's coverage file. Nothing is written when an entry is
// ambiguous or unresolved, unless --allow-partial; nor with --dry-run, nor when nothing changes.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { buildRegions, RegionIndex } from '../src/lib/regions.ts';
import { Resolver, type Resolution } from '../src/lib/resolve.ts';
import { qualifies, splitEntries } from '../src/lib/written.ts';

const USAGE = 'usage: npm run coverage:import -- --brand <slug> [--json] [--dry-run] [--allow-partial] <file|->';
const HELP = `${USAGE}

Reads a list of places (a file, or - for standard input), one or more per line, separated by 、，,；;
or new lines; resolves each to a GB/T 2260 region and merges them into
src/content/coverage/<slug>.yaml.
  --brand <slug>     the brand whose coverage this is (src/content/brands/<slug>.md)
  --dry-run          report only; write nothing
  --allow-partial    write the places read even when others are ambiguous or unresolved
  --json             one JSON object per entry instead of the report
  -h, --help         this help`;

function fail(message: string): never {
  console.error(`coverage:import: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      brand: { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'allow-partial': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
if (args.values.help) {
  console.log(HELP);
  process.exit(0);
}
const { brand } = args.values;
const source = args.positionals[0];
if (!brand || !source || args.positionals.length > 1) fail(USAGE);

const contentDir = process.env.BAOXIU_CONTENT_DIR ?? 'src/content';
// A slug, as the build names brands by their file (../brands/jianxia would write beside them).
if (!/^[\p{L}\p{N}_-]+$/u.test(brand) || !existsSync(join(contentDir, 'brands', `${brand}.md`))) {
  const known = existsSync(join(contentDir, 'brands'))
    ? readdirSync(join(contentDir, 'brands')).map((f) => f.replace(/\.md$/, ''))
    : [];
  fail(
    `unknown brand "${brand}": there is no ${join(contentDir, 'brands', `${brand}.md`)}. Known brands: ${known.join(', ') || 'none'}.`,
  );
}

// A relative path as the operator wrote it, from where they ran `npm run` (npm runs this script
// from the project's root, and says where it was started in INIT_CWD).
const listFile = source === '-' ? 0 : resolve(process.env.INIT_CWD ?? '.', source);
let bytes: Buffer;
try {
  bytes = readFileSync(listFile);
} catch (err) {
  fail(`cannot read ${source}: ${(err as Error).message}`);
}
let text: string;
try {
  // Not read as UTF-8 with replacement characters: a list saved as GBK (Excel, Notepad) would read
  // as places no one can find.
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  fail(`${source} is not UTF-8 text (a GBK file, as Excel or Notepad may save it?): save it as UTF-8, then import again.`);
}
const regions = new RegionIndex(buildRegions());
const resolver = new Resolver(regions);
const ok = (r: Resolution) => r.status === 'resolved' || r.status === 'warning';
// Words are one place when together they name one below the first (广东省 广州市 黄埔区, as this report
// prints paths), or places of one name below it (湖南 长沙: 长沙市 or 长沙县, asked), either way round
// (吉首 湖南): read apart, 湖南 alone would cover the whole province. Each word must name the place or
// one above it: 湖南省 凤凰县 泸溪县 is three places, not 泸溪县 alone.
const oneOf = (words: string[]): string | undefined => {
  const whole = resolver.resolve(words.join(''));
  const codes = ok(whole) ? [whole.code!] : whole.status === 'ambiguous' ? (whole.candidates ?? []).map((c) => c.code) : [];
  if (!codes.length) return undefined;
  if (words.every((word) => /^[a-z]+$/i.test(word))) return words.join(' '); // spaced pinyin: ji shou
  // 枞阳县 - 全境: a word for how much of it names no place of its own.
  const naming = words.filter((word) => !qualifies(word));
  const named = naming.map((word) => resolver.resolve(word));
  // A path from its province may name the prefecture a county was in before it moved (安徽省 安庆市
  // 枞阳县, 四川 资阳 简阳: the resolver reads it, with a warning); two words (安庆 枞阳) may be two places.
  const path = named.length > 2 && !!named[0].code && regions.get(named[0].code)!.level === 'province';
  const below = (code: string) => {
    const lineage = regions.lineage(code);
    const above = new Set(lineage.map((r) => r.code));
    const fits = (at: string) =>
      above.has(at) ||
      (path && whole.status === 'warning' && regions.get(at)!.level === 'prefecture' && regions.lineage(at)[0] === lineage[0]);
    // A shared name (沙溪镇, 东城街道: more places than a resolution lists) fits by any place so named.
    return named.every(
      (r, i) => (r.code ? fits(r.code) : !!r.candidates?.some((c) => fits(c.code))) || resolver.names(naming[i], above),
    );
  };
  return codes.every(below) ? words.join(' ') : undefined;
};
const entries = splitEntries(text, (words, piece) => {
  // A town whose own name has a separator in it (化学新材料产业园-沿江街道).
  const asWritten = resolver.resolve(piece);
  if (ok(asWritten) && asWritten.town && /[-·:>/]/.test(asWritten.town)) return piece;
  return oneOf(words) ?? oneOf([...words].reverse());
});
if (!entries.length) fail(`${source} holds no places.`);

const results = entries.map((e) => resolver.resolve(e));
// A place listed with places inside it (湖南省、吉首市): covering it covers all of it — maybe not meant.
const insideOf = new Map<string, Resolution[]>();
for (const r of results.filter(ok))
  for (const above of regions.lineage(r.code!).slice(0, -1)) insideOf.set(above.code, [...(insideOf.get(above.code) ?? []), r]);
for (const r of results) {
  const inside = ok(r) ? (insideOf.get(r.code!) ?? []) : [];
  if (!inside.length) continue;
  r.status = 'warning';
  const named = [...new Set(inside.map((o) => o.input))];
  r.note = [
    r.note,
    `the list also names places inside it (${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}): all of ${r.path} is covered`,
  ]
    .filter(Boolean)
    .join('; ');
}

// The report: JSON on stdout with --json (the human report then goes to stderr).
const say = args.values.json ? console.error : console.log;
const LABEL = { resolved: 'ok', warning: 'WARNING', ambiguous: 'AMBIGUOUS', unresolved: 'UNRESOLVED' } as const;
for (const r of results) {
  say(`${LABEL[r.status].padEnd(10)} ${r.input}${r.code ? ` → ${r.code} ${r.path}` : ''}${r.note ? `  (${r.note})` : ''}`);
  for (const c of r.candidates ?? []) say(`           candidate ${c.code} ${c.path}`);
}
const count = (s: Resolution['status']) => results.filter((r) => r.status === s).length;
say(
  `\n${results.length} entries: ${count('resolved')} resolved, ${count('warning')} resolved with a warning, ` +
    `${count('ambiguous')} ambiguous, ${count('unresolved')} unresolved.`,
);
if (args.values.json) {
  console.log(
    JSON.stringify(
      results.map(({ input, status, code, path, note, town, candidates }) => ({
        input,
        status,
        code: code ?? null,
        path: path ?? null,
        note: note ?? null,
        ...(town ? { town } : {}),
        ...(candidates ? { candidates } : {}),
      })),
      null,
      2,
    ),
  );
}

const problems = count('ambiguous') + count('unresolved');
if (problems && !args.values['allow-partial']) {
  say('Nothing written: fix the ambiguous and unresolved entries (or pass --allow-partial to write the rest).');
  process.exit(1);
}

// Merge into the coverage file, keeping the operator's comments and order.
// The brand's coverage file as the build reads it (src/content.config.ts: .yaml, .yml or .json):
// writing a .yaml beside an existing one would leave the build two files of one brand, one dropped.
const existing = ['yaml', 'yml', 'json']
  .map((ext) => join(contentDir, 'coverage', `${brand}.${ext}`))
  .filter((f) => existsSync(f));
if (existing.length > 1) fail(`${existing.join(' and ')} both exist: the build keeps one of them. Merge them into one file.`);
if (existing[0]?.endsWith('.json'))
  fail(
    `${existing[0]} is JSON; coverage:import writes YAML (keeping comments). Rename it to ${brand}.yaml (JSON is YAML), then import again.`,
  );
const file = existing[0] ?? join(contentDir, 'coverage', `${brand}.yaml`);
const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
// The brand quoted: a slug of digits (360) would otherwise be read as a number.
const doc = parseDocument(original ?? `brand: ${JSON.stringify(brand)}\nregions:\n`);
if (doc.errors.length) fail(`${file} is not valid YAML: ${doc.errors[0].message}`);
if (!isMap(doc.contents)) fail(`${file} must be a mapping with brand and regions.`);
// A file copied from another brand's and not yet changed: its places would be that brand's.
const named = doc.get('brand');
if (original !== undefined && named !== undefined && String(named) !== brand)
  fail(`${file} says brand: ${String(named)}, not ${brand}. Correct the file's brand (or the --brand given), then import again.`);
let list = doc.get('regions');
if (list === undefined || list === null) {
  list = new YAMLSeq();
  doc.set('regions', list);
} else if (!isSeq(list)) {
  // An alias (regions: *base) or a mapping: replacing it would drop what it lists.
  fail(
    `${file}: regions must be a plain list (- code: "…"), not ${isMap(list) ? 'a mapping' : 'an alias or a value'}. Write it out as a list, then import again.`,
  );
}
const seq = list as YAMLSeq<YAMLMap>;
// One entry a line, as the README writes them (an empty list may have been written `regions: []`).
if (!seq.items.length) seq.flow = false;
// An entry written as a place name counts as its resolved code.
const codeOf = (item: YAMLMap) =>
  item.has('code') ? String(item.get('code')) : resolver.resolve(String(item.get('place'))).code;
const entryFor = (code: string) => seq.items.find((item) => isMap(item) && codeOf(item) === code);
const coveredBy = (code: string) =>
  regions
    .lineage(code)
    .map((r) => r.code)
    .find((c) => entryFor(c));

let added = 0;
let towns = 0;
let already = 0;
/** Entries made for a town under a place an entry covers: they take its details, or its county's
 *  pages would lose them (the build reads the nearest entry). */
const inherited: string[] = [];
for (const r of results) {
  if (!r.code || (r.status !== 'resolved' && r.status !== 'warning')) continue;
  let entry = entryFor(r.code);
  if (!r.town && (entry || coveredBy(r.code))) {
    already++;
    continue;
  }
  if (!entry) {
    entry = doc.createNode({ code: r.code }) as YAMLMap;
    const scalar = entry.get('code', true) as { type?: string };
    scalar.type = 'QUOTE_DOUBLE';
    entry.commentBefore = ` ${r.path}`;
    const cover = coveredBy(r.code);
    const details = ['note', 'responseTime', 'hours'].filter((k) => cover && entryFor(cover)!.has(k));
    for (const k of details) entry.set(k, entryFor(cover!)!.get(k));
    if (details.length) inherited.push(`${r.code} took ${details.join(', ')} from ${cover}'s entry`);
    seq.items.push(entry);
    added++;
  }
  if (r.town) {
    const existing = entry.get('towns', true);
    if (isSeq(existing)) {
      // Added to the list as written, its comments kept.
      if (!existing.items.some((t) => String(isScalar(t) ? t.value : t) === r.town)) {
        existing.items.push(doc.createNode(r.town));
        towns++;
      }
    } else {
      entry.set('towns', doc.createNode([r.town], { flow: true }));
      towns++;
    }
  }
}
const summary = `${added} regions added, ${towns} towns noted, ${already} already covered`;
if (args.values['dry-run']) say(`${file}: nothing written (--dry-run); it would have: ${summary}.`);
else if (added || towns) {
  write(file, keepSpacing(doc.toString({ lineWidth: 0, flowCollectionPadding: false }), original), original);
  say(`${file}: ${summary}.`);
} else say(`${file}: unchanged (${summary}).`);
for (const line of inherited) say(`  ${line} (a town's entry: the whole place stays covered as before).`);

/** The lines the import did not change as the operator wrote them: the yaml library writes one
 *  space before a comment, where the operator may have aligned them (- code: "433101"   # 吉首市). */
function keepSpacing(text: string, before: string | undefined): string {
  if (before === undefined) return text;
  const key = (line: string) => line.replace(/\s+#/, ' #').trimEnd();
  const lines = new Map<string, string[]>();
  for (const line of before.replace(/^\ufeff/, '').split(/\r?\n/)) lines.set(key(line), [...(lines.get(key(line)) ?? []), line]);
  return text
    .split('\n')
    .map((line) => lines.get(key(line))?.shift() ?? line)
    .join('\n');
}

/** Writes the merged file whole or not at all: into a file beside it, then renamed over it (a full
 *  disk or a kill midway leaves the old file), unless another run changed it meanwhile; its line
 *  ends, byte-order mark and permissions kept as they were. */
function write(path: string, text: string, before: string | undefined) {
  const bom = before?.startsWith('\ufeff') ? '\ufeff' : '';
  const crlf = before?.includes('\r\n');
  const body = bom + (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  const partial = `${path}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if ((existsSync(path) ? readFileSync(path, 'utf8') : undefined) !== before)
      fail(`${path} changed while importing (another import, or an editor): nothing written. Import again.`);
    const mode = before === undefined ? undefined : statSync(path).mode & 0o7777;
    // Renamed over, a read-only file would be replaced all the same (root, or a writable folder).
    if (mode !== undefined && !(mode & 0o222))
      fail(`${path} is read-only: nothing written. Make it writable, then import again.`);
    writeFileSync(partial, body);
    if (mode !== undefined) chmodSync(partial, mode);
    renameSync(partial, path);
  } catch (err) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // No folder to leave it in.
    }
    fail(`could not write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
