// POST /api/progress {reference, tail}: a customer looks up their lead — its status (已受理 / 已联系 /
// 已预约 with the time / 已完成 / 已取消), region, brand and the hotline; nothing else personal.
// POST /api/progress/cancel {reference, tail}: the same proof, then 已取消 (idempotent), and the
// operator is told. Same site only, rate-limited per IP and per reference, one "not found" answer
// for every way of not matching (lookup.ts). JSON, or for a form post without JavaScript the
// /progress/ page with the answer in it (page.ts).
import { Hono, type Context } from 'hono';
import { loadCatalog } from '../catalog.ts';
import { enqueue } from '../deliveries/queue.ts';
import type { Env } from '../env.ts';
import { keyring } from '../privacy/keyring.ts';
import { bodyLimit } from '../web/body-limit.ts';
import { clientIp, retryAfter } from '../web/limits.ts';
import { corsForAllowedOrigins, sameSiteOnly } from '../web/origin.ts';
import { postedFields } from '../web/posted-fields.ts';
import { wantsPage } from '../web/wants-page.ts';
import { beijingTime } from '../web/beijing-time.ts';
import { cancelByCustomer } from '../work/store.ts';
import { readReference, REFERENCE } from '../leads/reference.ts';
import { findLead, TAIL } from './lookup.ts';
import { progressPage, type ProgressAnswer } from './page.ts';

type Ctx = Context<{ Bindings: Env }>;

const PROGRESS_MESSAGES = {
  reference: '请填写单号，格式如 BX-261130-123456。',
  tail: '请填写报修时所留电话号码的后 4 位数字。',
  notFound:
    '没有找到这条报修，请核对单号和电话号码后 4 位。报修超过保留期或已按您的要求删除的，也查不到；多次查不到的，请直接拨打服务电话。',
  done: '这条报修已经完成，不能取消。如有问题，请拨打服务电话。',
  tooMany: '查询过于频繁，请稍后再试，或直接拨打服务电话。',
  origin: '请从本站页面查询。',
  badForm: '表单内容无法识别，请刷新页面后重试。',
  busy: '系统繁忙，暂时查不到，请稍后再试，或直接拨打服务电话。',
  cancelledTold: '已为您取消，并已通知我们的客服。',
  cancelledInInbox: '已为您取消，客服会在后台看到；如已约好上门时间，请拨打服务电话告知。',
  /** A lead staff (or the form's checks) put among spam: not in the list, nobody told. */
  cancelled: '已为您取消。',
  alreadyCancelled: '这条报修此前已经取消。',
} as const;

const STATUS: Record<string, string> = {
  new: '已受理',
  contacted: '已联系',
  scheduled: '已预约',
  done: '已完成',
  cancelled: '已取消',
};

export const progress = new Hono<{ Bindings: Env }>();
progress.use('*', corsForAllowedOrigins);
progress.use(
  '*',
  sameSiteOnly((c) => answer(c, 403, { errors: { form: PROGRESS_MESSAGES.origin } })),
);
progress.use(
  '*',
  bodyLimit<Env>(2048, (c) => answer(c, 413, { errors: { form: PROGRESS_MESSAGES.badForm } })),
);
progress.post('/', (c) => lookUp(c, false));
progress.post('/cancel', (c) => lookUp(c, true));
// The address a form post without JavaScript ends on, opened again (history, a new tab): the page.
progress.get('/', (c) => c.redirect('/progress/', 303));
progress.get('/cancel', (c) => c.redirect('/progress/', 303));

