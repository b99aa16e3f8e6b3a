// What a log line may carry of a customer's input: escaped so that a log viewer that renders HTML
// shows a payload as text, on one line (no forged log lines), and short.
import { dialable, nationalPhone, shownPhone } from '../leads/phone-forms.ts';

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

export function logSafe(value: string | null | undefined, max = 60): string {
  if (!value) return '';
  // Format characters too (U+202E turns a line's text around in a log viewer).
  const flat = value.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/[<>&"']/g, (ch) => ENTITIES[ch]);
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A customer's name in a log line: its first character, the rest starred (孙先生 → 孙**), as the
 *  phone is masked; enough to tell two leads apart while testing, not a name kept in Workers Logs. */
export function maskName(name: string): string {
  const [first = '', ...rest] = [...name.trim()];
  return logSafe(first) + '*'.repeat(Math.min(Math.max(rest.length, 1), 3));
}

/** The longest provider error kept or logged, once the lead's fields are out of it. */
const ERROR_LENGTH = 500;

/** A provider's error as it may be kept (deliveries.last_error) and logged: without the lead's own
 *  personal fields, which a receiver may echo back (a webhook's 422 quoting the phone) — as written,
 *  or as a JSON encoder writes them (\n and \" escaped, / as is or as \/; non-ASCII as is or as \u
 *  escapes, in either case) or a URL's query (percent-encoded), whole or cut as an SMS template sent
 *  it (`cutAt`: the SMS channels' lengths, channels/sms.ts templateCuts) — then cut to ERROR_LENGTH:
 *  cut before, an echo could be left half and unrecognised. */
export function withoutLead(
  message: string,
  lead: { name: string; phone: string; address: string | null; description: string; preferred_time?: string | null },
  cutAt: readonly number[] = [],
): string {
  const unicode = (v: string, upper: boolean) =>
    v.replace(/[^\x20-\x7e]/g, (c) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });
  const forms = (v: string) => {
    const plain = JSON.stringify(v).slice(1, -1);
    // PHP's json_encode also writes / as \/ (12\/3号).
    const jsons = plain.includes('/') ? [plain, plain.replaceAll('/', '\\/')] : [plain];
    const url = encodeURIComponent(v);
    const lower = url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
    // As a URL or a form encodes it, in either case of hex (%E5 or %e5), a space as %20 or +.
    const encoded = [url, lower, url.replace(/%20/g, '+'), lower.replace(/%20/g, '+')];
    return [v, ...jsons.flatMap((json) => [json, unicode(json, false), unicode(json, true)]), unicode(v, false), ...encoded];
  };
  const cuts = (v: string) => [v, ...cutAt.map((n) => [...v].slice(0, n).join(''))];
  // Phone numbers whole: no template gets one cut (sms.ts WHOLE_FIELDS).
  // As stored, to dial, as an SMS writes it, and as the operator's messages do (0731-88886666).
  const phones = [lead.phone, dialable(lead.phone)].flatMap((p) => [p, nationalPhone(p), shownPhone(p)]);
  const values = [
    ...phones,
    ...[lead.name, lead.address, lead.description, lead.preferred_time].flatMap((v) => (v ? cuts(v) : [])),
  ]
    .filter((v) => v.length >= 2)
    .flatMap(forms)
    .sort((a, b) => b.length - a.length);
  let out = message;
  for (const form of new Set(values)) out = out.split(form).join('…');
  return out.length > ERROR_LENGTH ? `${out.slice(0, ERROR_LENGTH)}…` : out;
}
