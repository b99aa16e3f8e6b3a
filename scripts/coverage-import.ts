// npm run coverage:import -- --brand <slug> [--json] [--dry-run] [--allow-partial] <file|->
// Reads a pasted list of places, resolves each to a GB/T 2260 region (src/lib/resolve.ts), prints a
// report, and merges the result into the brand's coverage file. Nothing is written when an entry is
// ambiguous or unresolved, unless --allow-partial; nor with --dry-run, nor when nothing changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { buildRegions, RegionIndex } from '../src/lib/regions.ts';
import { Resolver, type Resolution } from '../src/lib/resolve.ts';
import { qualifies, splitEntries, written } from '../src/lib/written.ts';
import { keepSpacing, writeWhole } from './coverage-file.ts';

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

/** Where the import reads and says things: the process's own from the command line; a test's. */
export interface Io {
  env: Record<string, string | undefined>;
  /** Standard input, for the list `-`. */
  stdin: () => Buffer;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Ends the import with an exit code (what it says is said before). */
class Exit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/** The region tree and the resolver, built once a process (tests import many lists). */
let built: { regions: RegionIndex; resolver: Resolver } | undefined;
const shared = () => {
  const regions = built?.regions ?? new RegionIndex(buildRegions());
  return (built ??= { regions, resolver: new Resolver(regions) });
};

/** Runs the import as the command line does; answers its exit code: 0 done, 1 entries to fix
 *  (nothing written), 2 bad usage or a file it cannot read or write. */
export function coverageImport(argv: string[], io: Io): number {
  try {
    run(argv, io);
    return 0;
  } catch (err) {
    if (err instanceof Exit) return err.code;
    throw err;
  }
}

function run(argv: string[], io: Io) {
  // Typed where it is declared: a call to it then ends the flow for the type checker (args below).
  const fail: (message: string) => never = (message) => {
    io.err(`coverage:import: ${message}`);
    throw new Exit(2);
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
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
    io.out(HELP);
    return;
  }
  const { brand } = args.values;
  const source = args.positionals[0];
  if (!brand || !source || args.positionals.length > 1) fail(USAGE);

  const contentDir = io.env.BAOXIU_CONTENT_DIR ?? 'src/content';
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
  const listFile = source === '-' ? undefined : resolve(io.env.INIT_CWD ?? '.', source);
  let bytes: Buffer;
  try {
    bytes = listFile === undefined ? io.stdin() : readFileSync(listFile);
  } catch (err) {
    fail(`cannot read ${source}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    // Not read as UTF-8 with replacement characters: a list saved as GBK (Excel, Notepad) would read
    // as places no one can find.
    // UTF-16 with its byte-order mark: Notepad's "Unicode". Control characters are in no place's name.
    const utf16 =
      bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes).replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
  } catch {
    fail(`${source} is not UTF-8 text (a GBK file, as Excel or Notepad may save it?): save it as UTF-8, then import again.`);
  }
  const { regions, resolver } = shared();
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
        (r, i) =>
          (r.code ? fits(r.code) : !!r.candidates?.some((c) => fits(c.code))) ||
          // Not a place of its own elsewhere read as a town's name here (湛江 中山: 中山市, not 赤坎区's
          // 中山街道), unless written as a town (苏州 沙溪镇).
          (!((ok(r) || r.status === 'ambiguous') && !r.town && !/(镇|乡|街道)$/.test(naming[i])) &&
            resolver.names(naming[i], above)),
      );
    };
    return codes.every(below) ? words.join(' ') : undefined;
  };
  // A path with a word that names nothing (广东省 深圳市 保安区, a slip for 宝安区): one entry, unresolved
  // as a whole. Read apart, its places each above the next would be covered whole (all of 深圳市). Not
  // when what the last word may mean lies outside the place before it (广东 广州 深证: 深圳, a heading's).
  const pathWithSlip = (words: string[]): string | undefined => {
    const read = words.map((word) => resolver.resolve(word));
    const [last, placed] = [read.at(-1)!, read.slice(0, -1)];
    if (last.status !== 'unresolved' || placed.length < 2 || !placed.every(ok)) return undefined;
    const inside = (code: string, above: string) => regions.lineage(code).some((r) => r.code === above);
    if (!placed.every((r, i) => !i || inside(r.code!, placed[i - 1].code!))) return undefined;
    const meant = last.candidates ?? [];
    return !meant.length || meant.some((c) => inside(c.code, placed.at(-1)!.code!)) ? words.join(' ') : undefined;
  };
  // A province or prefecture heading places in it (北京 朝阳 海淀, 湖南省 凤凰县 泸溪县; 广东省 深圳市 南山区
  // 福田区, a heading in a heading): each read after it (朝阳 alone names six places), the heading not
  // covered whole. A word that names nothing is read after it too (深圳 福天: 福田区, of that sound).
  const underHeading = (words: string[]): string[] | undefined => {
    const [head, ...rest] = words;
    const above = resolver.resolve(head);
    if (!ok(above) || above.town || regions.get(above.code!)!.level === 'county' || rest.some(qualifies)) return undefined;
    if (rest.length > 2) {
      const second = oneOf([head, rest[0]]);
      const within = second && resolver.resolve(second);
      if (within && ok(within) && !within.town && regions.get(within.code!)!.level !== 'county') {
        const inner = underHeading([second, ...rest.slice(1)]);
        if (inner) return inner;
      }
    }
    // Each place in it, or a word that names nothing (a slip, said of that sound within the heading).
    const each = rest.map((word) => {
      const one = oneOf([head, word]);
      if (one) return { entry: one, placed: true };
      return resolver.resolve(word).status === 'unresolved' ? { entry: `${head} ${word}`, placed: false } : undefined;
    });
    return each.every(Boolean) && each.some((e) => e!.placed) ? each.map((e) => e!.entry) : undefined;
  };
  const entries = splitEntries(text, (words, piece) => {
    // A town whose own name has a separator in it (化学新材料产业园-沿江街道).
    const asWritten = resolver.resolve(piece);
    if (ok(asWritten) && asWritten.town && /[-·:>/]/.test(asWritten.town)) return piece;
    return oneOf(words) ?? oneOf([...words].reverse()) ?? pathWithSlip(words) ?? underHeading(words);
  });
  if (!entries.length) fail(`${source} holds no places.`);

  const results = entries.map((e) => resolver.resolve(e));
  // A place listed with places inside it (湖南省、吉首市; 湖南省 凤凰县 泸溪县, a heading on their line):
  // covering it would cover all of it, pages the operator hardly meant. Asked, never written.
  const insideOf = new Map<string, Resolution[]>();
  for (const r of results.filter(ok))
    for (const above of regions.lineage(r.code!).slice(0, -1)) insideOf.set(above.code, [...(insideOf.get(above.code) ?? []), r]);
  for (const r of results) {
    const inside = ok(r) ? (insideOf.get(r.code!) ?? []) : [];
    if (!inside.length) continue;
    const named = [...new Set(inside.map((o) => o.input))];
    Object.assign(r, {
      status: 'ambiguous',
      code: undefined,
      path: undefined,
      candidates: [{ code: r.code!, path: r.path! }],
      note: [
        r.note,
        `the list also names places inside it (${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}): ` +
          `leave ${r.input} out to cover only those, or list it without them to cover all of ${r.path}`,
      ]
        .filter(Boolean)
        .join('; '),
    });
  }

  // A county's name without its suffix that is also a town's where the list's other places are (西乡 in
  // a list of 深圳's streets: 宝安区's 西乡街道, not 陕西's 西乡县): read as the county, said.
  const prefectureOf = (code: string) => {
    const lineage = regions.lineage(code);
    return (lineage.find((r) => r.level === 'prefecture') ?? lineage[0]).code;
  };
  const provinceOf = (code: string) => regions.lineage(code)[0].code;
  for (const r of results) {
    if (!ok(r) || r.town) continue;
    const { text } = written(r.input);
    if (text !== regions.get(r.code!)!.shortName) continue;
    // Only when no other place of the list is in its province (芙蓉 among 长沙's and 常德's districts is
    // 芙蓉区, though 常德 has a 芙蓉街道).
    const others = results.filter((o) => o !== r && ok(o)).map((o) => o.code!);
    if (others.some((code) => provinceOf(code) === provinceOf(r.code!))) continue;
    const listed = new Set(others.map(prefectureOf));
    const towns = resolver.townsNamed(text).filter((t) => listed.has(prefectureOf(t.county)));
    if (!towns.length) continue;
    r.status = 'warning';
    r.note = [
      r.note,
      `read as ${r.path}; also ${towns.map((t) => t.path).join(', ')}, where the list's other places are: for that, write it with its county`,
    ]
      .filter(Boolean)
      .join('; ');
  }

  // The report: JSON on stdout with --json (the human report then goes to stderr).
  const say = args.values.json ? io.err : io.out;
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
    io.out(
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
    throw new Exit(1);
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
    fail(
      `${file} says brand: ${String(named)}, not ${brand}. Correct the file's brand (or the --brand given), then import again.`,
    );
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
    try {
      writeWhole(file, keepSpacing(doc.toString({ lineWidth: 0, flowCollectionPadding: false }), original), original);
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
    say(`${file}: ${summary}.`);
  } else say(`${file}: unchanged (${summary}).`);
  for (const line of inherited) say(`  ${line} (a town's entry: the whole place stays covered as before).`);
}

if (import.meta.main)
  process.exitCode = coverageImport(process.argv.slice(2), {
    env: process.env,
    stdin: () => readFileSync(0),
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
