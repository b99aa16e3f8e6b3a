// Honesty rule: only content that records a brand's authorization may claim to be its authorized
// service, and nothing ever claims to be a brand's official, manufacturer or HQ service. Copycat
// "官方 400" pages are exactly what this kit is not. Operators write the text, so the words are
// looked for as a reader sees them: traditional forms, full-width letters, entities, and words split
// by spaces, dots, invisible characters or markup (官 方, 官<!-- -->方, 官<b></b>方, O f f i c i a l).
import { decodeHTML } from 'entities';
import type { Site } from './schemas.ts';
import { AUTHORIZATION_NOTICE_DAYS } from '../contract/catalog.ts';

/** Chinese words, with their traditional forms written out: the check runs in every build, and
 *  OpenCC's converter takes ~0.3 s to make. */
const HAN_OWNER = [
  '官方',
  '官[网網]',
  '官修',
  '[厂廠厰][家商方]',
  '原[厂廠厰]',
  '生[产產]商',
  '制造商',
  '[总總](?:部|公司)',
  '直[营營]',
  // A nationwide warranty is the maker's (全国联保).
  '全[国國][联聯]保',
];
const HAN_TIE = [
  '授[权權]',
  '特[约約]',
  '售[后後]',
  '指定(?:[维維]修|服[务務]|[网網][点點])',
  '品牌指定',
  '[签簽][约約]服[务務]商',
];
/** Latin words, and the pinyin of the Chinese ones (a slug, jianxia-guanfang). */
const LATIN_OWNER = [
  'official(?:ly)?',
  'manufacturers?',
  'oem',
  'factory',
  'headquarters',
  'hq',
  'guanfang',
  'guanwang',
  'changjia',
  'yuanchang',
  'zongbu',
  'zhiying',
  'guanxiu',
  // Not changfang: 厂方, but also 厂房 and 长坊, in many an address.
  'changshang',
  'shengchanshang',
  'zhizaoshang',
  'zonggongsi',
  'quanguo[\\s-]*lianbao',
];
const LATIN_TIE = [
  'authori[sz](?:ed|ation)',
  'shouquan',
  'teyue',
  'shouhou',
  'zhiding[\\s-]*(?:weixiu|fuwu|wangdian)',
  'pinpai[\\s-]*zhiding',
  'qianyue[\\s-]*fuwushang',
];

const pattern = (han: string[], latin: string[]) =>
  new RegExp(`${han.join('|')}|(?<![a-z])(?:${latin.join('|')})(?![a-z])`, 'gi');
/** Words that claim a tie to the brand owner: for a brand serviced independently. */
const BRAND_CLAIMS = pattern([...HAN_OWNER, ...HAN_TIE], [...LATIN_OWNER, ...LATIN_TIE]);
/** The operator is never the brand owner, whatever it is authorized for. */
const OPERATOR_CLAIMS = pattern(HAN_OWNER, LATIN_OWNER);

/** A disclaimer passes, as an honest page may well say one: 非官方售后, 本店不是品牌官方或厂家授权的
 *  服务商, "We are not an official or authorised service". Only its plain form, as a clause of its
 *  own: at the clause's start (after nothing but 本店, 我们… as its subject), the denial, the claim
 *  words (品牌, 任何, 的 may come first; more of them only joined by 或/和/与/及, or/and/nor), at most
 *  a word for what the operator is (的服务商, service), and the clause's end. Anything else around it
 *  may turn it round, and is read as the claim: 谁说我们不是官方售后, 若非官方授权, 谨防非官方售后,
 *  非原厂配件，假一罚十, 不是官方售后那么简单, 南非官方; and a sentence that goes on with 不, 莫属,
 *  是什么, 还能, 岂, 哪, 怎 or a question mark (非官方？不，我们就是官方). */
