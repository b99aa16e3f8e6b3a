// POST /api/leads: check where it comes from, its size and shape, the rate limits and Turnstile,
// store it in D1 (sealed) with its deliveries, answer, and only then queue the deliveries.
// JSON clients get JSON; a plain form post (JavaScript off) gets a page: its errors (answer.ts,
// form-page.ts), or a redirect to its confirmation (confirmation-link.ts).
import { Hono } from 'hono';
import { loadCatalog, loadUncovered, type CatalogIndex } from '../catalog.ts';
import { enqueue } from '../deliveries/queue.ts';
import type { Env } from '../env.ts';
import { keyring, phoneHash, type Keyring } from '../privacy/keyring.ts';
import { deliveriesOf } from '../deliveries/plan.ts';
import { bodyLimit } from '../web/body-limit.ts';
import { corsForAllowedOrigins, sameSiteOnly } from '../web/origin.ts';
import { contentType, fail, FORM_TYPES, MESSAGES, wantsPage, type Ctx } from './answer.ts';
import { wantsPage as browserAsks } from '../web/wants-page.ts';
import { confirmationLater, confirmationPage } from './form-page.ts';
import { siteOf } from '../web/plain-page.ts';
import { clientIp, retryAfter } from '../web/limits.ts';
import { fieldErrors, parseLead, type FieldErrors, type LeadInput } from './schema.ts';
import { getLead, saveLead, type SaveResult } from './store.ts';
import { CONFIRMATION_PATH, confirmationLink, openConfirmation } from './confirmation-link.ts';
import { nextSteps, progressPath } from './next-steps.ts';
import { answeredBefore, isOwnRepeat, isSamePost } from './own-repeat.ts';
import { checkTurnstile } from './turnstile.ts';

/** A lead is a few hundred characters; anything near this is not a person typing. */
const MAX_BODY_BYTES = 16 * 1024;

type Body = { raw: Record<string, unknown> } | { error: Response };

export const leads = new Hono<{ Bindings: Env }>();

leads.use('*', corsForAllowedOrigins);
leads.use(
  '*',
  sameSiteOnly((c) => fail(c, 403, { form: MESSAGES.origin })),
);

leads.post(
  '/',
  bodyLimit<Env>(MAX_BODY_BYTES, (c) => fail(c, 413, { form: MESSAGES.tooLarge })),
  async (c) => {
    const body = await readBody(c);
    if ('error' in body) return body.error;
    try {
      return await takeLead(c, body.raw);
    } catch (err) {
      // Anything unforeseen: the form back with what was typed (JavaScript off), not the bare page
      // of api.onError. If the lead was stored before it, sending again is that lead's repeat
      // (its requestId, or the same words within minutes: own-repeat.ts), not a second lead.
      console.error('[leads] unexpected error:', err instanceof Error ? err.message : err);
      return fail(c, 503, { form: MESSAGES.busy }, body.raw, 30);
    }
  },
);

