// One schema for every way a lead arrives (JSON or a plain form post), with messages in Chinese.
import * as z from 'zod';
import { LIMITS } from './fields.ts';
import { normalizePhone } from './phone.ts';

z.config(z.locales.zhCN());

/** Form posts send '' for empty fields; treat those as absent. */
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, `${label}最多 ${max} 个字`).optional(),
  );

const checkbox = z.preprocess(
  (v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes',
  z.literal(true, { error: '请阅读并同意隐私政策后提交' }),
);

export const leadSchema = z.object({
  name: z
    .string({ error: '请填写称呼' })
    .trim()
    .min(1, '请填写称呼')
    .max(LIMITS.name, `称呼最多 ${LIMITS.name} 个字`),
  phone: z
    .string({ error: '请填写联系电话' })
    .trim()
    .min(1, '请填写联系电话')
    .max(LIMITS.phone, '电话号码过长')
    .transform((v, ctx) => {
      const e164 = normalizePhone(v);
      if (!e164) {
        ctx.addIssue({ code: 'custom', message: '请填写有效的手机号或固定电话（固话请带区号）' });
        return z.NEVER;
      }
      return e164;
    }),
  region: z.string({ error: '请选择所在地区' }).regex(/^\d{6}(\d{3})?$/, '请选择所在地区'),
  brand: optionalText(40, '品牌'),
  description: z
    .string({ error: '请简单描述需要维修的问题' })
    .trim()
    .min(2, '请简单描述需要维修的问题')
    .max(LIMITS.description, `问题描述最多 ${LIMITS.description} 个字`),
  address: optionalText(LIMITS.address, '详细地址'),
  preferredTime: optionalText(LIMITS.preferredTime, '方便上门时间'),
  consent: checkbox,
  /** Honeypot: people never see it, bots fill it in. */
  website: optionalText(200, '网站'),
  requestId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('请求编号无效，请刷新页面后重试').optional()),
  /** The page the form was sent from, to show it again with errors when JavaScript is off. */
  page: optionalText(300, '页面').pipe(
    z.string().regex(/^\/(?![/\\])/, '页面地址无效').optional(),
  ),
});

export type LeadInput = z.infer<typeof leadSchema>;
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
