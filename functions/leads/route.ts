// POST /api/leads: validate, store in D1 with its deliveries, answer, and only then queue them.
// JSON clients get JSON; a plain form post (JavaScript off) gets a page.
import { Hono, type Context } from 'hono';
import { loadCatalog, type Catalog } from '../catalog.ts';
import { channelsFor } from '../channels/index.ts';
import type { Env } from '../env.ts';
import { enqueue } from '../deliveries/queue.ts';
import { routeLead } from '../routing.ts';
import { confirmationPage, formWithErrors } from './form-page.ts';
import { fieldErrors, leadSchema, type FieldErrors, type LeadInput } from './schema.ts';
import { saveLead } from './store.ts';

/** `/hunan/` but not `//elsewhere.example`. */
const SAME_SITE_PATH = /^\/(?![/\\])/;

type Body = { raw: Record<string, unknown>; form: boolean } | { error: Response };

export const leads = new Hono<{ Bindings: Env }>();

leads.post('/', async (c) => {
  const body = await readBody(c);
  if ('error' in body) return body.error;
  const wantsPage = body.form && /text\/html/.test(c.req.header('accept') ?? '');
  const origin = new URL(c.req.url).origin;

  const fail = (errors: FieldErrors, status: 400 | 503 = 400) => {
    if (status === 503) c.header('retry-after', '30');
    if (!wantsPage) return c.json({ ok: false, errors }, status);
    const path = typeof body.raw.page === 'string' && SAME_SITE_PATH.test(body.raw.page) ? body.raw.page : '/';
    // A fresh requestId, so fixing the errors and sending twice still makes one lead.
    const values = { ...stringValues(body.raw), requestId: String(body.raw.requestId || crypto.randomUUID()) };
    return formWithErrors(c.env, origin, path, values, errors);
  };

  let catalog: Catalog;
  try {
    catalog = await loadCatalog(c.env, origin);
  } catch (err) {
    console.error('[leads] catalog unavailable:', err);
    return fail({ form: '系统暂时无法受理，请稍后重试，或直接拨打服务电话。' }, 503);
  }

  const parsed = leadSchema.safeParse(body.raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const input = parsed.data;
  Object.assign(errors, coverageErrors(catalog, body.raw, errors));
  if (!input || Object.keys(errors).length) return fail(errors);

  let saved;
  try {
    const routing = routeLead(catalog, input, channelsFor(c.env).map((ch) => ch.name));
    saved = await saveLead(c.env.DB, { ...toNewLead(input, catalog), route: routing.route }, routing.channels);
  } catch (err) {
    console.error('[leads] could not store lead:', err instanceof Error ? err.message : err);
    return fail({ form: `系统繁忙，报修未能保存，请稍后重试，或直接拨打 ${catalog.data.hotline}。` }, 503);
  }
  const { lead, created, deliveries } = saved;
  // Stored first, answered now, sent after: a lost enqueue is found by the sweep.
  if (created) c.executionCtx.waitUntil(enqueue(c.env, deliveries));

  if (wantsPage) return confirmationPage(c.env, origin, lead);
  return c.json({ ok: true, id: lead.id, reference: lead.reference }, created ? 201 : 200);
});

leads.all('/', (c) => {
  c.header('allow', 'POST');
  return c.json({ ok: false, errors: { form: '请使用 POST 提交报修。' } }, 405);
});

async function readBody(c: Context<{ Bindings: Env }>): Promise<Body> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const raw = await c.req.json();
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) return { raw, form: false };
    } catch {
      /* fall through */
    }
    return { error: c.json({ ok: false, errors: { form: '请求内容不是有效的 JSON 对象。' } }, 400) };
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await c.req.parseBody();
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') raw[k] = v;
    return { raw, form: true };
  }
  return { error: c.json({ ok: false, errors: { form: '不支持的请求格式，请以 JSON 或表单提交。' } }, 415) };
}

/** Region must have a page, brand must be one we service, and serviced there. */
function coverageErrors(catalog: Catalog, raw: Record<string, unknown>, found: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  const region = typeof raw.region === 'string' ? raw.region : '';
  const brand = typeof raw.brand === 'string' ? raw.brand.trim() : '';
  const hotline = catalog.data.hotline;
  if (!found.region && !catalog.region(region)) {
    errors.region = `所选地区暂未开通服务，可拨打 ${hotline} 咨询。`;
  }
  if (brand && !found.brand && !catalog.brand(brand)) {
    errors.brand = '请从列表中选择品牌，或选“其他 / 不确定”。';
  } else if (brand && !errors.region && !found.region && !catalog.serves(brand, region)) {
    errors.brand = `${catalog.brand(brand)!.name}在所选地区暂未提供服务，可选“其他 / 不确定”或拨打 ${hotline} 咨询。`;
  }
  return errors;
}

function toNewLead(input: LeadInput, catalog: Catalog) {
  return {
    requestId: input.requestId ?? crypto.randomUUID(),
    status: input.website ? ('spam' as const) : ('new' as const),
    name: input.name,
    phone: input.phone,
    regionCode: input.region,
    regionName: catalog.regionLabel(input.region),
    brand: input.brand,
    brandName: input.brand ? catalog.brand(input.brand)?.name : undefined,
    description: input.description,
    address: input.address,
    preferredTime: input.preferredTime,
    privacyVersion: catalog.data.privacyVersion,
    page: input.page,
  };
}

function stringValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}
