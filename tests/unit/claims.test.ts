import { describe, expect, it } from 'vitest';
import { brandClaims, describeClaims, honestyProblems, operatorClaims, type HonestyBrand } from '../../src/lib/claims.ts';
import type { Site } from '../../src/lib/schemas.ts';

describe('impersonation claims', () => {
  it.each([
    '官方售后',
    '厂家直修',
    '原厂配件',
    '总部直派',
    '授权网点',
    '特约维修',
    'Official service',
    'the manufacturer',
    'Authorised centre',
    'HQ hotline',
    // The wordings of copycat pages a review found passing (2026-12-03).
    '全国联保',
    '厂商直供',
    '厂方派单',
    '制造商服务',
    '生产商',
    '总公司直派',
    '官修',
    '指定网点',
    '品牌指定服务商',
    '签约服务商',
    'OEM service',
    'officially',
    'Factory service',
    'manufacturers',
    'Authorization',
  ])('finds "%s"', (text) => {
    expect(brandClaims([{ where: 'x', text }]).length).toBeGreaterThanOrEqual(1);
  });

  // As a reader sees them: traditional forms, full-width letters, words split by spaces, marks,
  // invisible characters or comments, numeric entities, pinyin (found in a review: none was caught).
  it.each([
    '廠家直修',
    '總部直派',
    '授權網點',
    '售後服務',
    '坚匣售后',
    '官网指定维修点',
    '直营店',
    '官 方',
    '官·方',
    '官\u200b方',
    '官<!-- -->方',
    '&#23448;&#26041;',
    '&#x5b98;方',
    'ＯＦＦＩＣＩＡＬ',
    'O f f i c i a l',
    'Ｈ Q',
    'jianxia-guanfang',
    'shouhou',
    // Found in a review (2026-12-03, evening): the pinyin of every Chinese word, as a slug has it.
    'jianxia-changshang',
    'jianxia-guanxiu',
    'zhizaoshang',
    'quanguolianbao',
    'jianxia-zhiding-weixiu',
    'qianyuefuwushang',
    // Found in a review (2026-12-03): markup, named entities and invisible characters that split a word.
    '官<b></b>方',
    '官<span class="x">方</span>',
    '官&zwj;方',
    '官&nbsp;方',
    '官\ufe0f方',
    '官\u2800方',
    '官\u{e0020}方',
    // Found in a review (2026-12-03, midday): a Markdown link splitting a word, and words a page
    // shows or reads out only in an attribute (an image's alt, a title).
    '本店是[官](#)方[售](#)后',
    '[官方](/x)售后',
    '![坚匣官方售后](/a.png)',
    '<img src="/a.png" alt="坚匣官方售后">',
    "<a href='/x' title='官方售后'>这里</a>",
  ])('finds "%s" as it reads', (text) => {
    expect(brandClaims([{ where: 'x', text }]).length).toBeGreaterThanOrEqual(1);
  });

  it('does not join words that only look alike: changjiang, branch quality, two phrases, a plain address', () => {
    expect(
      brandClaims([{ where: 'x', text: 'changjiang-lock 长江路 1 号，branch quality, a b；二手出售，后续维护；总。部门' }]),
    ).toEqual([]);
  });

  // Disclaimers an honest page may carry pass; a claim beside or after one, or a word that only
  // looks like a denial, does not.
  it.each([
    '本店非官方售后，独立维修',
    '我们不是品牌官方或厂家授权的服务商',
    '本站并非品牌官方网点。',
    '并非原厂，维修前报价',
    '本店不属于任何品牌的官方售后',
    'Not an official or authorised service',
    'We are not the manufacturer.',
    'non-official repairs',
  ])('passes the disclaimer "%s"', (text) => {
    expect(brandClaims([{ where: 'x', text }])).toEqual([]);
  });
  it.each([
    ['非常官方', 1],
    ['除非官方', 1],
    ['无非官方', 1],
    ['非原厂配件不用', 1],
    ['非官方？不，我们就是官方', 2],
    ['不是官方，是厂家授权', 2],
    ['not official, but the manufacturer', 1],
    ['officially not official', 2],
    // From a review (2026-12-03): a claim after a denial, double and rhetorical negatives.
    ['非官方的厂家授权维修点', 3],
    ['非官方的授权服务商', 2],
    ['非官方、原厂直营', 2],
    ['non-official authorized repair center', 2],
    ['Not official, authorised service', 1],
    ['not official, authorised by the maker', 1],
    ['我们并非不是官方售后', 2],
    ['没有不是原厂的配件', 1],
    ['难道不是官方售后吗', 2],
    ['我们何尝不是官方售后', 2],
    ['谁说我们不是官方售后？', 2],
    ['我们是不是官方售后？当然是！', 2],
    ['这岂非官方售后', 2],
    ['上门维修，非官方莫属', 1],
    ['正品保障：非原厂配件，一律不用', 1],
    ['We are not a non-official service', 1],
    ['Not official?', 1],
    // From a second review (2026-12-03): denials that something around them turns round.
    ['谁说我们不是官方售后！', 2],
    ['这不是官方售后是什么', 2],
    ['不是官方售后，还能是什么', 2],
    ['若非官方授权，岂敢承诺终身保修', 2],
    ['非原厂配件，假一罚十', 1],
    ['绝不使用非原厂配件', 1],
    ['谨防非官方售后，认准本店', 2],
    ['非官方售后都是假的', 2],
    ['不是官方售后那么简单', 2],
    ['南非官方授权服务商', 2],
    ['We never use non-OEM parts', 1],
    ['Who says we are not official.', 1],
    ['If we were not authorized, we could not offer this warranty.', 1],
  ])('still finds the claims in "%s"', (text, n) => {
    expect(brandClaims([{ where: 'x', text }])).toHaveLength(n as number);
  });

  it('passes plain service text', () => {
    expect(brandClaims([{ where: 'x', text: '上门开锁、换锁，维修前核验身份。Highly rated.' }])).toEqual([]);
  });

  it('lets an operator mention authorization, never being the brand owner', () => {
    expect(operatorClaims([{ where: 'x', text: '某品牌授权服务商' }])).toEqual([]);
    expect(operatorClaims([{ where: 'x', text: '某品牌官方售后' }])).toHaveLength(1);
  });

  it('says where and what', () => {
    const message = describeClaims(
      'Brand "a":',
      brandClaims([{ where: 'brands/a.md description', text: '我们是官方售后中心' }]),
      'Fix it.',
    );
    expect(message).toContain('brands/a.md description: "官方"');
    expect(message).toContain('Fix it.');
  });

  const site = {
    legalName: '示例维修服务有限公司',
    displayName: '安家修',
    tagline: '上门维修',
    address: '示例市示例路 1 号',
    hours: '每天 8:00–20:00',
  } as Site;
  const independent = (over: Partial<HonestyBrand> = {}): HonestyBrand => ({
    id: 'jianxia',
    body: '坚匣保险柜上门开锁、换锁。',
    ...over,
    data: { name: '坚匣', category: '保险柜', relationship: 'independent', ...over.data } as HonestyBrand['data'],
  });
  const authorized = (over: Partial<HonestyBrand['data']> = {}): HonestyBrand => ({
    id: 'qimen',
    body: '栖门智能锁授权服务。',
    data: {
      name: '栖门',
      category: '智能锁',
      relationship: 'authorized',
      authorization: { issuer: '栖门科技', reference: 'QM-1', validUntil: new Date('2099-01-01') },
      ...over,
    } as HonestyBrand['data'],
  });

  it('passes honest content', () => {
    expect(honestyProblems(site, [independent(), authorized()], [])).toEqual([]);
  });

  it("refuses a brand's name, or a tie to it, in the operator's own name and words", () => {
    const named = honestyProblems({ ...site, displayName: '坚匣维修中心' }, [independent()], []);
    expect(named.join('\n')).toContain('site.yaml displayName: "坚匣"');
    expect(honestyProblems({ ...site, address: '坚匣总部售后中心' }, [independent()], []).join('\n')).toContain('总部');
    // 授权 in the operator's words only with a brand whose authorization is recorded; its name too.
    expect(honestyProblems({ ...site, tagline: '授权维修' }, [independent()], [])).toHaveLength(1);
    expect(honestyProblems({ ...site, tagline: '栖门授权维修' }, [independent(), authorized()], [])).toEqual([]);
  });

  it('checks every field an operator writes: category, file name, coverage hours and towns', () => {
    const found = (brand: HonestyBrand, coverage = []) => honestyProblems(site, [brand], coverage).join('\n');
    expect(found(independent({ data: { category: '官方售后保险柜' } as HonestyBrand['data'] }))).toContain('category');
    expect(found(independent({ id: 'jianxia-guanfang' }))).toContain('file name');
    expect(
      honestyProblems(
        site,
        [independent()],
        [{ brand: 'jianxia', code: '433101', hours: '厂家直派 24 小时', towns: ['乾州街道'] }],
      ).join('\n'),
    ).toContain('433101 hours');
  });

  it('checks what every page shows of the operator: the ICP line, the address and e-mail', () => {
    expect(honestyProblems({ ...site, icp: '坚匣官方售后 ICP备00000000号' } as Site, [independent()], []).join('\n')).toContain(
      'site.yaml icp',
    );
    expect(
      honestyProblems({ ...site, url: 'https://jianxia-guanfang.example' } as Site, [independent()], []).join('\n'),
    ).toContain('site.yaml url');
    // A Latin brand name in any case, as a domain writes it; not inside another word (olga@ is no LG).
    const haier = independent({ id: 'haier', data: { name: 'Haier' } as HonestyBrand['data'] });
    expect(honestyProblems({ ...site, url: 'https://haier-weixiu.cn' } as Site, [haier], []).join('\n')).toContain(
      'site.yaml url: "Haier"',
    );
    const lg = independent({ id: 'lg', data: { name: 'LG' } as HonestyBrand['data'] });
    expect(honestyProblems({ ...site, email: 'olga@example.com' } as Site, [lg], [])).toEqual([]);
    // Nor the name of a brand serviced independently, in any of them.
    expect(honestyProblems({ ...site, hours: '坚匣专修 8:00–20:00' } as Site, [independent()], []).join('\n')).toContain(
      'site.yaml hours: "坚匣"',
    );
  });

  it("checks an authorization's issuer and reference, and a word split between name and category", () => {
    const reference = authorized({
      authorization: { issuer: '栖门科技', reference: '官方授权售后中心', validUntil: new Date('2099-01-01') },
    } as never);
    expect(honestyProblems(site, [reference], []).join('\n')).toContain('authorization reference: "官方"');
    const split = honestyProblems(
      site,
      [independent({ data: { name: '坚匣官', category: '方保险柜' } as HonestyBrand['data'] })],
      [],
    );
    expect(split.join('\n')).toContain(`name + category (the page's title): "官方"`);
    // A word in one of them is told once, where it is.
    const whole = honestyProblems(site, [independent({ data: { category: '官方保险柜' } as HonestyBrand['data'] })], []).join(
      '\n',
    );
    expect(whole.match(/"官方"/g)).toHaveLength(1);
  });

  it('refuses markup in a description, and words split by it', () => {
    const ld = '<script type="application/ld+json">{"@type":"Organization","name":"坚匣"}</script>';
    expect(honestyProblems(site, [independent({ body: `坚匣保险柜。${ld}` })], []).join('\n')).toContain('<script>');
    expect(honestyProblems(site, [independent({ body: '坚匣官<!-- -->方售后' })], [])).toHaveLength(1);
  });

  it('holds an authorized service to not being the owner, and its date', () => {
    expect(honestyProblems(site, [authorized({ summary: '栖门厂家总部直营' })], []).join('\n')).toContain('厂家');
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const notices: string[] = [];
    const ends = authorized({ authorization: { issuer: '栖门科技', reference: 'QM-1', validUntil: soon } } as never);
    expect(honestyProblems(site, [ends], [], new Date(), notices)).toEqual([]);
    expect(notices.join('\n')).toContain('ends on');
    expect(honestyProblems(site, [ends], [], new Date(soon.getTime() + 86_400_000)).join('\n')).toContain('expired');
    // The last day is the whole day in Beijing: a build at 20:00 that day passes, one at 00:00 next day fails.
    const last = authorized({
      authorization: { issuer: '栖门科技', reference: 'QM-1', validUntil: new Date('2030-12-31') },
    } as never);
    expect(honestyProblems(site, [last], [], new Date('2030-12-31T12:00:00Z'), [])).toEqual([]);
    expect(honestyProblems(site, [last], [], new Date('2030-12-31T16:00:00Z')).join('\n')).toContain('expired on 2030-12-31');
    // Said from the Beijing day 29 days before the last (2030-12-02), as the owner's inbox says it.
    const said = (at: string) => {
      const notices: string[] = [];
      honestyProblems(site, [last], [], new Date(at), notices);
      return notices.length;
    };
    expect(said('2030-12-01T15:59:00Z')).toBe(0);
    expect(said('2030-12-01T16:00:00Z')).toBe(1);
  });
});