const HAN_CLAIM = `(?:${[...HAN_OWNER, ...HAN_TIE].join('|')})`;
const HAN_WHAT = '(?:服[务務]商|服[务務]|[维維]修[点點]|[维維]修|[网網][点點]|[门門]店|机构|機構|商家|公司|渠道|[单單]位|店)';
const CLAUSE_END = '(?=[，。；！？、,.;!?:：\n]|$)';
const HAN_DENIAL = new RegExp(
  String.raw`((?:^|[，。；！？、,.;!?:：\n])\s*(?:本店|本站|本公司|本平台|我们|我們|我司|我店|我方)?(?:并|並|也)?)` +
    String.raw`((?:非(?![常得要凡])|并非|並非|绝非|絕非|不是|并不是|並不是|不属于|不屬於)(?:品牌|[该該]品牌|任何|的)*` +
    String.raw`${HAN_CLAIM}+(?:(?:或|和|与|與|及)${HAN_CLAIM}+)*(?:的?${HAN_WHAT})?)${CLAUSE_END}` +
    String.raw`(?![^。！!\n]*(?:不|莫[属屬]|[？?]|是什[么麼]|是[谁誰]|又是|[还還]能|[岂豈]|哪|怎))`,
  'g',
);
const LATIN_WORDS = `(?:${[...LATIN_OWNER, ...LATIN_TIE].join('|')})`;
const LATIN_DENIAL = new RegExp(
  String.raw`((?:^|[,.;:!?\n])\s*(?:(?:we(?:\s+are|['’]re)?|(?:this|our)\s+(?:site|shop|store|business|service)\s+is|it\s+is)\s+)?)` +
    String.raw`((?:not|non)[\s-]+(?:(?:an?|the|any|brand|brands)[\s-]+)*${LATIN_WORDS}(?:\s*,?\s*(?:or|and|nor)\s+${LATIN_WORDS})*` +
    String.raw`(?:[\s-]+(?:services?|repairs?|repairer|cent(?:er|re)|shop|store|partner|provider|agent|dealer|outlet))?)` +
    String.raw`(?=\s*(?:[,.;:!?\n]|$))(?![^.!\n]*\?)`,
  'gi',
);

/** The text with its disclaimers blanked out (same length: excerpts are cut from the text as read). */
const withoutDenials = (read: string) => {
  const blank = (_: string, before: string, denial: string) => before + ' '.repeat(denial.length);
  return read.replace(HAN_DENIAL, blank).replace(LATIN_DENIAL, blank);
};

