// URL slugs: toneless pinyin of the short name (湘西土家族苗族自治州 → xiangxi); the GB/T 2260 code is
// appended only where two siblings would share a slug (山西/陕西 → shanxi-140000, shanxi-610000).
import { customPinyin, pinyin } from 'pinyin-pro';

// Readings place names have that pinyin-pro 3.29 gives otherwise (checked name by name: it wrote
// 花都区 huadou, 洪洞县 hongdong, 浚县 junxian). 都 is dū in every place name (成都, 花都, 都匀, 丰都);
// the rest are the dictionaries' place-name readings (现代汉语词典: 六合 Lùhé, 洪洞 Hóngtóng, 乐亭
// Làotíng, 乐清 Yuèqīng, 单县 Shàn Xiàn, 歙县 Shè Xiàn, 浚县 Xùn Xiàn, 涡阳 Guōyáng, 筠连 Jūnlián, 什邡
// Shífāng, 尉犁 Yùlí, 蔚县 Yù Xiàn, 繁峙 Fánshì, 大埔 Dàbù, 解州 Xièzhōu, 闵行 Mǐnháng, 喀什 Kāshí,
// 黄陂 Huángpí, 万柏林 Wànbǎilín, 召陵 Shàolíng, 泌阳 Bìyáng, 调兵山 Diàobīngshān, 吴堡 Wúbǔ, 栟茶
// Bēnchá). Set once, for every reading of a name in pinyin: slugs, search words, search by sound
// (sounds.ts).
customPinyin({
  都: 'dū',
  六合: 'lù hé',
  洪洞: 'hóng tóng',
  乐亭: 'lào tíng',
  乐清: 'yuè qīng',
  单县: 'shàn xiàn',
  歙县: 'shè xiàn',
  浚县: 'xùn xiàn',
  涡阳: 'guō yáng',
  筠连: 'jūn lián',
  什邡: 'shí fāng',
  尉犁: 'yù lí',
  蔚县: 'yù xiàn',
  繁峙: 'fán shì',
  大埔: 'dà bù',
  解州: 'xiè zhōu',
  闵行: 'mǐn háng',
  喀什: 'kā shí',
  黄陂: 'huáng pí',
  万柏林: 'wàn bǎi lín',
  召陵: 'shào líng',
  泌阳: 'bì yáng',
  调兵山: 'diào bīng shān',
  吴堡: 'wú bǔ',
  栟茶: 'bēn chá',
});

export function pinyinSlug(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The first letters of a name's syllables (长沙 → cs, 上海 → sh), as a city is typed in a city picker. */
export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

export function siblingSlugs(siblings: { code: string; shortName: string }[]): Map<string, string> {
  const base = siblings.map((s) => [s.code, pinyinSlug(s.shortName) || s.code] as const);
  const counts = new Map<string, number>();
  for (const [, slug] of base) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return new Map(base.map(([code, slug]) => [code, counts.get(slug)! > 1 ? `${slug}-${code}` : slug]));
}