/** A lead's body, read: limits, checks, store, answer. */
async function takeLead(c: Ctx, raw: Record<string, unknown>): Promise<Response> {
  const ip = clientIp(c.req.raw.headers);
  const ipWait = await retryAfter(c.env, 'ip', ip);
  if (ipWait) return fail(c, 429, { form: MESSAGES.tooMany }, raw, ipWait);

  const origin = new URL(c.req.url).origin;
  let catalog: CatalogIndex;
  let ring: Keyring;
  try {
    catalog = await loadCatalog(c.env, origin);
    // A region without a page: one nobody covers yet (search offers the form there too), or none.
    if (typeof raw.region === 'string' && /^\d{6}(\d{3})?$/.test(raw.region) && !catalog.region(raw.region))
      await loadUncovered(c.env, origin, catalog);
    ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  } catch (err) {
    console.error('[leads] cannot take leads:', err instanceof Error ? err.message : err);
    return fail(c, 503, { form: MESSAGES.busy }, raw, 30);
  }

  const parsed = parseLead(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  Object.assign(errors, coverageErrors(catalog, raw, errors));
  const input = parsed.data;
  if (!input || Object.keys(errors).length) return fail(c, 400, errors, raw);

  // A honeypot hit is kept as spam whatever else it did; everyone else must pass Turnstile.
  if (!input.website) {
    const verdict = await checkTurnstile(c.env, input['cf-turnstile-response'], c.req.header('cf-connecting-ip'));
    if (verdict === 'missing' || verdict === 'invalid') return fail(c, 400, { form: MESSAGES.captcha }, raw);
    if (verdict === 'unavailable') return fail(c, 503, { form: MESSAGES.captchaDown }, raw, 30);
  }

  const phoneWait = await retryAfter(c.env, 'phone', await phoneHash(ring.current, input.phone));
  // Over the limit, only what was answered before is answered again: from what is stored, writing nothing.
  const before = phoneWait ? await answeredBefore(c.env.DB, ring, input) : undefined;
  if (phoneWait && !before) return fail(c, 429, { form: MESSAGES.phoneTooMany }, raw, phoneWait);

  let saved: SaveResult;
  if (before) {
    saved = { ...before, created: false, repeated: true, deliveries: [] };
  } else {
    try {
      const routing = deliveriesOf(catalog, c.env, input);
      const lead = { ...toNewLead(input, catalog), route: routing.route };
      saved = await saveLead(c.env.DB, ring, lead, routing.channels);
      // Its requestId's lead or repeat says something else: an edited page sent under the requestId it
      // still held, stored under one of its own (a new lead, or a repeat merged into one) — not dropped.
      if (saved.repeated && !(await isSamePost(c.env.DB, ring, saved, input)))
        saved = await saveLead(c.env.DB, ring, { ...lead, requestId: crypto.randomUUID() }, routing.channels);
    } catch (err) {
      console.error('[leads] could not store lead:', err instanceof Error ? err.message : err);
      return fail(c, 503, { form: `系统繁忙，报修可能未能保存，请稍后重新提交，或直接拨打 ${catalog.data.hotline}。` }, raw, 30);
    }
  }
  const { lead, created, deliveries } = saved;
  // Stored first, answered now, sent after: a lost enqueue is found by the sweep.
  if (deliveries.length) c.executionCtx.waitUntil(enqueue(c.env, deliveries));
  // The same form sent again (a double click without JavaScript): told as the first was.
  const merged = saved.merged && !(await isOwnRepeat(ring, lead, input));

  // Without JavaScript: to the confirmation page, which a reload asks for again instead of posting.
  if (wantsPage(c)) {
    c.header('cache-control', 'no-store');
    return c.redirect(await confirmationLink(ring, { leadId: lead.id, merged, at: Date.now() }), 303);
  }
  const next = nextSteps(catalog, lead, new Date(), { merged });
  // Merged into an earlier lead: its reference is not told. Whoever knows a phone number could
  // otherwise post after its owner and get the reference, which with the phone's last four digits
  // opens the owner's progress page and its cancel button. (A repeated requestId is this client's
  // own post again, so it is told.)
  const { hotline } = catalog.data;
  if (merged) return c.json({ ok: true, merged: true, next, hotline }, 200, { 'cache-control': 'no-store' });
  return c.json(
    { ok: true, id: lead.id, reference: lead.reference, next, hotline, progress: progressPath(lead.reference) },
    created ? 201 : 200,
    { 'cache-control': 'no-store' },
  );
}

// The address a form post without JavaScript ends on (its errors), opened again: the home page.
leads.all('/', (c) =>
  c.req.method === 'GET' && browserAsks(c) ? c.redirect('/', 303) : fail(c, 405, { form: MESSAGES.method }),
);

/** The confirmation page of a plain form post (confirmation-link.ts): the lead's reference (unless
 *  merged), where, and what happens next as of when it was posted. A link that is not ours, older
 *  than a day or of a lead since erased leads to the progress look-up. */
leads.get(CONFIRMATION_PATH.slice('/api/leads'.length), async (c) => {
  const origin = new URL(c.req.url).origin;
  try {
    const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
    const told = await openConfirmation(ring, c.req.query('t') ?? '');
    const lead = told && (await getLead(c.env.DB, told.leadId));
    c.header('cache-control', 'no-store');
    // #expired shows the look-up's note on why (a :target rule: no script needed).
    if (!told || !lead) return c.redirect('/progress/#expired', 303);
    const catalog = await loadCatalog(c.env, origin);
    if (!catalog.region(lead.region_code)) await loadUncovered(c.env, origin, catalog);
    const next = nextSteps(catalog, lead, new Date(told.at), { merged: told.merged });
    const hotline = catalog.data.hotline;
    return await confirmationPage(c.env, origin, told.merged ? null : lead, { lines: next, hotline }, lead.region_name);
  } catch (err) {
    console.error('[leads] cannot show a confirmation:', err instanceof Error ? err.message : err);
    // A browser following the form's redirect gets a page, not the JSON of a script's request.
    return browserAsks(c) ? confirmationLater(30, siteOf(c)) : fail(c, 503, { form: MESSAGES.busy }, {}, 30);
  }
});

async function readBody(c: Ctx): Promise<Body> {
  const type = contentType(c);
  if (type === 'application/json') {
    try {
      const raw: unknown = JSON.parse(await c.req.text());
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) return { raw: raw as Record<string, unknown> };
    } catch {
      /* fall through */
    }
    return { error: await fail(c, 400, { form: MESSAGES.badJson }) };
  }
  if (FORM_TYPES.has(type)) {
    try {
      const form = await c.req.parseBody();
      const raw: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(form)) if (typeof v === 'string') raw[k] = v;
      return { raw };
    } catch {
      return { error: await fail(c, 400, { form: MESSAGES.badForm }) };
    }
  }
  return { error: await fail(c, 415, { form: MESSAGES.badType }) };
}

