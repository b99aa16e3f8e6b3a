// The approvals behind the rows of history.ts, by document number (国函: the State Council; 民函: the
// Ministry of Civil Affairs; a province's own for the changes it approves), with their title, date and
// where their text can be read: the State Council Gazette, a provincial government's site, or
// Wikisource's transcription; none where the collection gives no address.
//
// Collected by the CC0 data set github.com/yescallop/areacodes (diff/*.diff, each change with the text
// of its approval), and matched to the rows of history.ts by name, province and year: every row names
// one (tests/unit/history.test.ts).

import { APPROVALS_OLDER } from './history-older.ts';

export interface Approval {
  title?: string;
  /** The document's date (ISO). */
  date?: string;
  url?: string;
}

export const APPROVALS_RECENT: Record<string, Approval> = {
  '新疆维吾尔自治区人民政府关于党中央、国务院批准设立和康县的公告': {
    date: '2024-12-27',
    url: 'https://www.xinjiang.gov.cn/xinjiang/tzgg/202412/624c97cbd6ef462e8b4ce0f234ac58c1.shtml',
  },
  '新疆维吾尔自治区人民政府关于党中央、国务院批准设立和安县的公告': {
    date: '2024-12-27',
    url: 'https://www.xinjiang.gov.cn/xinjiang/tzgg/202412/a0b3b3ac363546589618dd9d49cc7fd7.shtml',
  },
  横州市人民政府关于撤销横县设立县级横州市的通告: {
    date: '2021-07-29',
    url: 'https://www.gxhx.gov.cn/yw/hxyw/t4823964.html',
  },
  国务院同意河南省洛阳市调整部分行政区划: { date: '2021-03-18', url: 'https://www.henan.gov.cn/2021/03-18/2110990.html' },
  '浙政发〔2021〕7号': {
    title: '浙江省人民政府关于调整杭州市部分行政区划的通知',
    date: '2021-03-11',
    url: 'https://www.zj.gov.cn/art/2021/4/9/art_1229019364_2267333.html',
  },
  '国函〔2020〕78号': { title: '国务院关于同意河北省调整邢台市部分行政区划的批复', date: '2020-06-05' },
  '国函〔2020〕79号': { title: '国务院关于同意江苏省调整南通市部分行政区划的批复', date: '2020-06-05' },
  '国函〔2020〕80号': { title: '国务院关于同意安徽省调整芜湖市部分行政区划的批复', date: '2020-06-05' },
  '国函〔2020〕81号': { title: '国务院关于同意山东省调整烟台市部分行政区划的批复', date: '2020-06-05' },
  '国函〔2019〕105号': { title: '国务院关于同意江西省调整南昌市部分行政区划的批复', date: '2019-11-06' },
  '国函〔2019〕63号': { title: '国务院关于同意黑龙江省调整伊春市部分行政区划的批复', date: '2019-06-29' },
  '国函〔2019〕59号': { title: '国务院关于同意江西省调整上饶市部分行政区划的批复', date: '2019-06-27' },
  '国函〔2018〕163号': { title: '国务院关于同意山东省调整济南市莱芜市行政区划的批复', date: '2018-12-26' },
  '民函〔2019〕83号': {}, // the collection gives its text (撤销苍南县龙港镇，设立县级龙港市), not its title
  '民函〔2018〕103号': { title: '民政部关于同意河北省撤销滦县设立县级滦州市的批复', date: '2018-07-02' },
  '国函〔2018〕87号': { title: '国务院关于同意山西省调整长治市部分行政区划的批复', date: '2018-06-19' },
  '国函〔2018〕88号': { title: '国务院关于同意湖南省调整株洲市部分行政区划的批复', date: '2018-06-19' },
  '国函〔2018〕89号': { title: '国务院关于同意四川省调整宜宾市部分行政区划的批复', date: '2018-06-19' },
  '民函〔2018〕47号': {
    title: '民政部关于同意陕西省撤销彬县设立县级彬州市的批复',
    date: '2018-02-22',
    url: 'https://zh.wikisource.org/wiki/%E6%B0%91%E6%94%BF%E9%83%A8%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E9%99%95%E8%A5%BF%E7%9C%81%E6%92%A4%E9%94%80%E5%BD%AC%E5%8E%BF%E8%AE%BE%E7%AB%8B%E5%8E%BF%E7%BA%A7%E5%BD%AC%E5%B7%9E%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2018〕22号': {
    title: '国务院关于同意山西省调整大同市部分行政区划的批复',
    date: '2018-02-09',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B1%B1%E8%A5%BF%E7%9C%81%E8%B0%83%E6%95%B4%E5%A4%A7%E5%90%8C%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2017〕104号': { title: '国务院关于同意江西省调整九江市部分行政区划的批复', date: '2017-07-18' },
  '国函〔2017〕109号': {
    title: '国务院关于同意西藏自治区撤销那曲地区设立地级那曲市的批复',
    date: '2017-07-18',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%A5%BF%E8%97%8F%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E9%82%A3%E6%9B%B2%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E9%82%A3%E6%9B%B2%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '民函〔2017〕74号': {
    title: '民政部关于同意贵州省撤销盘县设立县级盘州市的批复',
    date: '2017-04-09',
    url: 'https://zh.wikisource.org/wiki/%E6%B0%91%E6%94%BF%E9%83%A8%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%B4%B5%E5%B7%9E%E7%9C%81%E6%92%A4%E9%94%80%E7%9B%98%E5%8E%BF%E8%AE%BE%E7%AB%8B%E5%8E%BF%E7%BA%A7%E7%9B%98%E5%B7%9E%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕189号': { title: '国务院关于同意河南省调整许昌市部分行政区划的批复', date: '2016-11-24' },
  '国函〔2016〕186号': {
    title: '国务院关于同意四川省调整成都市部分行政区划的批复',
    date: '2016-11-24',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%9B%9B%E5%B7%9D%E7%9C%81%E8%B0%83%E6%95%B4%E6%88%90%E9%83%BD%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2016%E5%B9%B4)',
  },
  '国函〔2016〕188号': {
    title: '国务院关于同意陕西省调整西安市部分行政区划的批复',
    date: '2016-11-24',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E9%99%95%E8%A5%BF%E7%9C%81%E8%B0%83%E6%95%B4%E8%A5%BF%E5%AE%89%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2016%E5%B9%B4)',
  },
  '国函〔2016〕157号': {
    title: '国务院关于同意河北省调整邯郸市部分行政区划的批复',
    date: '2016-09-14',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E9%82%AF%E9%83%B8%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕158号': {
    title: '国务院关于同意浙江省调整宁波市部分行政区划的批复',
    date: '2016-09-14',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B5%99%E6%B1%9F%E7%9C%81%E8%B0%83%E6%95%B4%E5%AE%81%E6%B3%A2%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕98号': {
    title: '国务院关于同意天津市调整部分行政区划的批复',
    date: '2016-06-08',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%A4%A9%E6%B4%A5%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2016%E5%B9%B4)',
  },
  '国函〔2016〕100号': {
    title: '国务院关于同意江苏省调整淮安市部分行政区划的批复',
    date: '2016-06-08',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%B0%83%E6%95%B4%E6%B7%AE%E5%AE%89%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕99号': {
    title: '国务院关于同意重庆市调整部分行政区划的批复',
    date: '2016-06-08',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E9%87%8D%E5%BA%86%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2016%E5%B9%B46%E6%9C%88)',
  },
  '国函〔2016〕58号': {
    title: '国务院关于同意江西省调整九江市部分行政区划的批复',
    date: '2016-03-20',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%A5%BF%E7%9C%81%E8%B0%83%E6%95%B4%E4%B9%9D%E6%B1%9F%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2016%E5%B9%B4)',
  },
  '国函〔2016〕57号': {
    title: '国务院关于同意四川省调整绵阳市部分行政区划的批复',
    date: '2016-03-20',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%9B%9B%E5%B7%9D%E7%9C%81%E8%B0%83%E6%95%B4%E7%BB%B5%E9%98%B3%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕56号': {
    title: '国务院关于同意贵州省调整遵义市部分行政区划的批复',
    date: '2016-03-20',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%B4%B5%E5%B7%9E%E7%9C%81%E8%B0%83%E6%95%B4%E9%81%B5%E4%B9%89%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕5号': {
    title: '国务院关于同意河北省调整张家口市部分行政区划的批复',
    date: '2016-01-07',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E5%BC%A0%E5%AE%B6%E5%8F%A3%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2016〕9号': {
    title: '国务院关于同意新疆维吾尔自治区撤销哈密地区设立地级哈密市的批复',
    date: '2016-01-07',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E5%93%88%E5%AF%86%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E5%93%88%E5%AF%86%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕206号': {
    title: '国务院关于同意安徽省调整六安市淮南市铜陵市部分行政区划的批复',
    date: '2015-12-03',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%AE%89%E5%BE%BD%E7%9C%81%E8%B0%83%E6%95%B4%E5%85%AD%E5%AE%89%E5%B8%82%E6%B7%AE%E5%8D%97%E5%B8%82%E9%93%9C%E9%99%B5%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕183号': {
    title: '国务院关于同意上海市调整部分行政区划的批复',
    date: '2015-10-13',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E4%B8%8A%E6%B5%B7%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2015%E5%B9%B4)',
  },
  '国函〔2015〕184号': {
    title: '国务院关于同意江苏省调整无锡市部分行政区划的批复',
    date: '2015-10-13',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%B0%83%E6%95%B4%E6%97%A0%E9%94%A1%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2015%E5%B9%B4)',
  },
  '国函〔2015〕181号': {
    title: '国务院关于同意安徽省调整铜陵市六安市安庆市部分行政区划的批复',
    date: '2015-10-13',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%AE%89%E5%BE%BD%E7%9C%81%E8%B0%83%E6%95%B4%E9%93%9C%E9%99%B5%E5%B8%82%E5%85%AD%E5%AE%89%E5%B8%82%E5%AE%89%E5%BA%86%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕186号': {
    title: '国务院关于同意陕西省调整渭南市部分行政区划的批复',
    date: '2015-10-13',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E9%99%95%E8%A5%BF%E7%9C%81%E8%B0%83%E6%95%B4%E6%B8%AD%E5%8D%97%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕73号': {
    title: '国务院关于同意河北省调整保定市部分行政区划的批复',
    date: '2015-04-28',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E4%BF%9D%E5%AE%9A%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕75号': {
    title: '国务院关于同意江苏省调整常州市部分行政区划的批复',
    date: '2015-04-28',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%B0%83%E6%95%B4%E5%B8%B8%E5%B7%9E%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2015%E5%B9%B4)',
  },
  '国函〔2015〕51号': {
    title: '国务院关于同意西藏自治区撤销林芝地区设立地级林芝市的批复',
    date: '2015-03-16',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%A5%BF%E8%97%8F%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E6%9E%97%E8%8A%9D%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E6%9E%97%E8%8A%9D%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕52号': {
    title: '国务院关于同意新疆维吾尔自治区撤销吐鲁番地区设立地级吐鲁番市的批复',
    date: '2015-03-16',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E5%90%90%E9%B2%81%E7%95%AA%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E5%90%90%E9%B2%81%E7%95%AA%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2015〕39号': {
    title: '国务院关于同意河南省调整三门峡市部分行政区划的批复',
    date: '2015-02-16',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8D%97%E7%9C%81%E8%B0%83%E6%95%B4%E4%B8%89%E9%97%A8%E5%B3%A1%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕139号': {
    title: '国务院关于同意山东省调整德州市部分行政区划的批复',
    date: '2014-10-20',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B1%B1%E4%B8%9C%E7%9C%81%E8%B0%83%E6%95%B4%E5%BE%B7%E5%B7%9E%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕143号': {
    title: '国务院关于同意西藏自治区撤销昌都地区设立地级昌都市的批复',
    date: '2014-10-20',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%A5%BF%E8%97%8F%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E6%98%8C%E9%83%BD%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E6%98%8C%E9%83%BD%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕122号': {
    title: '国务院关于同意河北省调整石家庄市部分行政区划的批复',
    date: '2014-09-09',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E7%9F%B3%E5%AE%B6%E5%BA%84%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕121号': {
    title: '国务院关于同意河南省调整开封市部分行政区划的批复',
    date: '2014-09-09',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8D%97%E7%9C%81%E8%B0%83%E6%95%B4%E5%BC%80%E5%B0%81%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2014%E5%B9%B4)',
  },
  '国函〔2014〕118号': {
    title: '国务院关于同意湖北省调整十堰市部分行政区划的批复',
    date: '2014-09-09',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B9%96%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E5%8D%81%E5%A0%B0%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕79号': {
    title: '国务院关于同意西藏自治区撤销日喀则地区设立地级日喀则市的批复',
    date: '2014-06-26',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%A5%BF%E8%97%8F%E8%87%AA%E6%B2%BB%E5%8C%BA%E6%92%A4%E9%94%80%E6%97%A5%E5%96%80%E5%88%99%E5%9C%B0%E5%8C%BA%E8%AE%BE%E7%AB%8B%E5%9C%B0%E7%BA%A7%E6%97%A5%E5%96%80%E5%88%99%E5%B8%82%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '民函〔2014〕171号': {
    title: '民政部关于同意辽宁省沈阳市东陵区更名为浑南区的批复',
    date: '2014-06-17',
    url: 'https://zh.wikisource.org/wiki/%E6%B0%91%E6%94%BF%E9%83%A8%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%BE%BD%E5%AE%81%E7%9C%81%E6%B2%88%E9%98%B3%E5%B8%82%E4%B8%9C%E9%99%B5%E5%8C%BA%E6%9B%B4%E5%90%8D%E4%B8%BA%E6%B5%91%E5%8D%97%E5%8C%BA%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕56号': {
    title: '国务院关于同意江苏省调整连云港市部分行政区划的批复',
    date: '2014-05-02',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%B0%83%E6%95%B4%E8%BF%9E%E4%BA%91%E6%B8%AF%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕12号': {
    title: '国务院关于同意广东省调整茂名市部分行政区划的批复',
    date: '2014-01-25',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B9%BF%E4%B8%9C%E7%9C%81%E8%B0%83%E6%95%B4%E8%8C%82%E5%90%8D%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2014〕11号': {
    title: '国务院关于同意广东省调整广州市部分行政区划的批复',
    date: '2014-01-25',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B9%BF%E4%B8%9C%E7%9C%81%E8%B0%83%E6%95%B4%E5%B9%BF%E5%B7%9E%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2014%E5%B9%B4)',
  },
  '民函〔2014〕6号': {
    title: '民政部关于同意山东省苍山县更名为兰陵县的批复',
    date: '2014-01-06',
    url: 'https://zh.wikisource.org/wiki/%E6%B0%91%E6%94%BF%E9%83%A8%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B1%B1%E4%B8%9C%E7%9C%81%E8%8B%8D%E5%B1%B1%E5%8E%BF%E6%9B%B4%E5%90%8D%E4%B8%BA%E5%85%B0%E9%99%B5%E5%8E%BF%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2013〕112号': {
    title: '国务院关于同意浙江省调整绍兴市部分行政区划的批复',
    date: '2013-10-18',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B5%99%E6%B1%9F%E7%9C%81%E8%B0%83%E6%95%B4%E7%BB%8D%E5%85%B4%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2013〕115号': { title: '国务院关于同意山东省调整济宁市部分行政区划的批复', date: '2013-10-18' },
  '国函〔2013〕73号': {
    title: '国务院关于同意四川省调整达州市部分行政区划的批复',
    date: '2013-06-28',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%9B%9B%E5%B7%9D%E7%9C%81%E8%B0%83%E6%95%B4%E8%BE%BE%E5%B7%9E%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '民函〔2013〕84号': { title: '民政部关于同意四川省广元市元坝区更名为昭化区的批复', date: '2013-03-12' },
  '国函〔2013〕24号': {
    title: '国务院关于同意江苏省调整南京市部分行政区划的批复',
    date: '2013-02-08',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%B0%83%E6%95%B4%E5%8D%97%E4%BA%AC%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2013%E5%B9%B4)',
  },
  '国函〔2013〕25号': {
    title: '国务院关于同意广西壮族自治区调整梧州市部分行政区划的批复',
    date: '2013-02-08',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B9%BF%E8%A5%BF%E5%A3%AE%E6%97%8F%E8%87%AA%E6%B2%BB%E5%8C%BA%E8%B0%83%E6%95%B4%E6%A2%A7%E5%B7%9E%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2012〕190号': {
    title: '国务院关于同意贵州省调整贵阳市部分行政区划的批复',
    date: '2012-11-15',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E8%B4%B5%E5%B7%9E%E7%9C%81%E8%B0%83%E6%95%B4%E8%B4%B5%E9%98%B3%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2012〕153号': {
    title: '国务院关于同意山东省调整青岛市部分行政区划的批复',
    date: '2012-09-30',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%B1%B1%E4%B8%9C%E7%9C%81%E8%B0%83%E6%95%B4%E9%9D%92%E5%B2%9B%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2012%E5%B9%B4)',
  },
  '国函〔2012〕102号': { title: '国务院关于同意江苏省调整苏州市部分行政区划的批复', date: '2012-08-17' },
  '国函〔2012〕103号': { title: '国务院关于同意安徽省调整马鞍山市部分行政区划的批复', date: '2012-08-17' },
  '国函〔2012〕85号': {
    title: '国务院关于同意河北省调整唐山市部分行政区划的批复',
    date: '2012-07-11',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B2%B3%E5%8C%97%E7%9C%81%E8%B0%83%E6%95%B4%E5%94%90%E5%B1%B1%E5%B8%82%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2012%E5%B9%B4)',
  },
  '民函〔2011〕357号': { title: '民政部关于江苏省淮安市楚州区更名为淮安区的批复', date: '2011-12-30' },
  '国函〔2011〕132号': { title: '国务院关于同意江苏省调整扬州市部分行政区划的批复', date: '2011-10-22' },
  '国函〔2011〕129号': { title: '国务院关于同意重庆市调整部分行政区划的批复', date: '2011-10-22' },
  '国函〔2011〕130号': { title: '国务院关于同意贵州省撤销毕节地区设立地级毕节市的批复', date: '2011-10-22' },
  '国函〔2011〕131号': { title: '国务院关于同意贵州省撤销铜仁地区设立地级铜仁市的批复', date: '2011-10-22' },
  '国函〔2011〕84号': {
    title: '国务院关于同意安徽省撤销地级巢湖市及部分行政区划调整的批复',
    date: '2011-07-14',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%AE%89%E5%BE%BD%E7%9C%81%E6%92%A4%E9%94%80%E5%9C%B0%E7%BA%A7%E5%B7%A2%E6%B9%96%E5%B8%82%E5%8F%8A%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E8%B0%83%E6%95%B4%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2011〕59号': { title: '国务院关于同意上海市调整部分行政区划的批复', date: '2011-05-20' },
  '国函〔2010〕129号': {
    title: '国务院关于同意湖北省襄樊市更名的批复',
    date: '2010-11-26',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E6%B9%96%E5%8C%97%E7%9C%81%E8%A5%84%E6%A8%8A%E5%B8%82%E6%9B%B4%E5%90%8D%E7%9A%84%E6%89%B9%E5%A4%8D',
  },
  '国函〔2010〕90号': { title: '国务院关于同意江苏省调整徐州市部分行政区划的批复', date: '2010-09-05' },
  '民函〔2010〕166号': { title: '民政部关于云南省潞西市更名为芒市的批复', date: '2010-07-12' },
  '国函〔2010〕55号': {
    title: '国务院关于同意北京市调整部分行政区划的批复',
    date: '2010-06-28',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%8C%97%E4%BA%AC%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2010%E5%B9%B4)',
  },
  '民函〔2010〕40号': { title: '民政部关于吉林省白山市八道江区更名为浑江区的批复', date: '2010-02-23' },
  '国函〔2009〕125号': {
    title: '国务院关于同意天津市调整部分行政区划的批复',
    date: '2009-10-21',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E5%A4%A9%E6%B4%A5%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2009%E5%B9%B4)',
  },
  '国函〔2009〕52号': {
    title: '国务院关于同意上海市调整部分行政区划的批复',
    date: '2009-04-24',
    url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E4%B8%8A%E6%B5%B7%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2009%E5%B9%B4)',
  },
  '国函〔2007〕8号': {
    title: '国务院关于同意云南省思茅市及相关县区更名的批复',
    date: '2007-01-21',
    url: 'https://www.gov.cn/gongbao/content/2007/content_549061.htm',
  },
  '国函〔2000〕132号': {
    title: '国务院关于同意江苏省调整淮阴市部分行政区划的批复',
    date: '2000-12-21',
    url: 'https://www.gov.cn/gongbao/content/2001/content_61238.htm',
  },
  '闽政文〔2021〕49号': {
    title: '福建省人民政府关于同意调整三明市部分行政区划的批复',
    url: 'https://www.fujian.gov.cn/zwgk/zxwj/szfwj/202102/t20210203_5530849.htm',
  },
};

export const APPROVALS: Record<string, Approval> = { ...APPROVALS_OLDER, ...APPROVALS_RECENT };
