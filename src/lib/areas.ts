// Names people write for a part of a city that is no division of the data: one of Wuhan's three
// towns (汉口), a state-level new area (南京江北新区, 两江新区, 雄安新区), each with the county-level
// divisions it lies in and where that is said. Search answers such a name with each of them, as a
// town of theirs (汉口 → 武汉市 江岸区); the import lists them for the operator to choose (resolve.ts),
// never a division of a look-alike name (江北新区 is not 重庆's or 宁波's 江北区).
//
// A new area's extent is its approval's (the State Council's 国函, or for 雄安 the Central Committee's
// and State Council's notice), read where a page reprints its words: the ministry's and gov.cn's own
// pages are out of this project's reach. 汉口, 天府新区, 雄安新区, 西咸新区, 贵安新区, 光谷 and 曲江新区 are from
// secondary pages (汉口 was a city until 1949, which no current document defines; the approvals' texts
// were not found). Left out for want of a page that names their counties: 郑东新区 (a city's own
// zone, with no approval), 福州新区. 两江新区 became a district itself in 2025 (江北区 and 渝北区 abolished: 人民日报客户端, 2025-11-07), after the
// 2023 codes the site follows, which still have both. tests/unit/areas.test.ts checks every row.

export interface Area {
  /** As people write it, the first its usual name (江北新区; 江北 after 南京). */
  names: string[];
  /** Codes of the county-level divisions it lies in, in the order its source names them. */
  counties: string[];
  /** Those of them it covers only in part (栖霞区, one town of which is in 南京江北新区). */
  partly?: string[];
  /** A state-level area (国家级新区, 国家高新区): what a city's 新区 or 高新区 written alone likely means —
   *  not a city's own functional area (大鹏新区: 深圳's other 新区 are districts now). */
  national?: true;
  /** Where its extent is stated, and the words that state it. */
  source: { url: string; title: string; date?: string; says: string };
}