/** Region must be one of China's (with a page, or one nobody covers: the customer is told so), brand
 *  one we service, and serviced there when the region is covered. */
function coverageErrors(catalog: CatalogIndex, raw: Record<string, unknown>, found: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  const region = typeof raw.region === 'string' ? raw.region : '';
  const brand = typeof raw.brand === 'string' ? raw.brand.trim() : '';
  const hotline = catalog.data.hotline;
  const uncovered = catalog.isUncovered(region);
  if (!found.region && !catalog.region(region) && !uncovered) {
    errors.region = `请从列表中选择所在地区，或拨打 ${hotline} 咨询。`;
  }
  const known = brand ? catalog.brand(brand) : undefined;
  if (brand && !found.brand && !known) {
    errors.brand = '请从列表中选择品牌，或选“其他 / 不确定”。';
  } else if (known && !errors.region && !found.region && !uncovered && !catalog.serves(brand, region)) {
    errors.brand = `${known.name}在所选地区暂未提供服务，可选“其他 / 不确定”或拨打 ${hotline} 咨询。`;
  }
  return errors;
}

function toNewLead(input: LeadInput, catalog: CatalogIndex) {
  return {
    requestId: input.requestId ?? crypto.randomUUID(),
    status: input.website ? ('spam' as const) : ('new' as const),
    name: input.name,
    phone: input.phone,
    regionCode: input.region,
    // Said wherever the lead is shown (inbox, notifications, progress): nobody covered it when it came.
    regionName: catalog.regionLabel(input.region) + (catalog.isUncovered(input.region) ? '（暂未覆盖）' : ''),
    brand: input.brand,
    brandName: input.brand ? catalog.brand(input.brand)?.name : undefined,
    description: input.description,
    address: input.address,
    preferredTime: input.preferredTime,
    privacyVersion: catalog.data.privacyVersion,
    page: input.page,
  };
}
