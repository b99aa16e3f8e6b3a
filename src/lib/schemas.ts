// Zod schemas of the operator's content, with messages that say what to fix.
import { CHANNEL_NAMES } from '../contract/channels.ts';
import { z } from 'astro/zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** An object that refuses keys it does not know, naming them and the ones it takes: a misspelt key
 *  would otherwise be dropped without a word and change what the rest means (a route written with
 *  `brand:` for `brands:` has no brands, so it takes every lead). `otherwise`: the message when the
 *  value is not such an object at all. */
const known = <S extends z.ZodRawShape>(what: string, shape: S, otherwise?: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${what}: unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `\`${k}\``).join(', ')} (a misspelling?); ${what} takes ${Object.keys(
            shape,
          )
            .map((k) => `\`${k}\``)
            .join(', ')}`
        : otherwise,
  });

const text = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);

export const siteSchema = known('site.yaml', {
  legalName: text("legalName (the operator's registered name)"),
  displayName: text('displayName (the short name shown on pages)'),
  hotline: z
    .string({ error: 'hotline is required' })
    .regex(/^[0-9-]{7,20}$/, 'hotline must be digits and dashes, e.g. 400-000-0000'),
  hours: text('hours (service hours, e.g. 每天 8:00–20:00)'),
  /** The same hours for a machine (Beijing time, every day): a lead sent outside them is told when it
   *  will be seen. Without it customers are only shown `hours`. */
  callbackHours: z
    .string()
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/,
      'callbackHours must look like 08:00-20:00 (Beijing time, every day)',
    )
    // Hours past midnight (20:00-08:00) would tell every customer they were sent outside them.
    .refine((v) => v.slice(0, 5) < v.slice(6), 'callbackHours must open before they close on the same day, e.g. 08:00-20:00')
    .optional(),
  address: text('address'),
  email: z.email('email must be an e-mail address'),
  url: z.url("url must be the site's absolute URL, e.g. https://example.com"),
  icp: z.string().trim().optional(),
  /** Bumped whenever /privacy/ changes materially; stored with each lead's consent. */
  privacyVersion: text('privacyVersion'),
  tagline: z.string().optional(),
});

const VALID_UNTIL = 'authorization.validUntil must be a date, e.g. 2027-12-31';

const authorization = known(
  'authorization',
  {
    issuer: text('authorization.issuer (who granted it)'),
    reference: text('authorization.reference (certificate or contract number)'),
    // A date or its text only: coerced, an empty value (null) would read as 1970-01-01, a number as ms.
    validUntil: z
      .union([z.date(), z.string().trim().min(1, VALID_UNTIL)], { error: VALID_UNTIL })
      .pipe(z.coerce.date({ error: VALID_UNTIL })),
  },
  'relationship: authorized needs `authorization` with issuer, reference and validUntil',
);

export const brandSchema = z.discriminatedUnion(
  'relationship',
  [
    known('a brand', {
      name: text('name'),
      category: text('category (e.g. 保险柜, 智能锁)'),
      summary: z.string().optional(),
      relationship: z.literal('independent'),
    }),
    known('a brand', {
      name: text('name'),
      category: text('category (e.g. 保险柜, 智能锁)'),
      summary: z.string().optional(),
      relationship: z.literal('authorized'),
      authorization,
    }),
  ],
  { error: 'relationship must be `independent` or `authorized`' },
);

const coverageEntrySchema = known('a coverage region', {
  code: z
    .string({ error: 'code must be a GB/T 2260 region code, quoted: "433101"' })
    .regex(/^\d{6}(\d{3})?$/, 'code must be a 6-digit GB/T 2260 code (9 digits for a town), quoted')
    .optional(),
  /** A place as operators write it (湘西吉首市, 文昌市龙楼镇), resolved at build time instead of a code. */
  place: z.string().trim().min(1).optional(),
  responseTime: z.string().optional(),
  hours: z.string().optional(),
  note: z.string().optional(),
  /** Towns below a county-level unit that are named on its page (and found by search). */
  towns: z.array(z.string()).optional(),
}).refine((e) => (e.code === undefined) !== (e.place === undefined), {
  error: 'each region needs either code or place (not both)',
});

export function coverageSchema<B extends z.ZodType>(brand: B) {
  return known('a coverage file', {
    brand,
    regions: z.array(coverageEntrySchema).min(1, 'regions must list at least one region'),
  });
}

// An address as mail servers take it, not as zod's e-mail pattern narrows it (ASCII top-level
// domains only: 报修@例子.中国 is an address).
const isAddress = (to: string) => /^[^\s@<>]+@[^\s@<>.]+(\.[^\s@<>.]+)+$/.test(to);
const isMobile = (to: string) => {
  // Brackets as Chinese type them: （+86）138 0000 0000.
  const phone = parsePhoneNumberFromString(
    to.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')),
    'CN',
  );
  return !!phone?.isValid() && ['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(phone.getType() ?? '');
};
/** The channels that send to addresses or numbers, and what their `to` must hold, said as the
 *  build's error: an address given to an SMS channel, or a number to a mail one, would fail every
 *  lead of the route at its send. A bot or webhook has its one URL, and would silently ignore `to`
 *  (the route would seem to reach another group). */
const RECIPIENTS: Record<string, { is: (to: string) => boolean; what: string }> = {
  'email-smtp': { is: isAddress, what: 'an e-mail address' },
  'email-binding': { is: isAddress, what: 'an e-mail address' },
  'sms-aliyun': { is: isMobile, what: 'a mobile number' },
  'sms-tencent': { is: isMobile, what: 'a mobile number' },
};
const ADDRESSED = Object.keys(RECIPIENTS);

const routeChannel = known('a route channel', {
  channel: z.enum(CHANNEL_NAMES, { error: `channel must be one of ${CHANNEL_NAMES.join(', ')}` }),
  to: z.array(z.string().trim().min(1)).optional(),
})
  .refine((c) => !c.to?.length || ADDRESSED.includes(c.channel), {
    error: (issue) =>
      `\`to\` is for ${ADDRESSED.join(', ')}; ${(issue.input as { channel: string }).channel} sends to its own URL (set another channel's settings to reach another group)`,
  })
  .superRefine((c, ctx) => {
    const recipient = RECIPIENTS[c.channel];
    for (const to of recipient ? (c.to ?? []) : [])
      if (!recipient.is(to)) ctx.addIssue({ code: 'custom', message: `${c.channel} sends to ${recipient.what}, not "${to}"` });
  });

// One delivery of a kind per channel and lead (migrations/0009): a channel listed twice would make
// every lead of the route fail to store. Its recipients go in one `to`.
const routeChannels = z
  .array(routeChannel)
  .min(1, 'a route needs at least one channel')
  .refine((list) => new Set(list.map((c) => c.channel)).size === list.length, {
    error: "a route lists each channel once: put all its recipients in that one entry's `to`",
  });

const routeSchema = known('a route', {
  name: text('route name'),
  regions: z.array(z.string().regex(/^\d{6}(\d{3})?$/, 'route regions are quoted GB/T 2260 codes, e.g. "430000"')).optional(),
  brands: z.array(z.string()).optional(),
  channels: routeChannels,
});

/** routes.yaml: ordered rules and the default route. */
export const routingSchema = known('routes.yaml', {
  routes: z.array(routeSchema).default([]),
  default: known('the default route', { name: text('route name'), channels: routeChannels }).optional(),
});

export type Site = z.infer<typeof siteSchema>;
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;