export const AREAS: Area[] = [
  {
    names: ['汉口'],
    counties: ['420103', '420102', '420104'],
    source: {
      url: 'https://g230.com/276000520.html',
      title: '武汉三镇',
      says: '为武昌(今武昌区,青山区,洪山区)、汉口(今江汉,江岸,硚口)、汉阳(今汉阳区)三城镇的合称',
    },
  },
  {
    names: ['江北新区', '江北'],
    national: true,
    counties: ['320111', '320116', '320113'],
    partly: ['320113'],
    source: {
      url: 'http://xmwb.xinmin.cn/html/2015-07/06/content_14_5.htm',
      title: '新民晚报 (国务院关于同意设立南京江北新区的批复, 2015-06-27)',
      date: '2015-07-06',
      says: '南京江北新区位于江苏省南京市长江以北,包括南京市浦口区、六合区和栖霞区八卦洲街道',
    },
  },
  {
    names: ['两江新区'],
    national: true,
    counties: ['500105', '500109', '500112'],
    partly: ['500105', '500109', '500112'],
    source: {
      url: 'https://house.qingdaonews.com/news/2014-06/10/content_10506577_4.htm',
      title: '青岛新闻网 (国函〔2010〕36号)',
      date: '2014-06-10',
      says: '批准设立重庆两江新区,范围涵盖江北区、北碚区、渝北区三个行政区的部分区域',
    },
  },
  {
    names: ['天府新区'],
    national: true,
    counties: ['510116', '510112', '510118', '510185', '511403', '511421'],
    partly: ['510116', '510112', '510118', '510185', '511403', '511421'],
    source: {
      url: 'https://mdbkg.com/sheng/1pq2l.html',
      title: '四川天府新区和成都天府新区区别',
      says: '成都片区包括了成都高新区、双流区、龙泉驿区、新津区、简阳市的部分地区,天府新区眉山片区包括了彭山区、仁寿县的部分地区',
    },
  },
  {
    // And parts around them that the notice does not name.
    names: ['雄安新区', '雄安'],
    national: true,
    counties: ['130638', '130629', '130632'],
    source: {
      url: 'http://uianet.net/dictionary/b8049665.html',
      title: '雄安新区 (中共中央、国务院, 2017-04-01)',
      says: '雄安新区规划范围涉及河北省保定市下辖的雄县、容城、安新3县及周边部分区域',
    },
  },
  {
    names: ['金普新区'],
    national: true,
    counties: ['210213', '210214'],
    partly: ['210214'],
    source: {
      url: 'http://open40.chaoxing.com/ReFromOpening/specialAreaCard?speciaAreaId=134&resWareId=326c7e4e-858e-4b1f-9460-bdf8ad064917',
      title: '金普新区 (国函〔2014〕76号, 2014-06-23)',
      says: '范围包括大连市金州区全部行政区域和普兰店区部分地区',
    },
  },
  {
    names: ['湘江新区'],
    national: true,
    counties: ['430104', '430112', '430182'],
    partly: ['430104', '430112', '430182'],
    source: {
      url: 'http://finance.sina.com.cn/china/dfjj/20150425/112522044154.shtml',
      title: '国务院关于同意设立湖南湘江新区的批复 (国函〔2015〕66号)',
      date: '2015-04-25',
      says: '湖南湘江新区位于湘江西岸,包括长沙市岳麓区、望城区和宁乡县部分区域',
    },
  },
  {
    names: ['滇中新区'],
    national: true,
    counties: ['530181', '530127', '530111'],
    partly: ['530181', '530127', '530111'],
    source: {
      url: 'https://news.ifeng.com/a/20150915/44657097_0.shtml',
      title: '云南网：国务院批复同意设立云南滇中新区 (国函〔2015〕141号)',
      date: '2015-09-15',
      says: '初期规划范围包括安宁市、嵩明县和官渡区部分区域',
    },
  },
  {
    names: ['哈尔滨新区'],
    national: true,
    counties: ['230109', '230111', '230108'],
    partly: ['230109', '230111', '230108'],
    source: {
      url: 'https://chinaznl.30edu.com.cn/Article/cc4c5ee1-b40b-425b-88b9-934977d08bfe.shtml',
      title: '东北网：国务院关于同意设立哈尔滨新区的批复 (国函〔2015〕217号)',
      date: '2015-12-22',
      says: '哈尔滨新区包括哈尔滨市松北区、呼兰区、平房区的部分区域',
    },
  },
  {
    // Its 23 towns are run by the area (19) or by 咸阳 (4): every county only in part.
    names: ['西咸新区', '西咸'],
    national: true,
    counties: ['610112', '610116', '610118', '610402', '610404', '610423', '610481'],
    partly: ['610112', '610116', '610118', '610402', '610404', '610423', '610481'],
    source: {
      url: 'http://www.www3333333.com/zwgk/fdzdgknr/xqjj/1.html',
      title: '西咸新区 新区简介 (a copy of the area’s own page, in traditional characters; 国函〔2014〕2号)',
      says: '涉及西安的未央、长安、鄠邑3个区,咸阳的秦都、渭城、泾阳、兴平4个县(区、市)',
    },
  },
  {
    names: ['贵安新区', '贵安'],
    national: true,
    counties: ['520111', '520181', '520403', '520402'],
    partly: ['520111', '520181', '520403', '520402'],
    source: {
      url: 'http://gz007.net/qxd/problem.asp?pid=2271',
      title:
        '贵安新区 (an answer on a Guizhou forum; the approval as 新华网 reported it, 2014-01-10: 贵阳、安顺两市所辖4县(市、区))',
      date: '2014-01-07',
      says: '贵安新区规划范围涉及贵阳市花溪区、清镇市和安顺市的平坝县、西秀区',
    },
  },
  // Functional areas of a city, run by its own committee on a district's behalf: part of it.
  {
    // Its three 街道 are 龙岗区's in the codes (葵涌, 大鹏, 南澳).
    names: ['大鹏新区'],
    counties: ['440307'],
    partly: ['440307'],
    source: {
      url: 'https://www.shenzhenshizhi.cn/a/2077.html',
      title: '功能区 (深圳史志, 中共深圳市委党史文献研究室)',
      date: '2024-02-02',
      says: '该新区从龙岗区划出,于2011 年12 月30 日设立……下辖葵涌、大鹏、南澳3 个街道办事处',
    },
  },
  {
    // The page names 雁塔区 alone; its later parts elsewhere are named by no page found.
    names: ['曲江新区'],
    counties: ['610113'],
    partly: ['610113'],
    source: {
      url: 'https://wiki.kfd.me/zh-hans/%E9%9B%81%E5%A1%94%E5%8C%BA',
      title: '雁塔区 (维基百科, a copy)',
      says: '雁塔区陕西省西安市的一个市辖区,位于西安市南郊……区内包括曲江新区、西安高新技术产业开发区',
    },
  },
  // A city's zone that is one with a district (区政合一: one government, one extent), written as the
  // zone: that district.
  {
    names: ['苏州高新区', '苏州新区'],
    counties: ['320505'],
    source: {
      url: 'http://www.zeiqing.com/hangye/96319.html',
      title: '苏州高新区属于哪个市 苏州高新区是哪个城市',
      says: '苏州高新区于1990年启动开发建设,1992年获批首批国家高新区,2002年与虎丘区合并。实行“两块牌子、一套班子”的管理模式',
    },
  },
  {
    names: ['无锡新区', '无锡高新区'],
    counties: ['320214'],
    source: {
      url: 'http://chayujing.com/320214',
      title: '新吴区',
      says: '新吴区,江苏省无锡市市辖区,与无锡高新区实行“区政合一”管理体制……新吴区成立于2015年11月,其原为无锡新区',
    },
  },
  {
    names: ['常州高新区', '常州新区'],
    counties: ['320411'],
    source: {
      url: 'https://jendow.com.tw/wiki/%E5%B8%B8%E5%B7%9E%E5%9C%8B%E5%AE%B6%E9%AB%98%E6%96%B0%E6%8A%80%E8%A1%93%E7%94%A2%E6%A5%AD%E9%96%8B%E7%99%BC%E5%8D%80',
      title: '常州國家高新技術產業開發區',
      says: '1995年5月,在開發區的基礎上設立了常州新區,地域面積擴大至115.88平方公里;2002年4月,在新區的基礎上設立了常州市新北區',
    },
  },
  {
    // 东湖新技术开发区, which runs towns of both on their behalf.
    names: ['光谷', '东湖高新区', '东湖高新'],
    national: true,
    counties: ['420111', '420115'],
    partly: ['420111', '420115'],
    source: {
      url: 'http://m.easyfang.com/a/2023/0131/013821950.html',
      title: '光谷属于江夏还是属于洪山区',
      date: '2023-01-31',
      says: '武汉光谷即东湖新技术开发区,位于武汉市东南部洪山区,江夏区境内',
    },
  },
];