/** What a tag shows or reads out of its own: an image's alt, a title, an aria-label. */
const shownIn = (tag: string) =>
  [...tag.matchAll(/\b(?:alt|title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => ` ${m[1] ?? m[2] ?? m[3]} `)
    .join('');

/** Text as a reader sees it, for the words above: Markdown links and images as their text,
 *  comments, tags and entities read as the browser renders them (a description is Markdown, which
 *  may hold HTML; a tag's alt and title kept), full-width letters as ASCII (NFKC), invisible
 *  characters dropped (Unicode's default-ignorable ones, and blanks that show as nothing), and the
 *  spaces or marks between Chinese characters, or between single Latin letters, closed up. */
/** Whether the text names the brand: a Latin name (Haier, LG) in any case and between non-letters, as
 *  a domain or an e-mail address writes it (haier-weixiu.cn, not olga@…); any other as written. */
function namesBrand(text: string, name: string): boolean {
  const read = asRead(text);
  const own = asRead(name);
  if (!/^[a-z0-9 .&'-]+$/i.test(own)) return read.includes(own);
  const escaped = own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'i').test(read);
}

function asRead(text: string): string {
  const markdown = text.replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1');
  return (
    decodeHTML(markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<\/?[a-z][^>]*>/gi, shownIn))
      .normalize('NFKC')
      .replace(/[\p{Default_Ignorable_Code_Point}\u180e\u2800]/gu, '')
      // Marks that split a word without ending a phrase (官 方, 官·方, 官*方); not a comma or a full
      // stop, across which two words meet by chance (出售，后续 is no 售后).
      .replace(/(?<=\p{Script=Han})[\s·・.．_\-－—~～*＊|｜/／\\]+(?=\p{Script=Han})/gu, '')
      .replace(/(?<![\p{L}\p{N}])[a-z](?:[\s.·_-]+[a-z])+(?![\p{L}\p{N}])/giu, (run) => run.replace(/[\s.·_-]+/g, ''))
  );
}

export interface ClaimSource {
  /** Where the text comes from, for the error message: a file path and field. */
  where: string;
  text: string | undefined;
}

export interface Claim {
  where: string;
  word: string;
  excerpt: string;
}

function find(words: RegExp, sources: ClaimSource[]): Claim[] {
  const claims: Claim[] = [];
  for (const { where, text } of sources) {
    if (!text) continue;
    const read = asRead(text);
    for (const m of withoutDenials(read).matchAll(words)) {
      const at = m.index ?? 0;
      claims.push({ where, word: m[0], excerpt: read.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\s+/g, ' ') });
    }
  }
  return claims;
}

export const brandClaims = (sources: ClaimSource[]) => find(BRAND_CLAIMS, sources);
export const operatorClaims = (sources: ClaimSource[]) => find(OPERATOR_CLAIMS, sources);

export function describeClaims(subject: string, claims: Claim[], fix: string): string {
  const lines = claims.map((c) => `  - ${c.where}: "${c.word}" in "…${c.excerpt}…"`);
  return `${subject}\n${lines.join('\n')}\n${fix}`;
}

/** What the check reads of a brand: its file's fields as the content layer gives them. */
export interface HonestyBrand {
  id: string;
  filePath?: string;
  body?: string;
  data: { name: string; category: string; summary?: string } & (
    | { relationship: 'independent' }
    | { relationship: 'authorized'; authorization: { issuer: string; reference: string; validUntil: Date } }
  );
}

/** A coverage entry's own words, as written (even one whose place did not resolve). */
export interface HonestyCoverage {
  brand: string;
  code?: string;
  place?: string;
  note?: string;
  responseTime?: string;
  hours?: string;
  towns?: string[];
}

/** Markup in a description that is not text: a JSON-LD block there could name the brand as the
 *  provider, an iframe show another site. */
const NOT_TEXT = /<\s*(script|iframe|object|embed|style|link|meta|form)\b/i;

/** Every honesty problem of the content, each an error message; `notices` get what is not yet one. */
export function honestyProblems(
  site: Site,
  brands: HonestyBrand[],
  coverage: HonestyCoverage[],
  now = new Date(),
  notices: string[] = [],
): string[] {
  const problems: string[] = [];
  const authorized = brands.filter((b) => b.data.relationship === 'authorized');
  const field = (k: 'legalName' | 'displayName' | 'tagline' | 'address' | 'hours' | 'icp' | 'url' | 'email'): ClaimSource => ({
    where: `site.yaml ${k}`,
    text: site[k],
  });
  // Every page shows all of them: the operator's names and tagline, the footer's ICP line, the
  // site's address and e-mail.
  const siteFields = (['legalName', 'displayName', 'tagline', 'address', 'hours', 'icp', 'url', 'email'] as const).map(field);
  // The operator's own name and words: never the brand owner; 授权 or 特约 only with a brand whose
  // authorization the content records; never a brand's name, but for such a brand.
  const operator = (authorized.length ? operatorClaims : brandClaims)(siteFields);
  for (const brand of brands) {
    if (brand.data.relationship === 'authorized') continue;
    for (const { where, text } of siteFields)
      if (text && namesBrand(text, brand.data.name)) operator.push({ where, word: brand.data.name, excerpt: asRead(text) });
  }
  if (operator.length) {
    problems.push(
      describeClaims(
        'The operator presents itself as a brand owner, or names a brand it has no authorization from:',
        operator,
        'An independent repair operator is never the official, manufacturer or HQ service, and its name is its own. Reword site.yaml.',
      ),
    );
  }
  for (const brand of brands) {
    const file = brand.filePath ?? `brands/${brand.id}.md`;
    if (brand.body && NOT_TEXT.test(brand.body)) {
      problems.push(
        `${file}: the description has <${NOT_TEXT.exec(brand.body)![1]}> in it. A brand's description is text (Markdown): ` +
          'remove the markup (a JSON-LD block there could name the brand as the service provider).',
      );
    }
    const notes = coverage
      .filter((e) => e.brand === brand.id)
      .flatMap((e) => {
        const at = `coverage/${brand.id} ${e.code ?? e.place}`;
        return [
          { where: `${at} note`, text: e.note },
          { where: `${at} responseTime`, text: e.responseTime },
          { where: `${at} hours`, text: e.hours },
          { where: `${at} towns`, text: e.towns?.join('、') },
        ];
      });
    const { name, category } = brand.data;
    const sources: ClaimSource[] = [
      { where: `${file} (its file name: the page's address)`, text: brand.id },
      { where: `${file} name`, text: name },
      { where: `${file} category`, text: category },
      { where: `${file} summary`, text: brand.data.summary },
      { where: `${file} description`, text: brand.body },
      ...(brand.data.relationship === 'authorized'
        ? [
            { where: `${file} authorization issuer`, text: brand.data.authorization.issuer },
            { where: `${file} authorization reference`, text: brand.data.authorization.reference },
          ]
        : []),
      ...notes,
    ];
    // The page's title joins name and category (坚匣保险柜): a word split between them is read too.
    const joined = { where: `${file} name + category (the page's title)`, text: `${name}${category}` };
    const across = (found: Claim[]) => {
      const inParts = new Set(
        found.filter((c) => c.where === `${file} name` || c.where === `${file} category`).map((c) => c.word),
      );
      return found.filter((c) => c.where !== joined.where || !inParts.has(c.word));
    };
    if (brand.data.relationship === 'authorized') {
      const { issuer, reference, validUntil } = brand.data.authorization;
      const until = validUntil.toISOString().slice(0, 10);
      // validUntil is the last day (a YAML date, UTC midnight): valid until that day ends in Beijing,
      // as the inbox counts it (functions/catalog.ts endingAuthorizations).
      const ends = validUntil.getTime() + 16 * 3_600_000;
      if (now.getTime() >= ends) {
        problems.push(
          `${file}: the authorization from ${issuer} (${reference}) expired on ${until}. ` +
            'Record the renewed authorization, or set relationship: independent and remove the claims.',
        );
      } else if (ends - now.getTime() <= AUTHORIZATION_NOTICE_DAYS * 86_400_000) {
        // From the Beijing day 29 days before the last, as the inbox says it (endingAuthorizations).
        notices.push(
          `${file}: the authorization from ${issuer} (${reference}) ends on ${until}. Record the renewal before then; ` +
            'if it is not renewed, set relationship: independent and build again the day after: pages built before it say 授权 until the next build.',
        );
      }
      // An authorized service is still not the brand owner.
      const claims = across(operatorClaims([...sources, joined]));
      if (claims.length) {
        problems.push(
          describeClaims(
            `Brand "${brand.id}" is serviced with its authorization, but its content claims to be the brand owner:`,
            claims,
            'An authorized service is never the official, manufacturer or HQ service. Remove these words.',
          ),
        );
      }
      continue;
    }
    const claims = across(brandClaims([...sources, joined]));
    if (claims.length) {
      problems.push(
        describeClaims(
          `Brand "${brand.id}" is serviced independently, but its content claims a tie to the brand owner:`,
          claims,
          'Remove these words, or set relationship: authorized with authorization: {issuer, reference, validUntil}.',
        ),
      );
    }
  }
  return problems;
}
