// The lead form's fields: names, limits and Chinese labels, shared by the form (src/components)
// and the lead function so the two can never disagree.
export const LIMITS = {
  name: 20,
  phone: 30,
  description: 500,
  address: 200,
  preferredTime: 50,
} as const;

export const LABELS = {
  name: '称呼',
  phone: '联系电话',
  region: '所在地区',
  brand: '品牌',
  description: '问题描述',
  address: '详细地址',
  preferredTime: '方便上门时间',
  consent: '隐私政策',
} as const;
