// URL slugs: toneless pinyin of the short name (湘西土家族苗族自治州 → xiangxi); the GB/T 2260 code is
// appended only where two siblings would share a slug (山西/陕西 → shanxi-140000, shanxi-610000).
import { pinyin } from 'pinyin-pro';

export function pinyinSlug(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function siblingSlugs(siblings: { code: string; shortName: string }[]): Map<string, string> {
  const base = siblings.map((s) => [s.code, pinyinSlug(s.shortName) || s.code] as const);
  const counts = new Map<string, number>();
  for (const [, slug] of base) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return new Map(base.map(([code, slug]) => [code, counts.get(slug)! > 1 ? `${slug}-${code}` : slug]));
}
