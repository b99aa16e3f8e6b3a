// What a log line may carry of a customer's input: escaped so that a log viewer that renders HTML
// shows a payload as text, on one line (no forged log lines), and short.
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

export function logSafe(value: string | null | undefined, max = 60): string {
  if (!value) return '';
  const flat = value.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/[<>&"']/g, (ch) => ENTITIES[ch]);
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
