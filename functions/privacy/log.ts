// What a log line may carry of a customer's input: escaped so that a log viewer that renders HTML
// shows a payload as text, on one line (no forged log lines), and short.
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

export function logSafe(value: string | null | undefined, max = 60): string {
  if (!value) return '';
  const flat = value.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/[<>&"']/g, (ch) => ENTITIES[ch]);
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A customer's name in a log line: its first character, the rest starred (孙先生 → 孙**), as the
 *  phone is masked; enough to tell two leads apart while testing, not a name kept in Workers Logs. */
export function maskName(name: string): string {
  const [first = '', ...rest] = [...name.trim()];
  return logSafe(first) + '*'.repeat(Math.min(Math.max(rest.length, 1), 3));
}

/** A provider's error as it may be kept (deliveries.last_error) and logged: without the lead's own
 *  personal fields, which a receiver may echo back (a webhook's 422 quoting the phone), as written
 *  or as JSON's \u escapes write them. */
export function withoutLead(
  message: string,
  lead: { name: string; phone: string; address: string | null; description: string },
): string {
  const escaped = (v: string) => v.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const values = [lead.phone, lead.phone.replace(/^\+86/, ''), lead.name, lead.address, lead.description]
    .filter((v): v is string => !!v && v.length >= 2)
    .sort((a, b) => b.length - a.length);
  let out = message;
  for (const value of values) for (const form of [value, escaped(value)]) out = out.split(form).join('…');
  return out;
}
