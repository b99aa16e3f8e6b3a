// Search without JavaScript inside workerd: the search box's form (GET /regions/?q=) answered by the
// Worker over the sample site's build — towns as people write them, shared names with their county,
// places nobody covers with the form, and a result's 在线留言 link choosing that place in the form.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { regionsPage } from '../../functions/regions/page.ts';
import { loadPlaces } from '../../functions/regions/load-places.ts';
import { form, ORIGIN } from './helpers.ts';

async function regions(query: string): Promise<{ res: Response; page: string }> {
  const res = await exports.default.fetch(new Request(`${ORIGIN}/regions/${query}`, { headers: { accept: 'text/html' } }));
  return { res, page: await res.text() };
}
const search = (q: string, more = '') => regions(`?q=${encodeURIComponent(q)}${more}`);

/** The answer's results in order: the place's link (a place nobody covers: its 在线留言 link), and the text. */
function results(page: string): { href: string; text: string }[] {
  const list = page.match(/<ul class="search-results" data-search-answer-list>([\s\S]*?)<\/ul>/)![1];
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(([, li]) => ({
    href: li.match(/href="(\/[^"]+)"/)![1].replaceAll('&amp;', '&'),
    text: li
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  }));
}
const statusHtml = (page: string) => page.match(/data-search-answer-status>(.*?)<\/p>/s)![1];
const status = (page: string) => statusHtml(page).replace(/<[^>]+>/g, '');

