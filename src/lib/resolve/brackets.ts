// Notes in brackets after a place: where a shared name is (南山区（深圳）) or which part of it is meant
// (长沙市（除望城区）).
import type { Region } from '../regions.ts';
import { IN_BRACKETS, isLabel } from '../written.ts';
import type { Resolver } from '../resolve.ts';
import { MAX_CANDIDATES, namesakes, ok, type Resolution } from './resolution.ts';

/** A shared name with where it is in brackets (南山区（深圳）, 朝阳区（北京）): the one place of that
 *  name there, said. */
export function placedBy(resolver: Resolver, found: Resolution, notes: string[]): Resolution | undefined {
  for (const note of notes) {
    const where = resolver.resolve(note.slice(1, -1));
    if (!ok(where) || where.town) continue;
    const there = (found.candidates ?? []).filter(
      (c) => c.path === resolver.pathOf(c.code) && resolver.regions.within(c.code, where.code!),
    );
    if (there.length === 1)
      return { input: found.input, status: 'warning', ...there[0], note: `read ${note} as where it is: ${there[0].path}` };
  }
  return undefined;
}

/** A note in brackets that limits the place (长沙市（除望城区）, 长沙市（岳麓区、天心区）): all of it
 *  would cover what the operator left out. Said, with the places to write as candidates; a note
 *  that includes (吉首市（含乾州）) or names no place under it is only read off. */
export function limited(resolver: Resolver, input: string, found: Resolution, notes: string[]): Resolution | undefined {
  const region = found.town ? undefined : resolver.regions.get(found.code!);
  if (!region) return undefined;
  for (const note of notes) {
    const inner = note.slice(1, -1);
    const except = /^(除|不含|不包括|不包含)|(以外|除外)$/.test(inner);
    // Places outside it (凤凰县（含泸溪县、花垣县）, 长沙市（株洲市）): read off, they would go uncovered.
    const outside = except ? [] : placesOutside(resolver, inner, region);
    if (outside.length)
      return {
        input,
        status: 'ambiguous',
        note: `${note} names places outside ${region.name}: write each place as an entry of its own`,
        candidates: [region, ...outside].map((r) => ({ code: r.code, path: resolver.pathOf(r.code) })),
      };
    // 仅限市区, 只含城区: only part of it, whatever the part is called.
    const only = /^(仅|只)/.test(inner) || /^(部分|局部|一部分)(地区|乡镇|区域|街道|片区)?$/.test(inner);
    if (!except && /^(含|包括|包含)/.test(inner)) continue;
    const parts = inner
      .replace(/^(除了?|不含|不包括|不包含|仅限?|只含?)|(以外|除外|外)$/g, '')
      .split(IN_BRACKETS)
      .filter((part) => part && !isLabel(part))
      .map((part) => placeUnder(resolver, region, part));
    const named = parts.length > 0 && parts.every(Boolean);
    // Parts that are no places (不含县, 仅限市区) still leave part of it out.
    if (!named && !except && !only) continue;
    const codes = new Set(named ? (parts as Region[]).map((r) => r.code) : []);
    const places =
      except || !named ? resolver.regions.children(region.code).filter((r) => !codes.has(r.code)) : (parts as Region[]);
    // Every place left to cover, however many: the operator writes from them.
    const candidates = places
      .slice(0, except || !named ? undefined : MAX_CANDIDATES)
      .map((r) => ({ code: r.code, path: resolver.pathOf(r.code) }));
    return except || !named
      ? {
          input,
          status: 'unresolved',
          // A county's parts are towns, and pages end at counties: all of it or none.
          note: candidates.length
            ? `${note} leaves out part of ${region.name}: write the places to cover (candidates below)`
            : `${note} leaves out part of ${region.name}, and a page covers a county whole: write ${region.name} to cover all of it, or leave it out`,
          ...(candidates.length ? { candidates } : {}),
        }
      : {
          input,
          status: 'ambiguous',
          note: `${note} names places in ${region.name}: write them to cover only them, or ${region.name} alone for all of it`,
          candidates,
        };
  }
}

/** The place below `region` a part of a bracketed note names (岳麓 of 长沙市), not a town (a page
 *  covers a county whole); of a name places there share (长沙 of 湖南省: 长沙市, 长沙县), the larger. */
function placeUnder(resolver: Resolver, region: Region, part: string): Region | undefined {
  const read = resolver.resolve(`${region.name}${part}`);
  const codes = read.code && !read.town ? [read.code] : namesakes(read) ? read.candidates!.map((c) => c.code) : [];
  const below = codes
    .filter((code) => code !== region.code && resolver.regions.within(code, region.code))
    .map((code) => resolver.regions.get(code)!);
  const depth = (r: Region) => resolver.regions.lineage(r.code).length;
  return below.length && below.length === codes.length ? below.sort((a, b) => depth(a) - depth(b))[0] : undefined;
}

/** The places a bracketed note names that are neither in `region` nor above it, each named
 *  exactly (泸溪县, 株洲市): not a part of it (岳麓区 of 长沙市), not a word for part of it (城区). */
function placesOutside(resolver: Resolver, inner: string, region: Region): Region[] {
  const within = (code: string, above: string) => resolver.regions.lineage(code).some((a) => a.code === above);
  const related = (code: string) => within(code, region.code) || within(region.code, code);
  return inner
    .replace(/^(含|包括|包含)/, '')
    .split(IN_BRACKETS)
    .filter((word) => word.length >= 2)
    .flatMap((word) => {
      const inside = resolver.resolve(`${region.name}${word}`);
      if (inside.code && related(inside.code)) return [];
      const alone = resolver.resolve(word);
      return alone.status === 'resolved' && !alone.town && !related(alone.code!) ? [resolver.regions.get(alone.code!)!] : [];
    });
}
