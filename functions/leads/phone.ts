// Chinese mobile and landline numbers, validated and normalized with libphonenumber-js (full metadata,
// so the number type is known): one stored form (E.164) whatever the customer typed, and an office's
// extension after it as RFC 3966 writes it (+8673188886666;ext=8001), so that it is not lost.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { dialable, EXT, nationalPhone } from './phone-forms.ts';

const ACCEPTED = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

export type PhoneProblem = 'invalid' | 'abroad';

/** `138 1234 1234`, `+86 138-1234-1234`, `0731-8888 6666` → `+8613812341234`, `0731-88886666转8001`
 *  → `+8673188886666;ext=8001`; what is wrong otherwise (a number outside mainland China: `abroad`). */
export function readPhone(input: string): { phone: string } | { problem: PhoneProblem } {
  const written = input
    .replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'))
    // As Chinese write an extension; libphonenumber reads "ext.", "#", "x" and "," itself.
    .replace(/\s*(?:转|分机号?)\s*/g, ' ext. ');
  const parsed = parsePhoneNumberFromString(written, 'CN');
  if (!parsed) return { problem: 'invalid' };
  if (parsed.country !== 'CN') return { problem: parsed.isValid() ? 'abroad' : 'invalid' };
  const type = parsed.isValid() && parsed.getType();
  if (!type || !ACCEPTED.has(type)) return { problem: 'invalid' };
  return { phone: parsed.ext ? `${parsed.number}${EXT}${parsed.ext}` : parsed.number };
}

/** The stored form, or null when the number cannot be read (the inbox's search, the admin API). */
export function normalizePhone(input: string): string | null {
  const read = readPhone(input);
  return 'phone' in read ? read.phone : null;
}

/** Only a mobile can get the customer's confirmation SMS (a landline cannot). */
export const isMobile = (phone: string) => parsePhoneNumberFromString(dialable(phone))?.getType() === 'MOBILE';

/** For logs and messages: `+8613812341234` → `138****1234`, `+867318886666` → `073****6666`. */
export function maskPhone(phone: string): string {
  // Landlines are written with their trunk prefix: 0731****6666.
  const national = nationalPhone(dialable(phone));
  if (national.length < 8) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}
