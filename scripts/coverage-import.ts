// npm run coverage:import -- --brand <slug> [--json] [--dry-run] [--allow-partial] <file|->
// Reads a pasted list of places, resolves each to a GB/T 2260 region (src/lib/resolve.ts), prints a
// report, and merges the result into the brand's coverage file. Nothing is written when an entry is
// ambiguous or unresolved, unless --allow-partial; nor with --dry-run, nor when nothing changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { buildRegions, RegionIndex } from '../src/lib/regions.ts';
import { ok, Resolver, type Resolution } from '../src/lib/resolve.ts';
import { keepSpacing, writeWhole } from './coverage-file.ts';
import { entriesOf } from './coverage-lines.ts';
import { labelOnly } from '../src/lib/written.ts';
import { checkList } from './coverage-list.ts';

const USAGE = 'usage: npm run coverage:import -- --brand <slug> [--json] [--dry-run] [--allow-partial] <file|->';
const HELP = (contentDir: string) => `${USAGE}

Reads a list of places (a file, or - for standard input) as pasted from a sheet or a chat: one or
more a line, separated by 、，,；; spaces or tabs (docs/coverage-import.md: every form it reads);
resolves each to a GB/T 2260 region and merges them into ${contentDir}/coverage/<slug>.yaml
(BAOXIU_CONTENT_DIR: another content folder).
  --brand <slug>     the brand whose coverage this is (${contentDir}/brands/<slug>.md)
  --dry-run          report only; write nothing
  --allow-partial    write the places read even when others are ambiguous or unresolved
                     (exit 0; the report lists those skipped)
  --json             one JSON object per entry instead of the report
  -h, --help         this help
Exit: 0 done, 1 entries to fix (nothing written), 2 bad usage or a file it cannot read or write.`;

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
  const contentDir = io.env.BAOXIU_CONTENT_DIR ?? 'src/content';
  if (args.values.help) {
    io.out(HELP(contentDir));
    return;
  }
  const { brand } = args.values;
  const source = args.positionals[0];
  if (!brand || !source || args.positionals.length > 1) fail(USAGE);

  // A slug, as the build names brands by their file (../brands/jianxia would write beside them).
  const slug = /^[\p{L}\p{N}_-]+$/u.test(brand);
  if (!slug || !existsSync(join(contentDir, 'brands', `${brand}.md`))) {
    const known = existsSync(join(contentDir, 'brands'))
      ? readdirSync(join(contentDir, 'brands')).map((f) => f.replace(/\.md$/, ''))
      : [];
    const why = slug
      ? `there is no ${join(contentDir, 'brands', `${brand}.md`)}`
      : "a brand is named by its slug, its file's name in brands/ without .md (not a path)";
    fail(`unknown brand "${brand}": ${why}. Known brands: ${known.join(', ') || 'none'}.`);
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
  const entries = entriesOf(text, resolver, regions);
  if (!entries.length) {
    const named = source === '-' ? 'standard input' : source;
    // A label alone (上海服务范围) heads the places after it: there were none.
    const label = text.split(/\r?\n/u).find((line) => line.trim() && labelOnly(line.trim()));
    fail(
      label
        ? `${named} holds no places: "${label.trim()}" reads as the heading of a list, with none after it. Write them after it (上海服务范围：浦东新区、徐汇区), or the place alone to cover all of it (上海市).`
        : `${named} holds no places.`,
    );
  }

  const results = entries.map((e) => resolver.resolve(e));
  checkList(results, resolver, regions);

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
  /** Listed again in the same list (a sheet that repeats a row): not "already covered" by the file. */
  let repeated = 0;
  const listed = new Set<string>();
  /** Entries made for a town under a place an entry covers: they take its details, or its county's
   *  pages would lose them (the build reads the nearest entry). */
  const inherited: string[] = [];
  for (const r of results) {
    if (!r.code || !ok(r)) continue;
    let entry = entryFor(r.code);
    const key = `${r.code} ${r.town ?? ''}`;
    const again = listed.has(key);
    listed.add(key);
    if (!r.town && (entry || coveredBy(r.code))) {
      if (again) repeated++;
      else already++;
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
      if (isSeq(existing) && existing.items.some((t) => String(isScalar(t) ? t.value : t) === r.town)) {
        if (again) repeated++;
        else already++;
      } else if (isSeq(existing)) {
        // Added to the list as written, its comments kept.
        existing.items.push(doc.createNode(r.town));
        towns++;
      } else {
        entry.set('towns', doc.createNode([r.town], { flow: true }));
        towns++;
      }
    }
  }
  const summary = `${added} regions added, ${towns} towns noted, ${already} already covered${repeated ? `, ${repeated} listed twice` : ''}`;
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
