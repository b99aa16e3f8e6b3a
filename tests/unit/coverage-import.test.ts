// The coverage import CLI against a copy of the sample content.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { coverageImport } from '../../scripts/coverage-import.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baoxiu-import-'));
  cpSync('src/content', join(dir, 'content'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The import as the command runs it, in this process (the region tree built once for the file:
 *  a spawn each took 1–3 s, the file 79 s of a loaded CI's last two minutes); `spawned`, as npm
 *  runs it. */
async function run(args: string[], input?: string | Buffer, env: Record<string, string> = {}, spawned = false) {
  const file = join(dir, 'places.txt');
  if (input !== undefined) writeFileSync(file, input);
  const argv = [...args, ...(input !== undefined && !env.INIT_CWD ? [file] : [])];
  const environment = { ...process.env, BAOXIU_CONTENT_DIR: join(dir, 'content'), ...env };
  if (!spawned) {
    let stdout = '';
    let stderr = '';
    const code = coverageImport(argv, {
      env: environment,
      stdin: () => Buffer.from(input ?? ''),
      out: (text) => (stdout += `${text}\n`),
      err: (text) => (stderr += `${text}\n`),
    });
    return { code, stdout, stderr };
  }
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['scripts/coverage-import.ts', ...argv], { env: environment });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
  }
}
const coverage = (brand: string) => parse(readFileSync(join(dir, 'content', 'coverage', `${brand}.yaml`), 'utf8'));

/** A list's entries as a dry run reads them: as written, status, and the code or the candidates' codes. */
const read = async (text: string) =>
  JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], text)).stdout).map((r: any) => [
    r.input,
    r.status,
    r.code ?? r.candidates?.map((c: any) => c.code).join(' '),
  ]);

