// The reference a customer reads out on the phone: BX-261122-048213 (the day in Beijing, then six
// random digits).
import { beijingDay } from '../web/beijing-time.ts';

export function newReference(now = new Date()): string {
  const date = beijingDay(now).slice(2).replaceAll('-', '');
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  return `BX-${date}-${String(n).padStart(6, '0')}`;
}