describe('search without JavaScript', () => {
  it('without a query, /regions/ is the static list of service regions, the answer hidden', async () => {
    const { res, page } = await regions('');
    expect(res.status).toBe(200);
    expect(page).toContain('<h1>服务地区</h1>');
    expect(page).toMatch(/<section class="search-answer" data-search-answer hidden/);
    expect(page).toContain('href="/hunan/xiangxi/jishou/"');
  });

  it.each([
    ['乾州街道'],
    ['乾州'],
    ['吉首市乾州街道'],
    ['湘西乾州'],
    ['湘西州乾州街道'],
    ['湘西自治州乾州街道'],
    ['湖南吉首乾州'],
    ['湘西土家族苗族自治州吉首市乾州街道'],
    ['乾州街道世纪山水小区'],
    ['吉首乾州开锁'],
    ['湖南 吉首 乾州'],
    // In pinyin (/search-pinyin.json), as the search script finds it by its Pagefind word.
    ['qianzhou jishou'],
    ['jishou qianzhou'],
    ['qianzhoujiedao jishou'],
    ['吉首 qianzhou'],
    ['qianzhou 吉首'],
    ['ｑｉａｎｚｈｏｕ'],
  ])('a town of a covered county, written %s, leads first to its county page and says so', async (q) => {
    const { res, page } = await search(q);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page).not.toMatch(/data-search-answer hidden/);
    const [first] = results(page);
    expect(first).toEqual({
      href: `/regions/?county=433101&town=${encodeURIComponent('乾州街道')}`,
      text: '乾州街道 → 湘西州 吉首市 在线报修',
    });
  });

  it("a town's link is its county's page with the town written in, as the page's script would", async () => {
    const { res, page } = await regions(`?county=433101&town=${encodeURIComponent('乾州街道')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page).toContain('<link rel="canonical" href="https://baoxiu.example.com/hunan/xiangxi/jishou/"');
    expect(page).toMatch(/data-county="吉首市">您搜索的乾州街道属于吉首市，以下服务覆盖吉首市全境。<\/p>/);
    expect(page).toMatch(/<input id="lead-address" name="address"[^>]* value="乾州街道"/);
    // A town not of that county, or written by hand into the link: the page as it is.
    for (const town of ['东华门街道', '<b>x</b>', '']) {
      const { page: plain } = await regions(`?county=433101&town=${encodeURIComponent(town)}`);
      expect(plain, town).toMatch(/data-county="吉首市" hidden(="")?><\/p>/);
      expect(plain, town).not.toMatch(/name="address"[^>]* value=/);
    }
    // A county without a page (nobody covers it, or a made-up code): the search for the town.
    for (const county of ['110101', 'abc']) {
      const moved = await exports.default.fetch(
        new Request(`${ORIGIN}/regions/?county=${county}&town=${encodeURIComponent('东华门街道')}`, { redirect: 'manual' }),
      );
      expect([moved.status, moved.headers.get('location')]).toEqual([303, `/regions/?q=${encodeURIComponent('东华门街道')}`]);
    }
  });

  it('a name that names nothing: a place that sounds like it, said to be a near name', async () => {
    for (const [q, href, title] of [
      ['吉手', '/hunan/xiangxi/jishou/', '吉首市'],
      ['急首市', '/hunan/xiangxi/jishou/', '吉首市'],
      ['东管', '/guangdong/dongguan/', '东莞市'],
      // A town too, with the suffix typed (城关镇 and 前洲街道 are not covered: after the covered one).
      ['千州街道', `/regions/?county=433101&town=${encodeURIComponent('乾州街道')}`, '乾州街道'],
      // Another suffix than its own: the place of that sound all the same.
      ['急首县', '/hunan/xiangxi/jishou/', '吉首市'],
      // A place, then a name of it with a character of its sound (the script's near names too).
      ['吉首千州街道', `/regions/?county=433101&town=${encodeURIComponent('乾州街道')}`, '乾州街道'],
      ['湘西急首', '/hunan/xiangxi/jishou/', '吉首市'],
      // With its own suffix or another, and with what the customer wants done after it.
      ['湘西州急首市', '/hunan/xiangxi/jishou/', '吉首市'],
      ['吉首千州街道开锁', `/regions/?county=433101&town=${encodeURIComponent('乾州街道')}`, '乾州街道'],
      // After a name two places share (甘南: 甘肃's 甘南州 too), or a county's that is its prefecture's too
      // (东营区, 东营市): the one that has the town (neither covered here: the form's link).
      ['甘南星十四镇', `/regions/?uncovered=230225&town=${encodeURIComponent('兴十四镇')}#lead-form`, '兴十四镇'],
      ['东营碉口乡', `/regions/?uncovered=370522&town=${encodeURIComponent('刁口乡')}#lead-form`, '刁口乡'],
      // A county written under a prefecture of its province it is not in, as typed or by its sound
      // (简阳市 is 成都's since 2016): the county.
      ['资阳简阳', '/regions/?uncovered=510185#lead-form', '简阳市'],
      ['资阳简扬', '/regions/?uncovered=510185#lead-form', '简阳市'],
      // Written whole after a prefecture with a town that begins its name (保定's 裕华街道): that county
      // (石家庄's 裕华区), then the town, which the customer may have meant.
      ['保定市裕华区', '/regions/?uncovered=130108#lead-form', '裕华区'],
    ]) {
      const { page } = await search(q);
      expect(status(page), q).toBe(`没有找到“${q}”，以下是名称相近的地方；不确定时请拨打 400-000-0000 咨询。`);
      expect(results(page)[0].href, q).toBe(href);
      expect(results(page)[0].text, q).toMatch(new RegExp(`^${title} `));
    }
    expect(results((await search('保定市裕华区')).page)[1].text).toMatch(/^裕华街道 → 保定市 莲池区/);
    // An old address: the county with its suffix under the prefecture it left, a town of it, a street
    // (简阳市 is 成都's since 2016): that town, as near; never a street named after a county (韶山路).
    const { page: old } = await search('资阳市简阳市石桥镇人民路5号');
    expect(status(old)).toMatch(/^没有找到.*以下是名称相近的地方/);
    expect(results(old)[0].text).toMatch(/^石桥街道 → 成都市 简阳市/);
    expect(results((await search('长沙市韶山路88号')).page)[0].text).toMatch(/^长沙市 /);
    // Not after the town's own county (岭东区's 东山街道, not 鹤岗's 东山区).
    const { page: own } = await search('岭东区东山区');
    expect(status(own)).toMatch(/^找到 1 个结果/);
    expect(results(own)[0].text).toMatch(/^东山街道 → 双鸭山市 岭东区/);
    // A place named whole, or with words that are no name after it, is no near name (湖南吉首, 吉首开锁).
    for (const q of ['湖南吉首', '吉首开锁']) {
      const { page } = await search(q);
      expect(status(page), q).toMatch(/^找到 \d+ 个结果/);
      expect(results(page)[0].href, q).toBe('/hunan/xiangxi/jishou/');
    }
    // Nothing that sounds like it either: not found, as before.
    expect(status((await search('哈哈哈')).page)).toBe(
      '没有找到“哈哈哈”。请换个写法（如区县或乡镇名），或拨打 400-000-0000 咨询。',
    );
  });

  it('a county by its short name and in pinyin (full-width letters too); the box keeps the query', async () => {
    for (const q of ['吉首', 'jishou', 'ｊｉｓｈｏｕ', '湘西吉首', 'jishoushi', 'hunan jishou']) {
      const { page } = await search(q);
      expect(results(page)[0], q).toEqual({
        href: '/hunan/xiangxi/jishou/',
        text: '吉首市 湖南省 湘西土家族苗族自治州 在线报修',
      });
      expect(page).toContain(`value="${q}"`);
    }
    // ü as pinyin writes it in the index (v): 吕梁市, nobody covers it here.
    for (const q of ['lüliang', 'Lüliang', 'lvliang'])
      expect(results((await search(q)).page)[0].text, q).toMatch(/^吕梁市 山西省：暂未覆盖/);
  });

  it('a town with a page of its own in a city without counties: 东莞虎门 → 虎门镇, in traditional characters too', async () => {
    for (const q of ['东莞虎门', '東莞虎門']) {
      const { page } = await search(q);
      expect(results(page)[0], q).toEqual({ href: '/guangdong/dongguan/humen/', text: '虎门镇 → 东莞市 虎门镇 在线报修' });
    }
    const { page } = await search('廣州');
    expect(results(page)[0].text).toBe('广州市 广东省：暂未覆盖。可拨打 400-000-0000 咨询，或在线留言');
  });

  it('a name 93 places share lists each with its county; the province filter narrows them', async () => {
    // 88 counties' 城关镇 of today, and 5 of 2020 (洛阳 新安县's, now 街道: src/lib/former-towns.ts).
    const { page } = await search('城关镇');
    const all = results(page);
    expect(status(page)).toBe('找到 93 个结果');
    expect(all).toHaveLength(93);
    expect(new Set(all.map((r) => r.text)).size).toBe(93);
    for (const r of all) expect(r.text).toMatch(/^城关镇 → \S+ \S+：暂未覆盖/);
    // A screen reader's list of links tells them apart: each link names its place in full.
    const labels = [...page.matchAll(/aria-label="在线留言（([^"]+)）"/g)].map((m) => m[1]);
    expect(labels).toHaveLength(93);
    expect(new Set(labels).size).toBe(93);
    expect(labels).toContain('河南省 洛阳市 新安县 城关镇');
    expect(labels).toContain('河南省 南阳市 南召县 城关镇');
    // The filters, hidden until the search script shows them, are there to narrow by.
    expect(page).not.toMatch(/data-search-filters hidden/);
    const { page: narrowed } = await search('城关镇', `&province=${encodeURIComponent('甘肃省')}`);
    const some = results(narrowed);
    expect(some.length).toBeGreaterThan(1);
    expect(some.length).toBeLessThan(93);
    expect(narrowed).toMatch(/<option value="甘肃省" selected(="")?>/);
    // Each one a place of that province: its county's code begins with 62.
    for (const r of some) expect(r.href).toMatch(/^\/regions\/\?uncovered=62\d{4}&town=/);
    // The province written in front narrows them the same way, and after them too.
    expect(results((await search('甘肃城关镇')).page)).toEqual(some);
    expect(results((await search('城关镇 甘肃省')).page)).toEqual(some);
  });

  it('a town nobody covers: 暂未覆盖, the hotline, and a link that chooses its county in the form', async () => {
    const { page } = await search('东华门街道');
    const [first] = results(page);
    expect(first.text).toBe('东华门街道 → 北京市 东城区：暂未覆盖。可拨打 400-000-0000 咨询，或在线留言');
    expect(page).toContain('<a href="tel:4000000000">400-000-0000</a> 咨询，或');
    const form = first.href;
    expect(form).toBe(`/regions/?uncovered=110101&town=${encodeURIComponent('东华门街道')}#lead-form`);
    const { page: chosen } = await regions(form.replace('/regions/', '').replace('#lead-form', ''));
    expect(chosen).toContain('<option value="110101" data-for="region" selected>北京市 东城区（暂未覆盖）</option>');
    expect(chosen).toMatch(/<input id="lead-address" name="address"[^>]* value="东华门街道"/);
    // Beside the form too, where the link lands: a phone's picker cuts its option's （暂未覆盖） off.
    expect(chosen).toContain(
      '<p class="notice" data-uncovered-note>东华门街道（北京市 东城区）暂未覆盖：留言后，客服会告诉您能否上门。</p>',
    );
    expect(chosen.indexOf('data-uncovered-note')).toBeGreaterThan(chosen.indexOf('id="lead-title"'));
    // The page says why, as the result did.
    expect(status(chosen)).toBe(
      '东华门街道（北京市 东城区）暂未覆盖。可拨打 400-000-0000 咨询，或在下方留言，我们会尽快联系您。',
    );
    expect(chosen).not.toMatch(/data-search-answer hidden/);
    // The hotline there is a link to call, as in the result's row.
    expect(statusHtml(chosen)).toContain('可拨打 <a href="tel:4000000000">400-000-0000</a> 咨询');
    const { page: county } = await regions('?uncovered=433123');
    expect(status(county)).toBe(
      '湖南省 湘西土家族苗族自治州 凤凰县暂未覆盖。可拨打 400-000-0000 咨询，或在下方留言，我们会尽快联系您。',
    );
  });

  it('a town of the 2020 codes that today’s list inside a zone (昆山 淀山湖镇: 昆山旅游度假区) is its county’s', async () => {
    const { page } = await search('淀山湖镇');
    expect(results(page).map((r) => r.text)).toEqual([
      '淀山湖镇 → 苏州市 昆山市：暂未覆盖。可拨打 400-000-0000 咨询，或在线留言',
    ]);
    // A name towns of today have too: all of them, 昆山's among them, after today's.
    expect(results((await search('周庄镇')).page).map((r) => r.text.split('：')[0])).toEqual([
      '周庄镇 → 无锡市 江阴市',
      '周庄镇 → 泰州市 兴化市',
      '周庄镇 → 平顶山市 宝丰县',
      '周庄镇 → 焦作市 修武县',
      '周庄镇 → 苏州市 昆山市',
    ]);
    // In a city without counties: the town whose page covers it now (中山's 东升镇, in 小榄镇), and the
    // form it links to names it, as a county's town's does.
    const [dongsheng] = results((await search('中山东升镇')).page);
    expect(dongsheng.text.split('：')[0]).toBe('东升镇 → 中山市 小榄镇');
    expect(dongsheng.href).toBe(`/regions/?uncovered=442000118&town=${encodeURIComponent('东升镇')}#lead-form`);
    const { page: chosen } = await regions(dongsheng.href.replace('/regions/', '').replace('#lead-form', ''));
    expect(chosen).toMatch(/<input id="lead-address" name="address"[^>]* value="东升镇"/);
  });

  it('a former division by its old name (闸北区, 广州市萝岗区), an area of a city (汉口), a common or English name (呼市, harbin) are where they are now', async () => {
    const where = async (q: string) => results((await search(q)).page).map((r) => r.text.split('：')[0]);
    expect(await where('闸北区')).toEqual(['闸北区 → 上海市 静安区']);
    expect(await where('广州市萝岗区')).toEqual(['萝岗区 → 广州市 黄埔区']);
    expect(await where('汉口')).toEqual(['汉口 → 武汉市 江岸区', '汉口 → 武汉市 江汉区', '汉口 → 武汉市 硚口区']);
    // Before a town of the place holding it now, as an old address writes it: that town.
    expect(await where('上海闸北区天目西路街道')).toEqual(['天目西路街道 → 上海市 静安区']);
    expect(await where('两江新区鸳鸯街道')).toEqual(['鸳鸯街道 → 重庆市 渝北区']);
    // A common name, an English one (names.ts COMMON_NAMES, ENGLISH_NAMES): that place.
    expect((await where('呼市'))[0]).toBe('呼和浩特市 内蒙古自治区');
    expect((await where('harbin'))[0]).toBe('哈尔滨市 黑龙江省');
    // A name a place of today has comes first (江北: 宁波's and 重庆's 江北区, then 南京's 江北新区).
    expect((await where('江北')).slice(0, 2)).toEqual(['江北区 浙江省 宁波市', '江北区 重庆市']);
  });

  it('a place above it typed after it narrows as typed in front; one it is not in is read past', async () => {
    const texts = async (q: string) =>
      results((await search(q)).page).map((r) => r.text.split('：')[0].replace(/ 在线报修$/, ''));
    // A prefecture or a county after a shared name, as a province after it is (the test above).
    expect(await texts('城关镇 南阳')).toEqual(['城关镇 → 南阳市 南召县', '城关镇 → 南阳市 内乡县', '城关镇 → 南阳市 桐柏县']);
    expect(await texts('城关镇 南召县')).toEqual(['城关镇 → 南阳市 南召县']);
    expect(await texts('城关镇 南阳 河南')).toEqual(await texts('城关镇 南阳'));
    expect(await texts('长安镇 东莞')).toEqual(['长安镇 → 东莞市 长安镇']);
    expect(await texts('西湖街道 长沙')).toEqual(['西湖街道 → 长沙市 岳麓区']);
    // A province the town is not in: the town, not the province (乾州街道 is 湖南's).
    expect(await texts('乾州街道 湖北')).toEqual(['乾州街道 → 湘西州 吉首市']);
    expect(await texts('城关镇 湖南')).toHaveLength(93);
    // Part of it named in that province, read so: 浙江 has no 太平镇, but places named 太平.
    expect(await texts('太平镇 浙江')).toEqual(['太平街道 → 台州市 温岭市', '太平乡 → 丽水市 莲都区']);
  });

  it('香港, 澳门 and 台湾: a place there names no mainland place of a like name, and the page says why', async () => {
    for (const q of ['台北市', '台北市信义区', '台湾台北', '台湾省台北市', '香港九龙', '新北市板桥区']) {
      const { page } = await search(q);
      expect(results(page), q).toEqual([]);
      expect(status(page), q).toContain('本站服务地区不含香港、澳门、台湾。');
    }
    // A mainland place named whole is still found: 武汉's 台北街道, 青岛's 香港中路街道.
    expect(results((await search('台北街道')).page).map((r) => r.text.split('：')[0])).toEqual(['台北街道 → 武汉市 江岸区']);
    expect(results((await search('香港中路街道')).page).map((r) => r.text.split('：')[0])).toEqual([
      '香港中路街道 → 青岛市 市南区',
    ]);
  });

  it('a link cannot choose a covered place as uncovered, nor write into the address a town not of that county', async () => {
    const { page: covered } = await regions('?uncovered=433101&town=%E4%B9%BE%E5%B7%9E%E8%A1%97%E9%81%93');
    expect(covered).not.toContain('（暂未覆盖）</option>');
    const { page: elsewhere } = await regions(`?uncovered=110101&town=${encodeURIComponent('乾州街道')}`);
    expect(elsewhere).toContain('<option value="110101" data-for="region" selected>');
    expect(elsewhere).not.toMatch(/name="address"[^>]* value=/);
    const { page: junk } = await regions('?uncovered=abc');
    expect(junk).not.toContain('selected>北京');
    // A link older than the coverage, to a place covered since: its option in the picker, the
    // prefecture's below the province (湘西州 for 吉首市), as the form's script chooses it.
    expect(covered).toMatch(/<option value="433100" data-for="region" selected(="")?>/);
  });

  it('keeps the uncovered place chosen when the form comes back with errors', async () => {
    const res = await form({ region: '110101', name: '', phone: '123', description: '', page: '/regions/' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<option value="110101" data-for="region" selected>北京市 东城区（暂未覆盖）</option>');
    expect(page.match(/ selected/g)).toHaveLength(1);
  });

  it('reads a place after words that name nothing above it, and puts the covered place first among names alike', async () => {
    expect(results((await search('我在吉首')).page)[0].href).toBe('/hunan/xiangxi/jishou/');
    const chaoyang = results((await search('朝阳')).page);
    expect(chaoyang[0]).toEqual({ href: '/beijing/chaoyang/', text: '朝阳区 北京市 在线报修' });
    expect(chaoyang.length).toBeGreaterThan(2); // 朝阳市, 朝阳县… after it, 暂未覆盖
  });

  it('reads no more of a query than the box takes, counted after NFKC (one character may become 18)', async () => {
    const places = await loadPlaces(env, ORIGIN);
    const lookups = vi.spyOn(Map.prototype, 'get');
    try {
      expect(places.find('\uFDFA'.repeat(80))).toEqual([]);
      // 80 characters, no name longer than ~40: a few thousand look-ups, not NFKC's 1,440² / 2.
      expect(lookups.mock.calls.length).toBeLessThan(20_000);
    } finally {
      lookups.mockRestore();
    }
  });

  it("answers the site's own error page when /regions/ cannot be read: never a 500", async () => {
    const broken = {
      ...env,
      ASSETS: {
        fetch: (req: Request | URL | string) =>
          env.ASSETS.fetch(
            new URL(
              new URL(req instanceof Request ? req.url : req).pathname === '/regions/'
                ? '/no-such-page/'
                : req instanceof Request
                  ? req.url
                  : req,
              ORIGIN,
            ),
          ),
      },
    };
    const res = await regionsPage.fetch(new Request(`${ORIGIN}/regions/?q=${encodeURIComponent('吉首')}`), broken as never);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('a brand by its name: its page first, as with JavaScript (the index of places has no brands; the catalog does)', async () => {
    const { page } = await search('坚匣');
    expect(status(page)).toBe('找到 1 个品牌');
    expect(results(page)).toEqual([{ href: '/brands/jianxia/', text: '坚匣 保险柜' }]);
    const both = results((await search('坚匣 吉首')).page);
    expect(both[0]).toEqual({ href: '/brands/jianxia/', text: '坚匣 保险柜' });
    expect(both.some((r) => r.href.startsWith('/hunan/xiangxi/jishou/'))).toBe(true);
  });

  it('a place in pinyin is its whole name, never part of another: pinyin inside pinyin, a suffix alone', async () => {
    // houjie (厚街's page) inside qianzhoujiedao; xihu (西湖区's) before a town's suffix: the towns.
    const texts = async (q: string) => results((await search(q)).page).map((r) => r.text.replace(/ 在线报修$|：.*/, ''));
    for (const q of ['qianzhou', 'qianzhoujiedao', 'qianzhou jiedao'])
      expect(await texts(q), q).toEqual(['乾州街道 → 湘西州 吉首市', '前洲街道 → 无锡市 惠山区']);
    const xihu = await texts('xihujiedao');
    expect(xihu.length).toBeGreaterThan(5);
    for (const r of xihu) expect(r).toMatch(/^西湖街道 → /);
    // The towns the data calls 街道 answer 街道 alone (tests/recall/recall-plain.test.ts), not a name ending so.
    for (const q of ['qianzhoujie', '某某街道', 'jiedaoqianzhou']) {
      const { page } = await search(q);
      expect(results(page), q).toEqual([]);
      expect(status(page), q).toMatch(/^没有找到/);
    }
    // A page's own suffix after its pinyin is still it; another suffix, the place as 吉首区 finds it,
    // and so is a place above it in pinyin with its suffix (jishoushi qianzhou).
    expect(results((await search('houjiezhen')).page)[0].href).toBe('/guangdong/dongguan/houjie/');
    for (const q of ['jishouqu', '吉首区']) expect(results((await search(q)).page)[0].href, q).toBe('/hunan/xiangxi/jishou/');
    for (const q of ['humenjiedao', 'dongguanshi humenzhen'])
      expect(results((await search(q)).page)[0].href, q).toBe('/guangdong/dongguan/humen/');
    for (const q of ['jishoushi qianzhoujiedao', 'taipingzhen chengdu'])
      expect((await texts(q))[0], q).toMatch(/^(乾州街道 → 湘西州 吉首市|太平街道 → 成都市 双流区)$/);
    // A page of its own before a town of a covered county spelled the same (富阳's 常安镇).
    expect((await texts('changan'))[0]).toBe('长安镇 → 东莞市 长安镇');
  });

  it('places nobody covers in pinyin too: a province, and its towns after it', async () => {
    const henan = results((await search('henan')).page);
    expect(henan[0].text).toBe('河南省：暂未覆盖。可拨打 400-000-0000 咨询，或在线留言');
    const towns = results((await search('chengguan henan')).page);
    expect(towns.length).toBeGreaterThan(20);
    for (const r of towns) expect(r.text).toMatch(/^城关(镇|乡|街道) → \S+ \S+：暂未覆盖/);
    expect(towns.every((r) => r.href.startsWith('/regions/?uncovered=41'))).toBe(true);
    // A near name of a town nobody covers (官 for 关): every 城关镇, none of the 城关乡 or 城关街道.
    const { page } = await search('城官镇');
    expect(status(page)).toMatch(/^没有找到“城官镇”，以下是名称相近的地方/);
    expect(results(page).length).toBeGreaterThan(80);
    for (const r of results(page)) expect(r.text).toMatch(/^城关镇 → \S+ \S+：暂未覆盖/);
  });

  it('a query naming no place says so with the hotline; typed markup stays text', async () => {
    const { res, page } = await search('<img src=x onerror=alert(1)>谢谢');
    expect(res.status).toBe(200);
    expect(results(page)).toEqual([]);
    expect(status(page)).toBe(
      '没有找到“&lt;img src=x onerror=alert(1)&gt;谢谢”。请换个写法（如区县或乡镇名），或拨打 400-000-0000 咨询。',
    );
    // In the box, as its value: a quoted attribute, where markup is text.
    expect(page.split('<img src=x')).toHaveLength(2);
    expect(page).toContain('value="<img src=x onerror=alert(1)>谢谢"');
    const { page: hk } = await search('香港');
    expect(status(hk)).toContain('本站服务地区不含香港、澳门、台湾。');
  });
});
