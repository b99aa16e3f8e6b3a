// The reference a customer reads out on the phone: BX-261122-048213 (the day in Beijing, then six
// random digits).
import { beijingDay } from '../web/beijing-time.ts';

export function newReference(now = new Date()): string {
  const date = beijingDay(now).slice(2).replaceAll('-', '');
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  return `BX-${date}-${String(n).padStart(6, '0')}`;
}

export const REFERENCE = /^BX-\d{6}-\d{6}$/;
/** A reference as customers and staff retype it: with spaces, without its hyphens (BX261205934518),
 *  with another dash (— –), in full-width characters or lower case. */
const WRITTEN = /^BX[-\u2010-\u2015_]?(\d{6})[-\u2010-\u2015_]?(\d{6})$/;

/** The reference written as REFERENCE has it, or else what was typed, cleaned (for the error). */
export function readReference(typed: string): string {
  const plain = typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const match = plain.match(WRITTEN);
  return match ? `BX-${match[1]}-${match[2]}` : plain;
}