describe('npm run coverage:import', () => {
  it('prints one JSON object per entry in input order and merges into the coverage file', async () => {
    const { code, stdout } = await run(['--brand', 'nuanchuan', '--json'], '湘西凤凰县、海南共和县\n文昌市龙楼镇，杭州市江干区');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.map((r: any) => [r.input, r.status, r.code])).toEqual([
      ['湘西凤凰县', 'resolved', '433123'],
      ['海南共和县', 'resolved', '632521'],
      ['文昌市龙楼镇', 'warning', '469005'],
      ['杭州市江干区', 'warning', '330102'],
    ]);
    for (const r of report) expect(Object.keys(r)).toEqual(expect.arrayContaining(['input', 'status', 'code', 'path', 'note']));
    const codes = coverage('nuanchuan').regions.map((r: any) => r.code ?? r.place);
    expect(codes).toEqual(['620200', '433101', '湘西泸溪县', '433123', '632521', '469005', '330102']);
    expect(coverage('nuanchuan').regions.find((r: any) => r.code === '469005').towns).toEqual(['龙楼镇']);
    // The operator's comments survive.
    expect(readFileSync(join(dir, 'content', 'coverage', 'nuanchuan.yaml'), 'utf8')).toContain(
      '# 甘肃省 嘉峪关市（全市，不设区县）',
    );
  });

  it("merges into the brand's file as the build reads it (.yml too), and refuses a .json or two files of one brand", async () => {
    const at = (ext: string) => join(dir, 'content', 'coverage', `jianxia.${ext}`);
    renameSync(at('yaml'), at('yml'));
    const merged = await run(['--brand', 'jianxia'], '凤凰县');
    expect(merged.code).toBe(0);
    expect(existsSync(at('yaml'))).toBe(false);
    const yml = readFileSync(at('yml'), 'utf8');
    expect(yml).toContain('433123');
    expect(yml).toContain('# Where 坚匣 is serviced.'); // the operator's file, not a new one
    writeFileSync(at('yaml'), 'brand: jianxia\nregions: []\n');
    const two = await run(['--brand', 'jianxia'], '泸溪县');
    expect([two.code, two.stderr]).toEqual([2, expect.stringMatching(/jianxia\.yaml and .*jianxia\.yml both exist/)]);
    rmSync(at('yaml'));
    rmSync(at('yml'));
    writeFileSync(at('json'), '{"brand": "jianxia", "regions": [{"code": "433101"}]}');
    const json = await run(['--brand', 'jianxia'], '泸溪县');
    expect([json.code, json.stderr]).toEqual([2, expect.stringContaining('jianxia.json is JSON; coverage:import writes YAML')]);
    expect(readFileSync(at('json'), 'utf8')).toBe('{"brand": "jianxia", "regions": [{"code": "433101"}]}');
  });

  it('writes nothing and exits non-zero when an entry is ambiguous or unresolved', async () => {
    const before = readFileSync(join(dir, 'content', 'coverage', 'jianxia.yaml'), 'utf8');
    const { code, stdout } = await run(['--brand', 'jianxia'], '凤凰县 鼓楼区 火星市');
    expect(code).toBe(1);
    expect(stdout).toMatch(/AMBIGUOUS\s+鼓楼区/);
    expect(stdout).toContain('candidate 350102 福建省 福州市 鼓楼区');
    // Unresolved says why, after the entry.
    expect(stdout).toMatch(/UNRESOLVED\s+火星市 {2}\(no region, town or former division of that name\)/);
    expect(stdout).toContain('Nothing written');
    expect(readFileSync(join(dir, 'content', 'coverage', 'jianxia.yaml'), 'utf8')).toBe(before);
  });

  it('writes the rest with --allow-partial, skipping places already covered', async () => {
    const { code, stdout } = await run(['--brand', 'nuanchuan', '--allow-partial'], '凤凰县 鼓楼区 嘉峪关市峪泉镇 泸溪县');
    expect(code).toBe(0);
    // 峪泉镇 is in 嘉峪关市 (covered by code); 泸溪县 is covered by a place entry.
    expect(stdout).toContain('1 regions added, 0 towns noted, 2 already covered');
    expect(coverage('nuanchuan').regions.map((r: any) => r.code)).toContain('433123');
  });

  it('counts a place the list repeats as listed twice, not as covered by the file already', async () => {
    const { stdout } = await run(['--brand', 'nuanchuan', '--dry-run'], '深圳南山区\n深圳福田区\n深圳南山区\n泸溪县');
    expect(stdout).toContain('2 regions added, 0 towns noted, 1 already covered, 1 listed twice');
    // A town so too: noted once, then listed twice; one the file notes already, already covered.
    const towns = await run(['--brand', 'nuanchuan', '--dry-run'], '吉首市乾州街道\n吉首市乾州街道\n吉首市乾州街道');
    expect(towns.stdout).toContain('0 regions added, 1 towns noted, 0 already covered, 2 listed twice');
    const noted = await run(['--brand', 'jianxia', '--dry-run'], '文昌市龙楼镇\n文昌市龙楼镇');
    expect(noted.stdout).toContain('0 regions added, 0 towns noted, 1 already covered, 1 listed twice');
  });

  it('reads a path with spaces as one place, asks about a place listed with places inside it, writes nothing with --dry-run', async () => {
    const before = readFileSync(join(dir, 'content', 'coverage', 'jianxia.yaml'), 'utf8');
    const { code, stdout } = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      '广东省 广州市 黄埔区\n湖南省、吉首市\n湖南省 凤凰县 泸溪县\nji shou\n湖南/长沙/岳麓区\n吉首 湖南\n港口物流产业园-永安洲镇',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.map((r: any) => [r.input, r.status, r.code ?? r.candidates?.map((c: any) => c.code)])).toEqual([
      ['广东省 广州市 黄埔区', 'resolved', '440112'],
      // Covering it would cover all of it (122 counties): asked, never written.
      ['湖南省', 'ambiguous', ['430000']],
      ['吉首市', 'resolved', '433101'],
      // Words that are not each above the last: a heading, and the places in it, each read after it.
      ['湖南省 凤凰县', 'resolved', '433123'],
      ['湖南省 泸溪县', 'resolved', '433122'],
      ['ji shou', 'warning', '433101'], // spaced pinyin, as search reads it
      ['湖南 长沙 岳麓区', 'resolved', '430104'], // a path written with /, not all of 湖南省 beside 长沙
      ['湖南 吉首', 'resolved', '433101'], // the other way round
      ['港口物流产业园-永安洲镇', 'warning', '321203'], // a town of 高港区 whose name has a hyphen
    ]);
    expect(report[1].note).toBe(
      'the list also names places inside it (吉首市, 湖南省 凤凰县, 湖南省 泸溪县, …): leave 湖南省 out to cover only those, or list it without them to cover all of 湖南省',
    );
    expect(readFileSync(join(dir, 'content', 'coverage', 'jianxia.yaml'), 'utf8')).toBe(before);
  });

  it('never covers more than a line meant: a note written apart, a slip in a path, a part of a place', async () => {
    const { stdout } = await run(
      ['--brand', 'nuanchuan', '--json', '--allow-partial'],
      [
        '广东省 东莞市 虎门镇 （含周边）',
        '广东省 深圳市 宝安区 含周边',
        '中国 广东省 广州市 天河区',
        '广东省 深圳市 保安区', // a slip for 宝安区, in a path
        '龙岗区（部分）',
        '南山区（深圳）',
        '北京 朝阳 海淀', // a heading: 朝阳 alone names six places
      ].join('\n'),
    );
    const report = JSON.parse(stdout);
    expect(report.map((r: any) => [r.input, r.status, r.code])).toEqual([
      ['广东省 东莞市 虎门镇（含周边）', 'warning', '441900121'],
      ['广东省 深圳市 宝安区含周边', 'warning', '440306'],
      ['广东省 广州市 天河区', 'resolved', '440106'],
      ['广东省 深圳市 保安区', 'unresolved', null],
      ['龙岗区（部分）', 'unresolved', null],
      ['南山区（深圳）', 'warning', '440305'],
      ['北京 朝阳', 'resolved', '110105'],
      ['北京 海淀', 'resolved', '110108'],
    ]);
    expect(report[3].candidates).toEqual([{ code: '440306', path: '广东省 深圳市 宝安区' }]);
    expect(report[4].note).toMatch(/^\(部分\) leaves out part of 龙岗区/);
    // Written: the places themselves, never 广东省 or 深圳市 whole.
    const codes = coverage('nuanchuan').regions.map((r: any) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['441900121', '440306', '440106', '440305', '110105', '110108']));
    expect(codes).not.toEqual(expect.arrayContaining(['440000']));
    expect(codes.filter((c: string) => ['440000', '440300', '440307', '441900', '110000'].includes(c))).toEqual([]);
  });

  it('never covers a city for a word after it that names nothing there, nor a district of another province for it', async () => {
    // Said with the 31 places called 河西, the nearest first (怀化's 河西街道, in 湖南), not 天津's 河西区 alone.
    const hexi = expect.stringMatching(/^431202 (\d+ ){8}\d+$/);
    // Read apart, 长沙 or 湖南 would be covered whole, and 天津's 河西区 or 洛阳's town 科技园街道 beside it.
    expect(
      await read(
        ['长沙 河西', '长沙：河西、河东', '湖南：长沙 河西', '深圳 科技园', '湖南 茶峒', '长沙 五一广场', '长沙 城关镇'].join(
          '\n',
        ),
      ),
    ).toEqual([
      ['长沙 河西', 'unresolved', hexi],
      ['长沙 河西', 'unresolved', hexi],
      ['长沙 河东', 'unresolved', expect.any(String)],
      ['湖南 长沙 河西', 'unresolved', hexi],
      ['深圳 科技园', 'unresolved', '410311'],
      ['湖南 茶峒', 'unresolved', '430000'],
      ['长沙 五一广场', 'unresolved', undefined],
      ['长沙 城关镇', 'unresolved', expect.any(String)],
    ]);
    // Two places of their own are two (大连 锦州; 长沙 凤凰: 凤凰县, in 长沙's province; 长沙 株州: 株洲市,
    // of that sound, asked), and a place inside is read with its city.
    expect(await read('大连 锦州\n长沙 凤凰\n长沙 株州')).toEqual([
      ['大连', 'resolved', '210200'],
      ['锦州', 'resolved', '210700'],
      ['长沙', 'warning', '430100'],
      ['凤凰', 'resolved', '433123'],
      ['长沙', 'warning', '430100'],
      ['株州', 'unresolved', '430200'],
    ]);
    expect(await read('湖南 长沙 岳陆')).toEqual([['湖南 长沙 岳陆', 'unresolved', '430104']]);
    // Across a province's border, an operator's area may go on (上海 昆山, 湖南 赤壁): a county or city is
    // a place of its own, and so is a district of the province beside it when no other place has its
    // name (上海 吴江: 苏州's 吴江区; not 上海 鼓楼, of four cities). A town of another province is asked with the city — 广州 黄岐 was all of 广州
    // and 福建's 连江县 (its 黄岐镇), not 南海's 黄岐 — and read apart when written apart (北京、燕郊).
    expect(await read('上海 昆山\n上海 吴江\n上海 鼓楼\n北京 燕郊\n广州 黄岐\n北京、燕郊\n湖南 赤壁\n上海：太仓')).toEqual([
      ['上海', 'resolved', '310000'],
      ['昆山', 'resolved', '320583'],
      ['上海', 'resolved', '310000'],
      ['吴江', 'resolved', '320509'],
      ['上海 鼓楼', 'unresolved', '320106 320302 330203 350102 410204 110118 120104 130981 140107 141082'],
      ['北京 燕郊', 'unresolved', '131082'],
      ['广州 黄岐', 'unresolved', '350122'],
      ['北京', 'resolved', '110000'],
      ['燕郊', 'warning', '131082'],
      ['湖南', 'resolved', '430000'],
      ['赤壁', 'resolved', '421281'],
      ['上海', 'resolved', '310000'],
      ['太仓', 'resolved', '320585'],
    ]);
    // Not a town whose name towns beyond the borders share too (长沙 东城: 44 places are called 东城, 东莞's
    // one of them; 长沙's own 东城 is meant): one entry, asked, saying where the places of that name are,
    // the nearest first (东莞's and 湖北's before 北京's 东城区), nor 东莞's town read as a county's.
    const common = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '长沙 东城\n长沙 东成')).stdout);
    expect(common.map((r: any) => [r.input, r.status])).toEqual([
      ['长沙 东城', 'unresolved'],
      ['长沙 东成', 'unresolved'],
    ]);
    expect(common[0].note).toMatch(
      /^东城 names no place of 长沙市 in the data: the 44 places of that name are elsewhere; the first 10/,
    );
    expect(common[0].candidates[0]).toEqual({ code: '441900003', path: '广东省 东莞市 东城街道' });
    const provinces = common[0].candidates.map((c: any) => c.path.split(' ')[0]);
    expect(new Set(provinces.slice(0, -1))).toEqual(new Set(['广东省', '湖北省', '重庆市']));
    expect(common[0].candidates.at(-1)).toEqual({ code: '110101', path: '北京市 东城区' });
    expect(common[1].candidates.map((c: any) => c.code)).toEqual(['440785', '445321', '460400115']);
    // With its suffix, or a name that is one with it (乌镇: 乌镇镇), the same, saying where it is — not a
    // near name of the whole (上海街道, 福州's; 长沙街道, 开平's).
    const suffixed = JSON.parse(
      (await run(['--brand', 'jianxia', '--json', '--dry-run'], '上海 乌镇\n长沙 东城街道\n深圳 新塘镇')).stdout,
    );
    expect(suffixed.map((r: any) => [r.input, r.status, r.candidates[0].code])).toEqual([
      ['上海 乌镇', 'unresolved', '330483'],
      ['长沙 东城街道', 'unresolved', '441900003'],
      ['深圳 新塘镇', 'unresolved', '440118'],
    ]);
    expect(suffixed[0].note).toMatch(/^乌镇 names no place of 上海市 in the data: the 2 places of that name are elsewhere/);
    // In the city's province, a town of 东莞 is a place of its own (深圳 凤岗, beside it); another town
    // elsewhere in the province, of a name towns far off share, is asked with the city (深圳 新塘).
    expect(await read('深圳 凤岗\n深圳 新塘')).toEqual([
      ['深圳', 'resolved', '440300'],
      ['凤岗', 'warning', '441900117'],
      ['深圳 新塘', 'unresolved', expect.stringMatching(/^440106 440118 /)],
    ]);
    // The places listed are where the name is, not what the line may mean: a province or city listed
    // beside it is no heading of theirs (湖北, 东莞: covered, not asked).
    expect(await read('长沙 城关\n湖北\n长沙 东城\n东莞')).toEqual([
      ['长沙 城关', 'unresolved', expect.stringMatching(/^420304 /)],
      ['湖北', 'resolved', '420000'],
      ['长沙 东城', 'unresolved', expect.stringMatching(/^441900003 /)],
      ['东莞', 'resolved', '441900'],
    ]);
    // A county or city anywhere is a place of its own (深圳 义乌, 长沙 昆山); written as one, said where it is.
    expect(await read('深圳 义乌\n长沙 昆山 义乌\n深圳 香港')).toEqual([
      ['深圳', 'resolved', '440300'],
      ['义乌', 'resolved', '330782'],
      ['长沙', 'warning', '430100'],
      ['昆山', 'resolved', '320583'],
      ['义乌', 'resolved', '330782'],
      ['深圳', 'resolved', '440300'],
      ['香港', 'unresolved', undefined],
    ]);
    const far = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '湖南乾县')).stdout);
    expect(far).toMatchObject([{ status: 'unresolved', note: '乾县 (陕西省 咸阳市 乾县) is not in 湖南省' }]);
    // A town of the word's name in the city before it, over a place of that name in another province
    // (佛山 九江: 南海区's 九江镇, not 江西's 九江市; 广州 石门: 白云区's 石门街道, not 湖南's 石门县), and
    // over towns far off (长沙 高桥: 长沙's two, asked); not over a city of its province (湛江 中山).
    expect(await read('佛山 九江\n广州 石门')).toEqual([
      ['佛山 九江', 'warning', '440605'],
      ['广州 石门', 'warning', '440111'],
    ]);
    expect(await read('长沙 高桥')).toEqual([['长沙 高桥', 'ambiguous', '430111 430121']]);
    // So with more places on the line: each such word with the city, asked; the places in it read.
    expect(await read('长沙 河西 河东\n深圳 南山 科技园\n长沙 五一广场 河西')).toEqual([
      ['长沙 河西', 'unresolved', hexi],
      ['长沙 河东', 'unresolved', expect.any(String)],
      ['深圳 南山', 'resolved', '440305'],
      ['深圳 科技园', 'unresolved', '410311'],
      ['长沙 五一广场', 'unresolved', undefined],
      ['长沙 河西', 'unresolved', hexi],
    ]);
    // Under a heading, a word read nowhere in it keeps it (合肥 滨湖新区: 合肥's zones offered, not 无锡's
    // 滨湖区), and the heading is no entry of its own.
    const headed = await read('合肥：滨湖新区、蜀山\n西安：雁塔、曲江新区');
    expect(headed.map(([input, status]: string[]) => [input, status])).toEqual([
      ['合肥 滨湖新区', 'unresolved'],
      ['合肥 蜀山', 'resolved'],
      ['西安 雁塔', 'resolved'],
      ['西安 曲江新区', 'ambiguous'],
    ]);
    expect(headed[0][2].split(' ')).toEqual(['340100', '340176', '340177', '340178']);
  });

  it('reads pinyin as it is printed, with tones and syllable marks, as one entry however it is spaced', async () => {
    expect(await read("Jí shǒu\nXi'an")).toEqual([
      ['Ji shou', 'warning', '433101'],
      ['Xian', 'ambiguous', '220403 231005 610100'],
    ]);
    // A heading in pinyin heads its places; of a name places there share, asked among them.
    expect(await read('Hunan: Changsha, Zhuzhou')).toEqual([
      ['Hunan Changsha', 'ambiguous', '430100 430121'],
      ['Hunan Zhuzhou', 'warning', '430200'],
    ]);
  });

  it('reads a prefecture that is gone as a heading of its counties, not also as the place of its name today', async () => {
    // 巢湖 (a prefecture until 2011; 巢湖市 is now a county-level city) heading its counties: those alone.
    expect(await read('巢湖：庐江、无为、含山、和县\n安徽省 巢湖市 庐江县\n莱芜 钢城\n巢湖 庐江 无为')).toEqual([
      ['巢湖 庐江', 'warning', '340124'],
      ['巢湖 无为', 'warning', '340281'],
      ['巢湖 含山', 'warning', '340522'],
      ['巢湖 和县', 'warning', '340523'],
      ['安徽省 巢湖市 庐江县', 'warning', '340124'],
      ['莱芜 钢城', 'warning', '370117'],
      ['巢湖 庐江', 'warning', '340124'],
      ['巢湖 无为', 'warning', '340281'],
    ]);
    // Not after today's city, where it is a place of its own (济南 莱芜 钢城: 莱芜区 and 钢城区), nor
    // before a city (淮阴 淮安 宿迁: three places).
    expect(await read('济南 莱芜 钢城')).toEqual([
      ['济南 莱芜', 'warning', '370116'],
      ['济南 钢城', 'resolved', '370117'],
    ]);
    expect((await read('淮阴 淮安 宿迁')).map(([input]: string[]) => input)).toEqual(['淮阴', '淮安', '宿迁']);
    // A renamed one too (思茅: 普洱市 since 2007, 思茅区 today; 淮阴: 淮安市 since 2001).
    expect(await read('思茅 景东\n淮阴 涟水')).toEqual([
      ['思茅 景东', 'warning', '530823'],
      ['淮阴 涟水', 'warning', '320826'],
    ]);
    // The place of its name today is said not to be covered (莱芜区, 巢湖市).
    const said = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '莱芜 钢城')).stdout);
    expect(said[0].note).toContain('山东省 济南市 莱芜区, called 莱芜 today, is not covered: write it to cover it too');
  });

  it("reads the code table's rows for a city's districts or counties as those, asked, not as the city whole", async () => {
    const rows = await read('省,市,县\n湖南省,株洲市,市辖区\n湖南省,长沙市,岳麓区\n重庆市,重庆市,县\n北京市,市辖区,朝阳区');
    expect(rows.map(([input, status]: string[]) => [input, status])).toEqual([
      ['湖南省 株洲市区', 'unresolved'],
      ['湖南省 长沙市 岳麓区', 'resolved'],
      ['重庆市各县', 'unresolved'],
      ['北京市 朝阳区', 'resolved'],
    ]);
    // The districts offered, not the counties (醴陵市, 攸县); Chongqing's counties, not its districts.
    expect(rows[0][2].split(' ')).toEqual(['430202', '430203', '430204', '430211', '430212']);
    expect(rows[2][2].split(' ')).toContain('500229');
    expect(rows[2][2].split(' ')).not.toContain('500101');
  });

  it('reads headings with a slip among their places, a heading in a heading, two headings on a line, and two cities as two cities', async () => {
    const { stdout } = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      [
        '深圳 南山 福天 罗湖',
        '广东省 深圳市 南山区 福田区',
        '湛江 中山',
        '苏州 沙溪镇',
        '南京 鼓楼 玄武 福州 鼓楼',
        '南京 玄武 福洲 鼓楼',
      ].join('\n'),
    );
    expect(JSON.parse(stdout).map((r: any) => [r.input, r.status, r.code ?? r.candidates?.[0]?.path])).toEqual([
      ['深圳 南山', 'resolved', '440305'],
      ['深圳 福天', 'unresolved', '广东省 深圳市 福田区'], // of that sound, within the heading
      ['深圳 罗湖', 'resolved', '440303'],
      ['广东省 深圳市 南山区', 'resolved', '440305'],
      ['广东省 深圳市 福田区', 'resolved', '440304'],
      // A city is no town's name in another (赤坎区's 中山街道); written as a town, it is one. Of the
      // places called 中山, the one in the province of the list's others (not 大连's 中山区), said.
      ['湛江', 'resolved', '440800'],
      ['中山', 'warning', '442000'],
      ['苏州 沙溪镇', 'warning', '320585'],
      // Two headings on a line, each with its own 鼓楼区.
      ['南京 鼓楼', 'resolved', '320106'],
      ['南京 玄武', 'resolved', '320102'],
      ['福州 鼓楼', 'resolved', '350102'],
      // A slip whose sound is another city's is no place of the heading before it (南京 福洲).
      ['南京 玄武', 'resolved', '320102'],
      ['福洲', 'unresolved', '福建省 福州市'],
      ['鼓楼', 'ambiguous', expect.any(String)],
    ]);
    // A province's one-character name heads places too; alone, it is said what it is.
    const short = await run(['--brand', 'jianxia', '--json', '--dry-run'], '粤 深圳 广州\n粤');
    expect(JSON.parse(short.stdout).map((r: any) => [r.input, r.status, r.code ?? r.candidates?.[0]?.path])).toEqual([
      ['广东省 深圳', 'resolved', '440300'],
      ['广东省 广州', 'resolved', '440100'],
      ['粤', 'unresolved', '广东省'],
    ]);
    // A slip heard as an input method's fuzzy mode hears it (深证: 深圳, zheng for zhen) is a heading's
    // place beside 广州, not one in it; after one place, a slip of a sound in it is one entry with it.
    // A town's too, its suffix left off (吉首 乾洲: 乾州街道); not a slip whose place is elsewhere (吉首 常沙),
    // nor a place of its own (大连 锦州: 锦州市, not a slip for 大连's 金州区); a name as written beside the
    // city before a fuzzy one in it (郑州信阳: 信阳市, not 郑州's 荥阳市).
    // A word that is a place of its own is no town's name either, though it fits above (长春 吉林: not
    // 二道区's 吉林街道); nor, a name places share, read as the province before it (吉林省 above 长春, or
    // 吉林市 beside it? asked), as 湖南 is after 吉首.
    // A slip for a city before a place in it, written together or apart (深证市南山区, 深证 南山).
    // Of two cities of that sound, the one the place is in (福洲 鼓楼: 福州's 鼓楼区; 抚州 has none).
    const city = await run(['--brand', 'jianxia', '--json', '--dry-run'], '深证市南山区\n深证 南山\n福洲 鼓楼');
    expect(JSON.parse(city.stdout).map((r: any) => [r.input, r.status, r.candidates?.map((c: any) => c.code)])).toEqual([
      ['深证市南山区', 'unresolved', ['440305']],
      ['深证 南山', 'unresolved', ['440305']],
      ['福洲 鼓楼', 'unresolved', ['350102']],
    ]);
    const apart = await run(['--brand', 'jianxia', '--json', '--dry-run'], '大连 锦州\n郑州信阳\n长春 吉林\n吉首 湖南');
    expect(JSON.parse(apart.stdout).map((r: any) => [r.input, r.status, r.code ?? r.candidates?.[0]?.path])).toEqual([
      ['大连', 'resolved', '210200'],
      ['锦州', 'resolved', '210700'],
      ['郑州信阳', 'unresolved', '河南省 信阳市'],
      ['长春', 'resolved', '220100'],
      ['吉林', 'ambiguous', '吉林省'],
      ['湖南 吉首', 'resolved', '433101'],
    ]);
    const fuzzy = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      '广东 广州 深证\n深圳 福天\n吉首 乾洲\n吉首乾洲\n吉首 常沙',
    );
    expect(JSON.parse(fuzzy.stdout).map((r: any) => [r.input, r.status, r.code ?? r.candidates?.[0]?.path])).toEqual([
      ['广东 广州', 'resolved', '440100'],
      ['广东 深证', 'unresolved', '广东省 深圳市'],
      ['深圳 福天', 'unresolved', '广东省 深圳市 福田区'],
      ['吉首 乾洲', 'unresolved', '湖南省 湘西土家族苗族自治州 吉首市 乾州街道'],
      ['吉首乾洲', 'unresolved', '湖南省 湘西土家族苗族自治州 吉首市 乾州街道'],
      ['吉首', 'resolved', '433101'],
      ['常沙', 'unresolved', '湖南省 长沙市'],
    ]);
  });

  it("reads a county's short name as the town where the list's other places are (西乡: 深圳's 西乡街道), said", async () => {
    const { stdout } = await run(['--brand', 'jianxia', '--json', '--dry-run'], '深圳宝安区、西乡\n广州市黄浦区');
    const [, xixiang, huangpu] = JSON.parse(stdout);
    // Not among places of its own province: 芙蓉 with 长沙's and 常德's districts is 芙蓉区 (常德 has a 芙蓉街道).
    const hunan = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '芙蓉、天心、武陵、鼎城')).stdout);
    expect(hunan.map((r: any) => r.status)).toEqual(['resolved', 'resolved', 'resolved', 'resolved']);
    // Not 陕西's 西乡县, 1,500 km away, which is named for whoever meant it.
    expect(xixiang).toMatchObject({ status: 'warning', code: '440306', town: '西乡街道' });
    expect(xixiang.note).toBe(
      "read as 广东省 深圳市 宝安区 西乡街道, where the list's other places are; also 陕西省 汉中市 西乡县 (write 西乡县 for it)",
    );
    // Two towns of that name there: asked, with the county among the candidates.
    const [, xicheng] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '保定市竞秀区、西城')).stdout);
    expect(xicheng).toMatchObject({ status: 'ambiguous' });
    expect(xicheng.candidates.map((c: any) => c.path)).toEqual([
      '河北省 保定市 定州市 西城乡',
      '河北省 保定市 安国市 西城镇',
      '北京市 西城区',
    ]);
    // Alone, 西乡 is the county, unsaid; and a character of the same sound, within the city written.
    expect(JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '西乡')).stdout)[0].status).toBe('resolved');
    expect(huangpu).toMatchObject({ status: 'unresolved', candidates: [{ code: '440112', path: '广东省 广州市 黄埔区' }] });
  });

  it('reads a province and a shared name (湖南-长沙) as one place, the city, said; never the province', async () => {
    const { code, stdout } = await run(['--brand', 'jianxia', '--json', '--dry-run'], '湖南-长沙');
    expect(code).toBe(0);
    const [changsha] = JSON.parse(stdout);
    expect(changsha).toMatchObject({ input: '湖南 长沙', status: 'warning', code: '430100' });
    expect(changsha.note).toBe(
      '2 places are called 长沙 in 湖南: read as the city, 湖南省 长沙市; for 湖南省 长沙市 长沙县, write it with its 县 or 区 and its city',
    );
    // A prefecture that is no city is not called one (红河哈尼族彝族自治州, 兴安盟).
    const [honghe] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '红河')).stdout);
    expect(honghe.note).toBe(
      '2 places are called 红河: read as the prefecture, 云南省 红河哈尼族彝族自治州; for 云南省 红河哈尼族彝族自治州 红河县, write it with its 县 or 区 and its prefecture',
    );
  });

  it("reads a list's labels off, + between places, and says what a place left out or a city's 主城区 is", async () => {
    const { stdout } = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      [
        '★服务范围★',
        '服务区域：长沙 株洲',
        '上海上门服务范围：浦东、闵行',
        '崇明暂不服务',
        '杭州主城区+萧山+余杭',
        '和田地区：和田市',
      ].join('\n'),
    );
    const report = JSON.parse(stdout);
    expect(report.map((r: any) => [r.input, r.status, r.code ?? null])).toEqual([
      ['长沙', 'warning', '430100'],
      ['株洲', 'resolved', '430200'],
      // The place a label names heads the rest.
      ['上海 浦东', 'resolved', '310115'],
      ['闵行', 'resolved', '310112'],
      ['崇明暂不服务', 'unresolved', null],
      ['杭州主城区', 'unresolved', null],
      ['萧山', 'resolved', '330109'],
      ['余杭', 'resolved', '330110'],
      // 地区 of a prefecture's own name is no label.
      ['和田地区 和田市', 'resolved', '653201'],
    ]);
    expect(report[4].note).toBe('暂不服务 leaves 崇明 out: delete this entry, nothing is covered by it');
    expect(report[5].note).toMatch(/^主城区 names part of 杭州市, no division: write 杭州市/);
    // A city's name ending in 城市 is no label (聊城市：, 共青城市：); a label alone on its line heads
    // nothing (上海服务范围); a word for part of a city stays with it (长沙：主城九区), alone too (主城区);
    // a place left out of one the list covers makes that one a question (上海全市，崇明除外).
    const more = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      ['聊城市：东昌府区', '共青城市：江益镇', '上海服务范围', '长沙：主城九区', '主城区', '上海全市，崇明除外'].join('\n'),
    );
    const rest = JSON.parse(more.stdout);
    expect(rest.map((r: any) => [r.input, r.status, r.code ?? null])).toEqual([
      ['聊城市 东昌府区', 'resolved', '371502'],
      ['共青城市 江益镇', 'warning', '360482'],
      ['长沙 主城九区', 'unresolved', null],
      ['主城区', 'unresolved', null],
      ['上海全市', 'unresolved', null],
      ['崇明除外', 'unresolved', null],
    ]);
    expect(rest[5].note).toBe(
      '除外 leaves 上海市 崇明区 out, which 上海全市 would cover: write the places to cover instead of it',
    );
    // Offered: the city's other places (广州's ten districts but 从化区).
    const [guangzhou] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '广州、从化除外')).stdout);
    expect(guangzhou.candidates.map((c: any) => c.code)).toEqual([
      '440103',
      '440104',
      '440105',
      '440106',
      '440111',
      '440112',
      '440113',
      '440114',
      '440115',
      '440118',
    ]);
    // A city's 市区 with its districts in brackets is those (长沙市区（芙蓉、天心）); a county-less city's
    // 市区 offers no town as its own; a kind of zone alone offers no place of its sound (园区: 垣曲县).
    const parts = JSON.parse(
      (await run(['--brand', 'jianxia', '--json', '--dry-run'], '长沙市区（芙蓉、天心）\n东莞市区\n园区')).stdout,
    );
    expect(parts.map((r: any) => [r.status, r.candidates?.map((c: any) => c.code)])).toEqual([
      ['ambiguous', ['430102', '430103']],
      ['unresolved', ['441900']],
      ['unresolved', undefined],
    ]);
    expect(parts[2].note).toBe(
      '园区 alone names no place: write the zone with its city (苏州工业园区, 合肥高新区) or the districts it lies in',
    );
    // A former division read by the list says what became of it (北京 崇文: 东城区 since 2010).
    const [, chongwen] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '北京宣武、崇文')).stdout);
    expect(chongwen).toMatchObject({ status: 'warning', code: '110101' });
    expect(chongwen.note).toContain('崇文区 was replaced in 2010 by 北京市 东城区');
  });

  it('reads lists as WeChat, shop pages and Excel give them: phone numbers, emoji, header rows, 等地, 周边, → between places', async () => {
    const { stdout } = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      [
        '序号\t城市\t区县',
        '1\t长沙市\t岳麓区',
        '📍株洲市天元区✅ 电话：400-000-0000',
        '湘潭市→衡阳市',
        '益阳 等地',
        '常德周边',
        '【湖南】',
        '手机 13800000000',
      ].join('\n'),
    );
    const report = JSON.parse(stdout);
    expect(report.map((r: any) => [r.input, r.status, r.code ?? null])).toEqual([
      ['长沙市 岳麓区', 'resolved', '430104'],
      ['株洲市天元区（电话：400-000-0000）', 'warning', '430211'],
      ['湘潭市', 'resolved', '430300'],
      ['衡阳市', 'resolved', '430400'],
      ['益阳等地', 'warning', '430900'],
      ['常德周边', 'warning', '430700'],
      ['【湖南】', 'unresolved', null],
      ['（手机 13800000000）', 'unresolved', null],
    ]);
    expect(report[4].note).toContain('等地 read off: only 湖南省 益阳市 is covered');
    expect(report[6].note).toMatch(/^only 【湖南】, a place in brackets, as a heading\?/);
    expect(report[7].note).toBe('only a phone number, (手机13800000000), and no place: delete it');
  });

  it('reads a name places share as the one where the list is, else a city by its name alone, said; asks otherwise', async () => {
    // Alone, the city: not 辽源's or 牡丹江's 西安区, not 乌鲁木齐县; but a district of 北京, 上海, 天津 or
    // 重庆 is written without its 区 as a city is, so 朝阳 (北京's, or 辽宁's 朝阳市?) is asked.
    // A county-level city is a city too: 大理 (大理州, or its 大理市?) is asked.
    expect(await read('西安、新疆乌鲁木齐、朝阳、大理')).toEqual([
      ['西安', 'warning', '610100'],
      ['新疆乌鲁木齐', 'warning', '650100'],
      ['朝阳', 'ambiguous', '110105 211300 211321 220104'],
      ['大理', 'ambiguous', '532900 532901'],
    ]);
    // Not the city beside a shared name whose places are all in one province where another of them is
    // (吉林: 吉林省 or 吉林市; 辽源's 西安区 is in 吉林省); by a province alone, no town (新区 beside 莱芜).
    expect(await read('吉林、西安\n莱芜、新区')).toEqual([
      ['吉林', 'ambiguous', '220000 220200'],
      ['西安', 'ambiguous', '220403 231005 610100'],
      ['莱芜', 'warning', '370116'],
      ['新区', 'ambiguous', expect.any(String)],
    ]);
    // Among places of one city or province, theirs (朝阳: 北京's; 西安: 辽源's; 沙溪镇: 太仓's).
    expect(await read('朝阳、海淀、丰台\n龙山区、西安、东辽县')).toEqual([
      ['朝阳', 'warning', '110105'],
      ['海淀', 'resolved', '110108'],
      ['丰台', 'resolved', '110106'],
      ['龙山区', 'resolved', '220402'],
      ['西安', 'warning', '220403'],
      ['东辽县', 'resolved', '220422'],
    ]);
    // A city among its own places is still asked about (长沙 and 浏阳市); a province and its city (吉林),
    // places of one name in both provinces of the list (鼓楼: 南京's, 福州's), and a town shared by more
    // places than are listed (城关镇) are asked about too.
    expect(await read('长沙、浏阳市\n吉林\n南京 玄武、福州 台江、鼓楼\n城关镇')).toEqual([
      ['长沙', 'ambiguous', '430100'],
      ['浏阳市', 'resolved', '430181'],
      ['吉林', 'ambiguous', '220000 220200'],
      ['南京 玄武', 'resolved', '320102'],
      ['福州 台江', 'resolved', '350103'],
      ['鼓楼', 'ambiguous', expect.stringContaining('320106')],
      ['城关镇', 'ambiguous', expect.any(String)],
    ]);
    // A province's list of cities, its heading a name a county shares too (河南: 青海's 河南县), each
    // read as the city; never two cities as a county that moved (湖南：长沙 株洲 was 株洲's 渌口区, as
    // 株洲县 was until 2018).
    expect(await read('湖南：长沙 株洲\n河南：郑州 洛阳')).toEqual([
      ['湖南 长沙', 'warning', '430100'],
      ['湖南 株洲', 'resolved', '430200'],
      ['河南 郑州', 'resolved', '410100'],
      ['河南 洛阳', 'resolved', '410300'],
    ]);
    // Where the list has two of them, neither nor the city (西安: 辽源's and 牡丹江's 西安区 both where it is);
    // pinyin of two names (fuzhou: 福州, 抚州) is no shared name; and a shared name before a slip in it is
    // one entry with the slip, never the whole city (长沙 岳陆: 岳麓区 offered).
    expect(await read('西安、龙山区、爱民区\nfuzhou、南昌市\n长沙 岳陆')).toEqual([
      ['西安', 'ambiguous', '220403 231005 610100'],
      ['龙山区', 'resolved', '220402'],
      ['爱民区', 'resolved', '231004'],
      ['fuzhou', 'ambiguous', '350100 361000'],
      ['南昌市', 'resolved', '360100'],
      ['长沙 岳陆', 'unresolved', '430104'],
    ]);
  });

  it('reads a heading before a colon over every entry after it, a kind of zone after a city, and brackets after a shared name', async () => {
    // 东莞：虎门、长安、南城 is 东莞's three towns (长安 and 南城 alone are places of other provinces too);
    // a place outside the heading is read alone (湖南：长沙、广州: never 湖南省 whole).
    expect(await read('东莞：虎门、长安、南城\n湖南：长沙、广州')).toEqual([
      ['东莞 虎门', 'resolved', '441900121'],
      ['东莞 长安', 'resolved', '441900119'],
      ['东莞 南城', 'resolved', '441900004'],
      ['湖南 长沙', 'warning', '430100'],
      ['广州', 'resolved', '440100'],
    ]);
    // A zone after its city, or under it: the city's zone (合肥高新区, 苏州工业园区), the district one with
    // it (苏州新区: 虎丘区, areas.ts), or asked as such (长沙高新区: the data has none so named) — never the
    // city whole, nor a town called 新区街道 in 徐州 because 徐州 is on another line.
    expect(await read('徐州：铜山\n苏州：姑苏、新区\n合肥：高新区\n苏州：工业园区\n长沙：岳麓、高新区')).toEqual([
      ['徐州 铜山', 'resolved', '320312'],
      ['苏州 姑苏', 'resolved', '320508'],
      ['苏州 新区', 'warning', '320505'],
      ['合肥 高新区', 'warning', '340176'],
      ['苏州 工业园区', 'resolved', '320576'],
      ['长沙 岳麓', 'resolved', '430104'],
      ['长沙 高新区', 'unresolved', '430100'],
    ]);
    // A kind of zone alone is never read by where the list is: 新区 beside 徐州 is asked, and 徐州 is not.
    expect(await read('江苏：徐州、无锡\n新区')).toEqual([
      ['江苏 徐州', 'resolved', '320300'],
      ['江苏 无锡', 'resolved', '320200'],
      ['新区', 'ambiguous', '220702 320312 371502 411281'],
    ]);
    // A town called by a kind of zone, after its city, is asked (徐州 新区: 铜山区's 新区街道, or a zone of
    // 徐州?); a zone one with a district is that district (常州高新区: 新北区, not 武进区's town 高新区).
    const [, xinqu] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '徐州：铜山、新区')).stdout);
    expect(xinqu).toMatchObject({ status: 'ambiguous', candidates: [{ code: '320312' }] });
    expect(xinqu.note).toBe(
      '新区 here is the town 新区街道 of 铜山区 (candidate below), or a zone: for the town, write it with its county (铜山区新区街道); for a zone, write the zone with its city (苏州工业园区, 合肥高新区) or the districts it lies in',
    );
    expect(await read('常州：武进、高新区')).toEqual([
      ['常州 武进', 'resolved', '320412'],
      ['常州 高新区', 'warning', '320411'],
    ]);
    // Brackets after a name places share say what they say of the city (长沙: 长沙市, by the city rule).
    const [without, only] = JSON.parse(
      (await run(['--brand', 'jianxia', '--json', '--dry-run'], '长沙（除望城）\n长沙（岳麓、天心）')).stdout,
    );
    expect(without).toMatchObject({ status: 'unresolved' });
    expect(without.note).toMatch(
      /^2 places are called 长沙: read as 湖南省 长沙市, where the places in its brackets are; \(除望城\) leaves out part of 长沙市/,
    );
    expect(without.candidates.map((c: any) => c.code)).not.toContain('430112'); // 望城区
    expect(only).toMatchObject({ status: 'ambiguous', candidates: [{ code: '430104' }, { code: '430103' }] });
  });

  it('reads brackets after a province and with any separator, lists every place left to cover, and a second heading on a line', async () => {
    // What brackets name is asked, never the place whole (湖南（长沙、株洲）: not 湖南省).
    expect(
      await read('湖南（长沙、株洲）\n长沙（岳麓；天心）\n长沙(岳麓 天心)\n东莞（服务区域：虎门、长安）\n广东（深圳：南山）'),
    ).toEqual([
      ['湖南（长沙、株洲）', 'ambiguous', '430100 430200'],
      ['长沙（岳麓；天心）', 'ambiguous', '430104 430103'],
      ['长沙(岳麓 天心)', 'ambiguous', '430104 430103'],
      ['东莞（服务区域：虎门、长安）', 'ambiguous', '441900121 441900119'],
      ['广东（深圳：南山）', 'ambiguous', '440300 440305'],
    ]);
    // Places in pinyin under a heading in characters, or in pinyin (东莞：humen、changan, dongguan: humen:
    // 东莞's 虎门镇, 长安镇).
    expect(await read('dongguan: humen, changan')).toEqual([
      ['dongguan humen', 'warning', '441900121'],
      ['dongguan changan', 'warning', '441900119'],
    ]);
    expect(await read('东莞：humen、changan')).toEqual([
      ['东莞 humen', 'warning', '441900121'],
      ['东莞 changan', 'warning', '441900119'],
    ]);
    // Brackets say which of a shared name is meant (朝阳（双塔、龙城）: 辽宁's 朝阳市, where those two are).
    const [chaoyang] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '朝阳（双塔、龙城）')).stdout);
    expect(chaoyang).toMatchObject({ status: 'ambiguous', candidates: [{ code: '211302' }, { code: '211303' }] });
    expect(chaoyang.note).toMatch(/^4 places are called 朝阳: read as 辽宁省 朝阳市, where the places in its brackets are; /);
    // Every place left to cover, not the first ten; never one left out.
    const [shanghai, , hunan, changsha] = JSON.parse(
      (await run(['--brand', 'jianxia', '--json', '--dry-run'], '上海：全市、崇明除外\n湖南（除张家界）\n长沙（除望城；浏阳）'))
        .stdout,
    );
    expect(shanghai.candidates).toHaveLength(15);
    expect(shanghai.candidates.map((c: any) => c.code)).not.toContain('310151');
    expect(hunan.candidates).toHaveLength(13);
    expect(changsha).toMatchObject({ status: 'unresolved' });
    expect(changsha.candidates.map((c: any) => c.code)).not.toEqual(expect.arrayContaining(['430112']));
    expect(changsha.candidates.map((c: any) => c.code)).not.toEqual(expect.arrayContaining(['430181']));
    // The nearest heading heads what follows (江苏：苏州：吴中、新区: 苏州新区), and a heading of its own after ；
    // starts anew — neither heading is an entry of its own.
    expect(await read('江苏：苏州：吴中、新区\n湖南：长沙，株洲；广东：广州，深圳')).toEqual([
      ['江苏 苏州 吴中', 'resolved', '320506'],
      ['江苏 苏州 新区', 'warning', '320505'],
      ['湖南 长沙', 'warning', '430100'],
      ['湖南 株洲', 'resolved', '430200'],
      ['广东 广州', 'resolved', '440100'],
      ['广东 深圳', 'resolved', '440300'],
    ]);
    // A city's zones by their codes, not districts whose names end as zones' do (长春's 绿园区).
    const [changchun] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '长春：新区')).stdout);
    expect(changchun.note).toContain('长春高新技术产业开发区');
    expect(changchun.note).not.toContain('绿园区');
  });

  it('reads a heading on a line of its own over the lines after it, and never writes a place an asked entry may be in', async () => {
    // Indented under it (辽宁, then 朝阳: 辽宁's 朝阳市, not 北京's 朝阳区 by the list's 海淀; 辽宁 never whole),
    // or ending in a colon, until the next such heading (福州：, 南京：).
    expect(await read('北京 海淀\n辽宁\n  朝阳\n福州：\n鼓楼\n南京：\n玄武、秦淮\n吉林省\n\u3000朝阳区')).toEqual([
      ['北京 海淀', 'resolved', '110108'],
      ['辽宁 朝阳', 'warning', '211300'],
      ['福州 鼓楼', 'resolved', '350102'],
      ['南京 玄武', 'resolved', '320102'],
      ['南京 秦淮', 'resolved', '320104'],
      ['吉林省 朝阳区', 'resolved', '220104'],
    ]);
    // An indent by chance heads nothing: both are entries (长沙, then 株洲 indented); nor one with a line
    // outside it (湖南, then 长沙 广州 indented: 湖南 is asked). A tab indents as spaces do (广东, ⇥广州),
    // and a label before a colon alone on its line leaves its place heading (上海服务范围：).
    expect((await read('长沙\n  株洲')).map((r: string[]) => r[2])).toEqual(['430100', '430200']);
    expect((await read('湖南\n  长沙\n  广州')).map((r: string[]) => r[0] + ' ' + r[1])).toEqual([
      '湖南 ambiguous',
      '长沙 warning',
      '广州 resolved',
    ]);
    expect(await read('广东\n\t广州\n上海服务范围：\n浦东')).toEqual([
      ['广东 广州', 'resolved', '440100'],
      ['上海 浦东', 'resolved', '310115'],
    ]);
    // A colon's heading over an indented one (辽宁：, 沈阳, 　和平, then 朝阳: 辽宁's again); the ratio sign
    // some input methods give for a colon (湖南∶长沙).
    expect(await read('辽宁：\n沈阳\n  和平\n朝阳\n\n湖南∶株洲')).toEqual([
      ['辽宁 沈阳 和平', 'resolved', '210102'],
      ['辽宁 朝阳', 'warning', '211300'],
      ['湖南 株洲', 'resolved', '430200'],
    ]);
    // A heading before a colon with places after it heads the indented lines after it, under its own
    // heading (湖南省：, 长沙市：芙蓉区, then 　五里牌街道: 长沙's, not one of 湖南's four guessed by the
    // list), when they are all in it (长沙市：芙蓉区, then 　湘潭: an entry of its own).
    expect(await read('湖南省：\n长沙市：芙蓉区\n  五里牌街道\n株洲市：荷塘区\n\n长沙市：芙蓉区\n  湘潭')).toEqual([
      ['长沙市 芙蓉区', 'resolved', '430102'],
      ['湖南省 长沙市 五里牌街道', 'warning', '430102'],
      ['株洲市 荷塘区', 'resolved', '430202'],
      ['长沙市 芙蓉区', 'resolved', '430102'],
      ['湘潭', 'warning', '430300'],
    ]);
    // A heading ending in a colon ends at a line not in it (福建：, 福州, then 江苏: its 鼓楼 is not 福州's).
    expect(await read('福建：\n厦门\n江苏\n南京\n鼓楼')).toEqual([
      ['福建 厦门', 'resolved', '350200'],
      ['江苏', 'ambiguous', '320000'],
      ['南京', 'ambiguous', '320100'],
      ['鼓楼', 'warning', '320106'],
    ]);
    // A place beside an asked entry that may be in it is asked too, so --allow-partial never writes it
    // whole (福州、鼓楼 beside 南京: 福州's 鼓楼区 or 南京's?; 湖南、常沙).
    expect(await read('福州\n鼓楼\n南京\n玄武\nshenzhen nanshan\n湖南\n常沙')).toEqual([
      ['福州', 'ambiguous', '350100'],
      ['鼓楼', 'ambiguous', expect.stringContaining('350102')],
      ['南京', 'ambiguous', '320100'],
      ['玄武', 'resolved', '320102'],
      // In pinyin, two words are a place and one in it (深圳's 南山区, not 鹤岗's 南山区).
      ['shenzhen nanshan', 'warning', '440305'],
      ['湖南', 'ambiguous', '430000'],
      ['常沙', 'unresolved', '430100 430121'],
    ]);
  });

  it("reads sheets as they are pasted: CSV with its header and quotes, merged cells, the code table's rows, padded names", async () => {
    // A CSV file (its header first): each row one path, a quoted cell kept whole (csv-parse).
    expect(await read('省份,城市,区县\n湖南省,长沙市,"岳麓区"\n湖南省,长沙市,"天心区,芙蓉区"')).toEqual([
      ['湖南省 长沙市 岳麓区', 'resolved', '430104'],
      ['湖南省 长沙市 天心区', 'resolved', '430103'],
      ['芙蓉区', 'resolved', '430102'],
    ]);
    // Excel: a row under merged cells takes the row above's; the code table's 市辖区 and a city repeated
    // as its own prefecture name no place; a name padded to three characters (攸　县) is whole again; a
    // zero-width space (WeChat's) and rules and Markdown marks are read off.
    expect(
      await read(
        '北京市\t北京市\t海淀区\n北京市\t市辖区\t朝阳区\n\t\t丰台区\n株洲：攸\u3000县、茶陵县\n湘潭\u200b岳塘区\n——\n\u200f长沙市\u200e',
      ),
    ).toEqual([
      ['北京市 海淀区', 'resolved', '110108'],
      ['北京市 朝阳区', 'resolved', '110105'],
      ['北京市 丰台区', 'resolved', '110106'],
      ['株洲 攸县', 'resolved', '430223'],
      ['株洲 茶陵县', 'resolved', '430224'],
      ['湘潭岳塘区', 'resolved', '430304'],
      ['长沙市', 'resolved', '430100'], // a web page's direction marks around it
    ]);
    // A 序号 column first: the merged cells after it still take the row above's.
    expect(
      await read('序号\t省份\t城市\t区县\n1\t江苏省\t南京市\t玄武区\n2\t\t\t鼓楼区\n3\t福建省\t福州市\t台江区\n4\t\t\t鼓楼区'),
    ).toEqual([
      ['江苏省 南京市 玄武区', 'resolved', '320102'],
      ['江苏省 南京市 鼓楼区', 'resolved', '320106'],
      ['福建省 福州市 台江区', 'resolved', '350103'],
      ['福建省 福州市 鼓楼区', 'resolved', '350102'],
    ]);
    // A suffix written apart is its name's (攸 县, 长沙 县, 宁乡 市), and 县 after a municipality is the
    // code table's row (北京市 县 密云县).
    expect(await read('湖南 攸 县\n长沙 县\n宁乡 市\n北京市\t县\t密云县\n北京 市 县 密云 县\n阿拉善 左 旗')).toEqual([
      ['湖南 攸县', 'resolved', '430223'],
      ['长沙县', 'resolved', '430121'],
      ['宁乡市', 'resolved', '430182'],
      ['北京市 密云县', 'warning', '110118'],
      ['北京市 密云县', 'warning', '110118'],
      // A word that alone names nothing, with the place before it a place in it (not all of 阿拉善盟).
      ['阿拉善 左旗', 'resolved', '152921'],
    ]);
    expect(await read('湖南 省 长沙 市')).toEqual([['湖南省 长沙市', 'resolved', '430100']]);
    // A header row of cells is no row above for merged cells.
    expect(await read('省份\t城市\t区县\n\t长沙\t岳麓区')).toEqual([['长沙 岳麓区', 'resolved', '430104']]);
    // Columns the header names as no place (备注, 电话, 地址) are read off, in a sheet and in CSV; a sheet
    // of addresses alone keeps them.
    expect(
      await read(
        '序号\t省份\t城市\t区县\t备注\n1\t湖南省\t长沙市\t岳麓区\t上门\n2\t\t\t天心区\t2小时\n3\t广东省\t深圳市\t南山区\t',
      ),
    ).toEqual([
      ['湖南省 长沙市 岳麓区', 'resolved', '430104'],
      ['湖南省 长沙市 天心区', 'resolved', '430103'],
      ['广东省 深圳市 南山区', 'resolved', '440305'],
    ]);
    expect(await read('省份,城市,区县,备注,电话\n广东省,深圳市,南山区,"2小时,含周边",13800000000')).toEqual([
      ['广东省 深圳市 南山区', 'resolved', '440305'],
    ]);
    expect(await read('城市\t区县\t地址\n长沙市\t岳麓区\t麓山南路1号')).toEqual([['长沙市 岳麓区', 'resolved', '430104']]);
    expect(await read('序号\t地址\n1\t湖南省长沙市岳麓区')).toEqual([['湖南省长沙市岳麓区', 'resolved', '430104']]);
    // A short name repeated is a county of its city's name, not a word written twice (长沙县, 吉林市).
    expect(await read('湖南：长沙 长沙\n吉林 吉林')).toEqual([
      ['湖南 长沙 长沙', 'resolved', '430121'],
      ['吉林 吉林', 'resolved', '220200'],
    ]);
  });

  it('reads a path from its province through the prefecture a county moved from as the county, not the province', async () => {
    const { code, stdout } = await run(
      ['--brand', 'jianxia', '--json', '--dry-run'],
      '安徽省 安庆市 枞阳县\n四川 资阳 简阳\n枞阳县 - 全境\n湖南省 长沙市 株洲市',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: any) => [r.input, r.status, r.code])).toEqual([
      ['安徽省 安庆市 枞阳县', 'warning', '340722'],
      // 资阳 alone is also 益阳's 资阳区: one of its readings is the prefecture 简阳 was in.
      ['四川 资阳 简阳', 'warning', '510185'],
      // A word for all of it is no place of its own (全境 was an entry, unresolved).
      ['枞阳县 全境', 'warning', '340722'],
      // Two prefectures are no such path: a heading and the two prefectures in it, never 湖南省 whole.
      ['湖南省 长沙市', 'resolved', '430100'],
      ['湖南省 株洲市', 'resolved', '430200'],
    ]);
    // Nor when the county's own prefecture is written too: the other is a place of the list (this
    // line was 醴陵市 alone, "moved", 长沙 and 株洲 dropped).
    expect(await read('湖南 长沙 株洲 醴陵')).toEqual([
      ['湖南 长沙', 'warning', '430100'],
      ['湖南 株洲', 'ambiguous', '430200'],
      ['湖南 醴陵', 'resolved', '430281'],
    ]);
    // A county and its town after a place (上海 昆山 花桥): one entry, the town's county, not three.
    expect(await read('上海 昆山 花桥')).toEqual([
      ['上海', 'resolved', '310000'],
      ['昆山 花桥', 'warning', '320583'],
    ]);
  });

  it('refuses regions it cannot add to without dropping some (an alias, a mapping): nothing written', async () => {
    const file = join(dir, 'content', 'coverage', 'jianxia.yaml');
    for (const text of [
      'brand: jianxia\nbase: &base\n  - code: "433101"\nregions: *base\n',
      'brand: jianxia\nregions:\n  code: "433101"\n',
    ]) {
      writeFileSync(file, text);
      const { code, stderr } = await run(['--brand', 'jianxia'], '长沙市\n');
      expect(code, text).toBe(2);
      expect(stderr).toMatch(/regions must be a plain list/);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it("keeps the file's line ends, byte-order mark and the comments of a towns list it adds to", async () => {
    const file = join(dir, 'content', 'coverage', 'jianxia.yaml');
    const text = '\ufeffbrand: jianxia\r\nregions:\r\n  - code: "469005"\r\n    towns: [龙楼镇] # 只到这个镇\r\n';
    writeFileSync(file, text);
    expect((await run(['--brand', 'jianxia'], '文昌市东郊镇\n')).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('\ufeffbrand: jianxia\r\n')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    expect(written).toContain('# 只到这个镇');
    expect(parse(written.slice(1)).regions[0].towns).toEqual(['龙楼镇', '东郊镇']);
  });

  it('writes a brand whose coverage folder is missing, and says so in English when it cannot write', async () => {
    rmSync(join(dir, 'content', 'coverage'), { recursive: true });
    expect((await run(['--brand', 'jianxia'], '吉首市\n')).code).toBe(0);
    expect(coverage('jianxia').regions.map((r: any) => r.code)).toEqual(['433101']);
    // A file where the folder should be: an English message, no stack trace.
    rmSync(join(dir, 'content', 'coverage'), { recursive: true });
    writeFileSync(join(dir, 'content', 'coverage'), '');
    const { code, stderr } = await run(['--brand', 'jianxia'], '长沙市\n');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^coverage:import: could not write /m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reads a path to a shared town name as one place (苏州 沙溪镇: 太仓市), not 苏州市 and 中山's 沙溪镇", async () => {
    const path = await run(['--brand', 'jianxia', '--json', '--dry-run'], '苏州 沙溪镇');
    expect(JSON.parse(path.stdout).map((r: any) => [r.input, r.status, r.code])).toEqual([['苏州 沙溪镇', 'warning', '320585']]);
    // The bare name is ambiguous where the list has none of its places.
    const { code, stdout } = await run(['--brand', 'jianxia', '--json', '--dry-run'], '吉首市、沙溪镇');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((r: any) => [r.input, r.status, r.code ?? null])).toEqual([
      ['吉首市', 'resolved', '433101'],
      ['沙溪镇', 'ambiguous', null],
    ]);
    // Where the list has one of them, that one, said.
    const [, shaxi] = JSON.parse((await run(['--brand', 'jianxia', '--json', '--dry-run'], '苏州 沙溪镇、沙溪镇')).stdout);
    expect(shaxi).toMatchObject({ status: 'warning', code: '320585', town: '沙溪镇' });
    expect(shaxi.note).toMatch(/; covers all of 太仓市, where pages end; town 沙溪镇 is noted on its page$/);
    expect(shaxi.note).toMatch(
      /^9 places are called 沙溪镇: read as 江苏省 苏州市 太仓市 沙溪镇, where the list's other places are; for .* and 5 more, write/,
    );
  });

  it('leaves the coverage file as it is when nothing changes', async () => {
    const file = join(dir, 'content', 'coverage', 'jianxia.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("\d{6}")/, '$1   '));
    const before = readFileSync(file, 'utf8');
    const covered = String(coverage('jianxia').regions[0].code);
    const { code, stdout } = await run(['--brand', 'jianxia'], covered);
    expect(code).toBe(0);
    expect(stdout).toContain('unchanged (0 regions added, 0 towns noted, 1 already covered)');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('creates the coverage file of a brand that has none: its brand quoted, one entry a line', async () => {
    rmSync(join(dir, 'content', 'coverage', 'qimen.yaml'));
    const { code } = await run(['--brand', 'qimen'], '吉首市\n文昌市龙楼镇');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'content', 'coverage', 'qimen.yaml'), 'utf8')).toBe(
      'brand: "qimen"\nregions:\n  # 湖南省 湘西土家族苗族自治州 吉首市\n  - code: "433101"\n' +
        '  # 海南省 文昌市\n  - code: "469005"\n    towns: [龙楼镇]\n',
    );
  });

  it("refuses a file whose brand is another's (copied, not yet changed): nothing written", async () => {
    const file = join(dir, 'content', 'coverage', 'jianxia.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('brand: jianxia', 'brand: qimen'));
    const before = readFileSync(file, 'utf8');
    const { code, stderr } = await run(['--brand', 'jianxia'], '凤凰县');
    expect(code).not.toBe(0);
    expect(stderr).toContain('says brand: qimen, not jianxia');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it("gives a town's entry under a covered city that city's details, which its pages would lose", async () => {
    const { code, stdout } = await run(['--brand', 'jianxia'], '长沙市岳麓区望月湖街道');
    expect(code).toBe(0);
    expect(stdout).toContain("430104 took responseTime, hours from 430100's entry");
    const entry = coverage('jianxia').regions.find((r: any) => r.code === '430104');
    expect(entry).toEqual({ code: '430104', responseTime: '城区 1 小时内上门', hours: '每天 8:00–22:00', towns: ['望月湖街道'] });
    // The lines it did not change stay as they were written.
    expect(readFileSync(join(dir, 'content', 'coverage', 'jianxia.yaml'), 'utf8')).toContain('    towns: [龙楼镇, 东郊镇]\n');
  });

  it("keeps the lines it does not change as the operator aligned them, and the file's permissions; refuses a read-only file", async () => {
    const file = join(dir, 'content', 'coverage', 'jianxia.yaml');
    const before = readFileSync(file, 'utf8');
    expect(before).toMatch(/"\s{2,}#/); // comments aligned with spaces
    chmodSync(file, 0o640);
    expect((await run(['--brand', 'jianxia'], '凤凰县')).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('  # 湖南省 湘西土家族苗族自治州 凤凰县\n  - code: "433123"\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    chmodSync(file, 0o444);
    const refused = await run(['--brand', 'jianxia'], '花垣县');
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `coverage:import: ${file} is read-only: nothing written. Make it writable, then import again.\n`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('refuses a list that is not UTF-8 (GBK, as Excel may save it) and a brand that is no slug, in English', async () => {
    const gbk = Buffer.from([0xba, 0xfe, 0xc4, 0xcf, 0xca, 0xa1]); // 湖南省 in GBK
    const { code, stderr } = await run(['--brand', 'jianxia'], gbk);
    expect(code).toBe(2);
    expect(stderr).toContain('is not UTF-8 text (a GBK file, as Excel or Notepad may save it?): save it as UTF-8');
    const outside = await run(['--brand', '../brands/jianxia'], '凤凰县');
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringContaining('unknown brand "../brands/jianxia"')]);
    expect(existsSync(join(dir, 'content', 'brands', 'jianxia.yaml'))).toBe(false);
  });

  it("reads UTF-16 with its byte-order mark (Notepad's Unicode), and no control character into an entry", async () => {
    const utf16 = (text: string, be = false) => {
      const le = Buffer.from(`\ufeff${text}`, 'utf16le');
      return be ? Buffer.from(le.map((_, i) => le[i ^ 1])) : le;
    };
    for (const be of [false, true]) {
      const { code, stdout } = await run(['--brand', 'nuanchuan', '--json', '--dry-run'], utf16('凤凰县\r\n花垣\0县', be));
      expect(code).toBe(0);
      expect(JSON.parse(stdout).map((r: any) => [r.input, r.code])).toEqual([
        ['凤凰县', '433123'],
        ['花垣县', '433124'],
      ]);
    }
  });

  it('reads a relative path from where npm was run (INIT_CWD), and a bracket that names places outside as a question', async () => {
    const { code, stdout } = await run(
      ['--brand', 'jianxia', '--dry-run', 'places.txt'],
      '凤凰县(含泸溪县、花垣县)\n长沙市（\n吉首市）',
      {
        INIT_CWD: dir,
      },
    );
    expect(code).toBe(1);
    expect(stdout).toContain('AMBIGUOUS  凤凰县(含泸溪县、花垣县)  ((含泸溪县、花垣县) names places outside 凤凰县');
    expect(stdout).toContain('UNRESOLVED 长沙市（  (a bracket without its pair');
    expect(stdout).toContain('3 entries: 0 resolved, 0 resolved with a warning, 1 ambiguous, 2 unresolved.');
  });

  it('explains bad usage and an unknown brand in English, and its options with --help (as a command)', async () => {
    expect((await run([], 'x', {}, true)).stderr).toMatch(/usage: npm run coverage:import/);
    const help = await run(['--help'], '', {}, true);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run coverage:import[^]*--allow-partial {4}write the places read/);
    // Where it writes is the content folder it reads (BAOXIU_CONTENT_DIR), not always src/content.
    expect(help.stdout).toContain(`merges them into ${join(dir, 'content')}/coverage/<slug>.yaml`);
    expect(help.stdout).toContain('Exit: 0 done, 1 entries to fix (nothing written), 2 bad usage');
    const unknown = await run(['--brand', 'nope'], '吉首市', {}, true);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown brand "nope"');
    expect(unknown.stderr).toContain('Known brands: jianxia, nuanchuan, qimen');
    // A path for a slug: said so, not "there is no …/brands/jianxia.md", a file that is there.
    const path = await run(['--brand', '../brands/jianxia'], '吉首市', {}, true);
    expect([path.code, path.stderr]).toEqual([2, expect.stringContaining('a brand is named by its slug')]);
    expect(path.stderr).not.toContain('there is no');
    // Nothing on standard input: said as such, not "- holds no places".
    const empty = await run(['--brand', 'jianxia', '-']);
    expect([empty.code, empty.stderr.trim()]).toEqual([2, 'coverage:import: standard input holds no places.']);
    // A heading with no places after it: said to be one.
    const heading = await run(['--brand', 'jianxia'], '上海服务范围\n');
    expect(heading.code).toBe(2);
    expect(heading.stderr).toContain('holds no places: "上海服务范围" reads as the heading of a list, with none after it.');
    // A list on standard input (-), pasted into a terminal.
    const piped = spawnSync('node', ['scripts/coverage-import.ts', '--brand', 'jianxia', '--dry-run', '-'], {
      input: '凤凰县\n',
      encoding: 'utf8',
      env: { ...process.env, BAOXIU_CONTENT_DIR: join(dir, 'content') },
    });
    expect([piped.status, piped.stdout]).toEqual([0, expect.stringContaining('ok         凤凰县 → 433123')]);
  });
});
