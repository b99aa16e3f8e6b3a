// Finding a customer's lead by what only the customer has: its reference and the last 4 digits of
// the phone it was sent with. A wrong reference, a wrong tail and a lead that is gone (past
// retention, forgotten) are one answer — null — after the same work: one indexed read and one
// decryption (of a dummy when there is no row), so neither the answer nor its time tells which.
import { encryptField, decryptField, type Keyring } from '../privacy/keyring.ts';
import type { StoredLead } from '../rows.ts';

export const REFERENCE = /^BX-\d{6}-\d{6}$/;
export const TAIL = /^\d{4}$/;

type Found = Pick<StoredLead, 'id' | 'reference' | 'stage' | 'appointment_at' | 'region_name' | 'brand_name' | 'created_at'>;

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

export async function findLead(db: D1Database, ring: Keyring, reference: string, tail: string): Promise<Found | null> {
  const row = await db
    .prepare(
      'SELECT id, reference, stage, appointment_at, region_name, brand_name, created_at, phone, key_id FROM leads WHERE reference = ?',
    )
    .bind(reference)
    .first<Found & { phone: string; key_id: string | null }>();
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
  if (!row || !same(phone.slice(-4), tail)) return null;
  const { phone: _p, key_id: _k, ...found } = row;
  return found;
}
