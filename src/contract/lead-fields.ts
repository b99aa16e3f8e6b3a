// The lead form's fields: names, limits and Chinese labels, shared by the form (src/components)
// and the lead function so the two can never disagree.
export const LIMITS = {
  name: 20,
  phone: 30,
  description: 500,
  address: 200,
  preferredTime: 50,
  /** A brand's id (its file name, or `slug`): the build refuses a longer one (src/lib/catalog.ts). */
  brand: 40,
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
  abroad: '境外存储',
} as const;

/** Where the form posts: the build's PUBLIC_LEAD_ENDPOINT (pages on another CDN), else the Worker
 *  beside them. An empty value counts as unset: a CI variable left unset arrives as "" (GitHub
 *  Actions), and an empty action would post the form to its own page. */
export const leadEndpoint = (configured: string | undefined) => configured?.trim() || '/api/leads';

/** What a customer is told when their post was merged into their own earlier one (the same phone,
 *  region and brand within 10 minutes): not that lead's reference (functions/leads/endpoint.ts). Not
 *  "同一品牌": a customer who chose none both times chose no brand. */
export const MERGED =
  '这个电话 10 分钟内已为同一地区报修过，这次填写的内容已补充到那次报修里，不另开单号。查询进度请用第一次提交后显示的单号，或直接拨打服务电话。';
