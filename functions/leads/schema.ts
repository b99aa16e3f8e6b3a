// One schema for every way a lead arrives (JSON or a plain form post), with messages in Chinese.
// Strict: unknown fields are rejected, every string is NFC-normalized, length-capped and free of
// control characters (and of invisible bidi/format characters that could disguise a value).
import * as z from 'zod';
import { LABELS, LIMITS } from '../../src/contract/lead-fields.ts';
import { readPhone } from './phone.ts';

/** zod's own messages in Chinese, for this parse only: the global config stays as it is. */
const zhCN = z.locales.zhCN();

/** Control (Cc), lone surrogates (Cs), zero-width and bidi overrides; a description may keep \t \n \r.
 *  Not the zero-width (non-)joiner, U+200C/U+200D: emoji are built with it (🤦‍♂️, 👨‍🔧). */
const FORBIDDEN_LINE = /[\p{Cc}\p{Cs}\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const FORBIDDEN_TEXT = /[\p{Cs}\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|(?![\t\n\r])\p{Cc}/u;
/** Invisible marks a paste leaves at a value's ends (a zero-width space, a BOM): dropped, not refused. */
const INVISIBLE = /[\s\u200B-\u200F\u2060\uFEFF]/;
/** By a loop, not a regex: `[…]+$` tries every run of blanks inside a value, quadratic in its length
 *  (16,000 spaces in a description took ~130 ms), before any length check. */
function trimInvisible(v: string): string {
  let start = 0;
  let end = v.length;
  while (start < end && INVISIBLE.test(v[start])) start++;
  while (end > start && INVISIBLE.test(v[end - 1])) end--;
  return v.slice(start, end);
}

const PHONE_PROBLEMS = {
  invalid: '请填写有效的手机号或固定电话（固话请带区号）',
  abroad: '目前只受理中国大陆的电话号码，请填写大陆手机号或固定电话',
} as const;

/** NFC, and a line break as one character: a plain form post sends the textarea's as CRLF, which the
 *  browser counted as one against maxlength. */
const nfc = (v: unknown) => (typeof v === 'string' ? trimInvisible(v.normalize('NFC').replace(/\r\n?/g, '\n')) : v);

/** A string field (already NFC): checked for forbidden characters, trimmed, capped. */
const text = (label: string, required: string | undefined, max: number, multiline = false) =>
  z
    .string({ error: required ?? `${label}格式不正确` })
    // Before trimming, which would silently drop some of them at the ends (U+FEFF, \u0085).
    .refine((v) => !(multiline ? FORBIDDEN_TEXT : FORBIDDEN_LINE).test(v), `${label}含有看不见的特殊字符，请删掉后重新输入`)
    .trim()
    .max(max, `${label}最多 ${max} 个字`);

/** Form posts send '' for empty fields; treat those as absent. */
const optionalText = (max: number, label: string, multiline = false) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : nfc(v)),
    text(label, undefined, max, multiline).optional(),
  );

const checkbox = (error: string) =>
  z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes', z.literal(true, { error }));

/** Unknown field names, made safe to echo back (no markup, no control characters, short). */
const shownKeys = (keys: string[]) =>
  keys
    .slice(0, 5)
    .map((k) => k.replace(/[^\w.-]/g, '?').slice(0, 30))
    .join('、');

const leadSchema = z.strictObject(
  {
    name: z.preprocess(nfc, text(LABELS.name, '请填写称呼', LIMITS.name).pipe(z.string().min(1, '请填写称呼'))),
    phone: z.preprocess(
      nfc,
      z
        .string({ error: '请填写联系电话' })
        .trim()
        .min(1, '请填写联系电话')
        .max(LIMITS.phone, '电话号码过长')
        .transform((v, ctx) => {
          const read = readPhone(v);
          if ('phone' in read) return read.phone;
          ctx.addIssue({ code: 'custom', message: PHONE_PROBLEMS[read.problem] });
          return z.NEVER;
        }),
    ),
    region: z
      .string({ error: '请选择所在地区' })
      .max(9, '请选择所在地区')
      .regex(/^\d{6}(\d{3})?$/, '请选择所在地区'),
    brand: optionalText(LIMITS.brand, LABELS.brand),
    description: z.preprocess(
      nfc,
      text(LABELS.description, '请简单描述需要维修的问题', LIMITS.description, true).pipe(
        z.string().min(2, '请简单描述需要维修的问题'),
      ),
    ),
    address: optionalText(LIMITS.address, LABELS.address),
    preferredTime: optionalText(LIMITS.preferredTime, LABELS.preferredTime),
    consent: checkbox('请阅读并同意隐私政策后提交'),
    /** PIPL art. 39: storing the lead outside the mainland (Cloudflare) needs its own consent, not
     *  one bundled with the policy's. Both are required; consent_at is when both were given. A page
     *  cached from before the box existed sends none: the message says to reload it. */
    abroad: checkbox(
      '请勾选同意将报修信息存放在境外服务器后提交（页面上没有这一项的，请刷新页面）；不同意的，请直接拨打服务电话。',
    ),
    /** Honeypot: people never see it, bots fill it in. */
    website: optionalText(200, '网站'),
    requestId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('请求编号无效，请刷新页面后重试').optional()),
    /** The page the form was sent from, to show it again with errors when JavaScript is off. */
    page: optionalText(300, '页面').pipe(
      z
        .string()
        .regex(/^\/(?![/\\])/, '页面地址无效')
        .optional(),
    ),
    /** Cloudflare Turnstile's token, when the widget is configured (checked in turnstile.ts). */
    'cf-turnstile-response': optionalText(2048, '人机验证'),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `请求中含有不支持的字段：${shownKeys(issue.keys)}` : undefined),
  },
);

export type LeadInput = z.infer<typeof leadSchema>;

/** A lead as posted (JSON or form fields), checked; every message in Chinese. */
export const parseLead = (raw: unknown) => leadSchema.safeParse(raw, { error: zhCN.localeError });
export type FieldErrors = Record<string, string>;

/** The first message for each field, keyed by field name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}
