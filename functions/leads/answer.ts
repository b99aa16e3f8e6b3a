// How the lead function says no: JSON for JSON clients, and for a plain form post from a browser
// the page the customer came from, with the messages beside the fields and the input kept.
import type { Context } from 'hono';
import type { Env } from '../env.ts';
import { formWithErrors } from './form-page.ts';
import type { FieldErrors } from './schema.ts';

export type Ctx = Context<{ Bindings: Env }>;
export type ErrorStatus = 400 | 403 | 405 | 413 | 415 | 429 | 503;

/** `/hunan/` but not `//elsewhere.example`. */
const SAME_SITE_PATH = /^\/(?![/\\])/;

export const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

export const contentType = (c: Ctx) => (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();

/** A plain form post from a browser (JavaScript off) gets pages; everyone else JSON. */
export const wantsPage = (c: Ctx) => FORM_TYPES.has(contentType(c)) && /text\/html/.test(c.req.header('accept') ?? '');

export const MESSAGES = {
  busy: '系统暂时无法受理，请稍后重试，或直接拨打服务电话。',
  tooLarge: '提交的内容过长，请精简后重新提交。',
  badJson: '请求内容不是有效的 JSON 对象。',
  badForm: '表单内容无法识别，请刷新页面后重新提交。',
  badType: '不支持的请求格式，请以 JSON 或表单提交。',
  method: '请使用 POST 提交报修。',
  origin: '请从本站页面提交报修。',
  tooMany: '提交过于频繁，请稍后再试，或直接拨打服务电话。',
  // Said only to what was not answered before (own-repeat.ts answeredBefore): an edit, another repair.
  phoneTooMany:
    '该号码一分钟内已多次提交报修。已经提交成功的报修不受影响；如需补充或另报其他维修，请一分钟后再提交，或直接拨打服务电话。',
  captcha: '请完成人机验证后重新提交；无法完成验证（如浏览器未启用 JavaScript）的，请直接拨打服务电话。',
  captchaDown: '人机验证暂时不可用，请稍后重试，或直接拨打服务电话。',
} as const;

/** The error answer; `raw` is what the customer sent, kept on the page. */
export async function fail(
  c: Ctx,
  status: ErrorStatus,
  errors: FieldErrors,
  raw: Record<string, unknown> = {},
  retryAfterSeconds?: number,
): Promise<Response> {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
  if (status === 405) headers.allow = 'POST';
  if (!wantsPage(c)) return c.json({ ok: false, errors }, status, headers);
  // A fresh requestId, so fixing the errors and sending twice still makes one lead.
  const values = { ...stringValues(raw), requestId: String(raw.requestId || crypto.randomUUID()) };
  const res = await formWithErrors(c.env, new URL(c.req.url).origin, pagePath(c, raw), values, errors, status);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

/** The form's own page field, else the Referer's path on this site, else the home page. */
function pagePath(c: Ctx, raw: Record<string, unknown>): string {
  if (typeof raw.page === 'string' && SAME_SITE_PATH.test(raw.page)) return raw.page;
  try {
    const referer = new URL(c.req.header('referer') ?? '');
    if (referer.origin === new URL(c.req.url).origin) return referer.pathname;
  } catch {
    /* no usable Referer */
  }
  return '/';
}

/** String fields only, in an object without a prototype (a field may be called __proto__). */
function stringValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}