async function lookUp(c: Ctx, cancel: boolean): Promise<Response> {
  const form = await postedFields(c);
  if (!form) return answer(c, 400, { errors: { form: PROGRESS_MESSAGES.badForm } });
  // As Chinese keyboards type them: full-width digits and dashes (１２３４, －), spaces anywhere.
  const typed = (name: string) => (form.get(name) ?? '').normalize('NFKC').replace(/\s+/g, '');
  const reference = readReference(form.get('reference') ?? '');
  const tail = typed('tail');
  const errors: Record<string, string> = {};
  if (!REFERENCE.test(reference)) errors.reference = PROGRESS_MESSAGES.reference;
  if (!TAIL.test(tail)) errors.tail = PROGRESS_MESSAGES.tail;
  // What was typed goes back into the form, to be corrected rather than typed again.
  if (Object.keys(errors).length) return answer(c, 400, { errors, reference: reference.slice(0, 20), tail: tail.slice(0, 4) });

  const wait =
    (await retryAfter(c.env, 'progressIp', clientIp(c.req.raw.headers))) || (await retryAfter(c.env, 'progressRef', reference));
  if (wait) return answer(c, 429, { errors: { form: PROGRESS_MESSAGES.tooMany }, reference, tail }, wait);

  let lead, hotline, cancelled: string | undefined;
  try {
    // The catalog first: once a cancel is saved, nothing after it may fail the answer.
    hotline = (await loadCatalog(c.env, new URL(c.req.url).origin)).data.hotline;
    const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
    lead = await findLead(c.env.DB, ring, reference, tail);
    if (lead && cancel) {
      const { outcome, deliveries } = await cancelByCustomer(c.env.DB, ring.current, lead.id);
      if (outcome === 'not-allowed') return answer(c, 409, { errors: { form: PROGRESS_MESSAGES.done }, reference, tail });
      if (deliveries.length) c.executionCtx.waitUntil(enqueue(c.env, deliveries));
      // Told only what happened: by this request or before it, with the operator told or not.
      cancelled =
        outcome === 'already'
          ? PROGRESS_MESSAGES.alreadyCancelled
          : deliveries.length
            ? PROGRESS_MESSAGES.cancelledTold
            : lead.status === 'spam'
              ? PROGRESS_MESSAGES.cancelled
              : PROGRESS_MESSAGES.cancelledInInbox;
      lead = { ...lead, stage: 'cancelled', appointment_at: null };
    }
  } catch (err) {
    // D1 or the key ring failing: said in Chinese, to be tried again, not a 500.
    console.error('[progress] look-up failed:', err instanceof Error ? err.message : err);
    return answer(c, 503, { errors: { form: PROGRESS_MESSAGES.busy }, reference, tail }, 30);
  }
  if (!lead) return answer(c, 404, { errors: { form: PROGRESS_MESSAGES.notFound }, reference, tail });
  const at = lead.appointment_at ? beijingTime(lead.appointment_at) : null;
  // Among spam nobody works it, so 已受理 would not be true; a customer caught by mistake is told
  // it is being checked (the hotline is on the next line).
  const status = lead.status === 'spam' && lead.stage === 'new' ? '已收到，正在核实' : STATUS[lead.stage];
  return answer(c, 200, {
    reference,
    tail,
    progress: {
      reference,
      status,
      ...(at ? { appointment: at } : {}),
      region: lead.region_name,
      brand: lead.brand_name,
      hotline,
      cancellable: lead.stage !== 'done' && lead.stage !== 'cancelled',
      lines: [
        `单号 ${reference}：${status}${at ? `，上门时间 ${at}（北京时间）` : ''}。`,
        `地区：${lead.region_name}${lead.brand_name ? `；品牌：${lead.brand_name}` : ''}。`,
        cancelled ?? '',
        `有问题请拨打 ${hotline}。`,
      ].filter(Boolean),
    },
  });
}

const wantsForm = (c: Ctx) => wantsPage(c) && !/application\/json/.test(c.req.header('content-type') ?? '');

/** JSON (the page's script, other clients), or the /progress/ page for a form post without JavaScript. */
async function answer(c: Ctx, status: 200 | 400 | 403 | 404 | 409 | 413 | 429 | 503, body: ProgressAnswer, retry?: number) {
  const res = wantsForm(c)
    ? await progressPage(c.env, new URL(c.req.url).origin, body, status)
    : c.json(
        {
          ok: status === 200,
          ...(body.progress ? { progress: body.progress } : {}),
          ...(body.errors ? { errors: body.errors } : {}),
        },
        status,
      );
  res.headers.set('cache-control', 'no-store');
  if (retry) res.headers.set('retry-after', String(retry));
  return res;
}
