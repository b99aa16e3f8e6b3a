// Chinese mobile and landline numbers, validated and normalized with libphonenumber-js (full metadata,
// so the number type is known): one stored form (E.164) whatever the customer typed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const ACCEPTED = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

/** `138 1234 1234`, `+86 138-1234-1234`, `0731-8888 6666` → `+8613812341234`; null when invalid. */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(
    input.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')),
    'CN',
  );
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid()) return null;
  const type = parsed.getType();
  return type && ACCEPTED.has(type) ? parsed.number : null;
}

/** Only a mobile can get the customer's confirmation SMS (a landline cannot). */
export const isMobile = (e164: string) => parsePhoneNumberFromString(e164)?.getType() === 'MOBILE';

/** For logs and messages: `+8613812341234` → `138****1234`, `+867318886666` → `073****6666`. */
export function maskPhone(e164: string): string {
  // Landlines are written with their trunk prefix: 0731****6666.
  const national = e164.replace(/^\+86(?=1)/, '').replace(/^\+86/, '0');
  if (national.length < 8) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}
