// Finding a customer's lead by what only the customer has: its reference and the last 4 digits of
// the phone it was sent with. A wrong reference, a wrong tail and a lead that is gone (past
// retention, forgotten) are one answer — null — after the same work: one batch that writes one row
// (the lead's count, or else the count of misses) and reads the lead back, and one decryption (of a
// dummy when there is no lead), so neither the answer nor its time tells which.
//
// Every look-up of a reference is counted on its lead before its tail is checked, in one statement,
// so guesses sent all at once from many places are counted one by one (the rate limits count at
// each Cloudflare location). Past LOCK_AFTER within a day — 10 of 10,000 tails — the reference
// answers null even to the right tail, until a day passes without a look-up; past LOCK_FOR_GOOD in
// the lead's life, for good. A right tail before that takes one back from both counts. Guesses at a
// reference already locked for the day are not added to its life's count: they test no tail, and
// otherwise anyone who saw a reference (read out on the phone, in a screenshot) could lock its
// customer out for good in minutes; this way it takes three days of guessing. The customer
// can still call (the "not found" answer says so); the operator sees everything.
import { dialable } from '../leads/phone-forms.ts';
import { encryptField, decryptField, type Keyring } from '../privacy/keyring.ts';
import type { StoredLead } from '../rows.ts';

export const TAIL = /^\d{4}$/;

type Found = Pick<
  StoredLead,
  'id' | 'reference' | 'stage' | 'status' | 'appointment_at' | 'region_name' | 'brand_name' | 'created_at'
>;

export const LOCK_AFTER = 10;
export const LOCK_FOR_GOOD = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A look-up counted (?1 now, ?2 a day ago, ?3 the reference), the day's afresh after a quiet day,
 *  the life's only while the day's lets a tail be checked (the old values, in SQL's UPDATE), and the
 *  lead read back with its counts. */
const COUNTED = `UPDATE leads SET lookup_failures = CASE WHEN lookup_failed_at >= ?2 THEN lookup_failures + 1 ELSE 1 END,
  lookup_failures_total = lookup_failures_total +
    CASE WHEN lookup_failed_at >= ?2 AND lookup_failures > ${LOCK_AFTER} THEN 0 ELSE 1 END,
  lookup_failed_at = ?1 WHERE reference = ?3
  RETURNING id, reference, stage, status, appointment_at, region_name, brand_name, created_at, phone, key_id, lookup_failures,
    lookup_failures_total`;
/** Else a miss counted (?1 now, ?2 the reference): the same one row written. */
const MISSED = `UPDATE lookup_misses SET misses = misses + 1, last_at = ?1
  WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM leads WHERE reference = ?2)`;

/** Whether the reference answers its right tail now: locked for the day (until a day passes without
 *  a look-up) or for good; staff can let the customer in again (functions/work/store.ts unlockLookup). */
export function lookupLock(
  lead: Pick<StoredLead, 'lookup_failures' | 'lookup_failures_total' | 'lookup_failed_at'>,
  now = new Date(),
): 'day' | 'for-good' | undefined {
  if (lead.lookup_failures_total >= LOCK_FOR_GOOD) return 'for-good';
  const today = !!lead.lookup_failed_at && lead.lookup_failed_at >= new Date(now.getTime() - DAY_MS).toISOString();
  return today && lead.lookup_failures >= LOCK_AFTER ? 'day' : undefined;
}

type Counted = Found & { phone: string; key_id: string | null; lookup_failures: number; lookup_failures_total: number };

let dummy: Promise<{ id: string; value: string }> | undefined;

/** A sealed phone of no lead, under the current key: decrypted when the reference matches nothing. */
const dummyPhone = (ring: Keyring) =>
  (dummy ??= encryptField(ring.current, '+8613800000000', 'lead:dummy:phone').then((value) => ({ id: ring.current.id, value })));

/** Constant-time comparison of two short strings. */
function same(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export async function findLead(
  db: D1Database,
  ring: Keyring,
  reference: string,
  tail: string,
  now = new Date(),
): Promise<Found | null> {
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const [counted] = await db.batch<Counted>([
    db.prepare(COUNTED).bind(now.toISOString(), dayAgo, reference),
    db.prepare(MISSED).bind(now.toISOString(), reference),
  ]);
  const row = counted.results[0];
  let phone = '';
  try {
    if (row) {
      const key = row.key_id ? ring.byId.get(row.key_id) : undefined;
      phone = key ? await decryptField(key, row.phone, `lead:${row.id}:phone`) : row.phone;
    } else {
      const d = await dummyPhone(ring);
      await decryptField(ring.byId.get(d.id) ?? ring.current, d.value, 'lead:dummy:phone').catch(() => '');
    }
  } catch {
    phone = '';
  }
  if (
    !row ||
    !same(dialable(phone).slice(-4), tail) ||
    row.lookup_failures > LOCK_AFTER ||
    row.lookup_failures_total > LOCK_FOR_GOOD
  )
    return null;
  await db
    .prepare(
      'UPDATE leads SET lookup_failures = lookup_failures - 1, lookup_failures_total = lookup_failures_total - 1 WHERE id = ?1',
    )
    .bind(row.id)
    .run();
  const { phone: _p, key_id: _k, lookup_failures: _f, lookup_failures_total: _t, ...found } = row;
  return found;
}
