// A lead's personal fields, sealed for D1 and opened for the few reads that need plaintext (a
// Channel sending it to the operator, an admin read). Everything else sees only ciphertext.
import type { Repeat, StoredLead } from '../rows.ts';
import { decryptField, encryptField, lineHash, phoneHash, type Keyring, type LeadKey } from './keyring.ts';

const PERSONAL_FIELDS = ['name', 'phone', 'address', 'description', 'preferred_time'] as const;
type Personal = (typeof PERSONAL_FIELDS)[number];

export type PlainFields = {
  name: string;
  phone: string;
  description: string;
  address?: string | null;
  preferred_time?: string | null;
};
export type SealedFields = {
  name: string;
  phone: string;
  description: string;
  address: string | null;
  preferred_time: string | null;
  key_id: string;
  phone_hash: string;
  line_hash: string;
};

const context = (leadId: string, field: Personal) => `lead:${leadId}:${field}`;

/** Encrypts the personal fields of the lead `leadId` with the ring's current key. */
export async function sealLead(key: LeadKey, leadId: string, plain: PlainFields): Promise<SealedFields> {
  const [text, phone, phone_hash, line_hash] = await Promise.all([
    sealText(key, leadId, plain),
    encryptField(key, plain.phone, context(leadId, 'phone')),
    phoneHash(key, plain.phone),
    lineHash(key, plain.phone),
  ]);
  return { ...text, phone, phone_hash, line_hash };
}

/** The fields a repeat keeps (all but the phone, which is its lead's), sealed under the repeat's `id`. */
export const sealRepeat = sealText;

/** Name, description, address and preferred time, sealed under `id` (a lead's or a repeat's). */
async function sealText(key: LeadKey, id: string, plain: Omit<PlainFields, 'phone'>) {
  const seal = (field: Personal, value: string) => encryptField(key, value, context(id, field));
  const [name, description, address, preferred_time] = await Promise.all([
    seal('name', plain.name),
    seal('description', plain.description),
    plain.address ? seal('address', plain.address) : null,
    plain.preferred_time ? seal('preferred_time', plain.preferred_time) : null,
  ]);
  return { name, description, address, preferred_time, key_id: key.id };
}

/** A row's preferred time is sealed from migration 0013 on (sealed_time); before, in clear. */
const timeIfSealed = (row: { sealed_time?: number }): Personal[] => (row.sealed_time ? ['preferred_time'] : []);

/**
 * The lead with its personal fields decrypted. A row without key_id predates encryption and is
 * returned as it is. Throws when the row's key is no longer in the ring.
 */
export function openLead<T extends StoredLead>(ring: Keyring, row: T): Promise<T> {
  return row.key_id
    ? openFields('lead', ring, row, row.key_id, ['name', 'phone', 'description', 'address', ...timeIfSealed(row)])
    : Promise.resolve(row);
}

/** For what staff read (the lists, a lead's page, the CSV): a row that cannot be opened — its key
 *  taken out of the ring too soon, or its ciphertext damaged — says so in its fields, and the rest
 *  of the list still shows. Sending a lead (deliveries/attempt.ts) still fails and is retried. */
export const openLeadToShow = <T extends StoredLead>(ring: Keyring, row: T) =>
  orSaid(openLead(ring, row), row, ['name', 'phone', 'description']);

/** openLeadToShow for a repeat. */
export const openRepeatToShow = (ring: Keyring, row: Repeat) => orSaid(openRepeat(ring, row), row, ['name', 'description']);

/** What staff see in place of what cannot be opened, naming the key it needs. */
export const cannotOpen = (keyId: string | null) => `（无法解密：LEADS_ENCRYPTION_KEY 里须保留写入它的密钥 ${keyId ?? ''}）`;

/** The opened row, or the row with `said` fields telling why they cannot be read (the others emptied). */
async function orSaid<T extends { key_id: string | null; address: string | null; preferred_time: string | null }>(
  opened: Promise<T>,
  row: T,
  said: ('name' | 'phone' | 'description')[],
): Promise<T> {
  try {
    return await opened;
  } catch (err) {
    console.error('[privacy] cannot open', err instanceof Error ? err.message : err);
    const why = cannotOpen(row.key_id);
    return { ...row, ...Object.fromEntries(said.map((field) => [field, why])), address: null, preferred_time: null };
  }
}

/** A repeat with its personal fields decrypted (sealed like a lead's, under the repeat's own id). */
export function openRepeat(ring: Keyring, row: Repeat): Promise<Repeat> {
  return openFields('repeat', ring, row, row.key_id, ['name', 'description', 'address', ...timeIfSealed(row)]);
}

async function openFields<T extends { id: string }>(
  kind: string,
  ring: Keyring,
  row: T,
  keyId: string,
  fields: Personal[],
): Promise<T> {
  const key = ring.byId.get(keyId);
  if (!key) throw new Error(`${kind} ${row.id}: key ${keyId} is not in LEADS_ENCRYPTION_KEY`);
  const opened: Record<string, string | null> = {};
  for (const field of fields) {
    const value = (row as Record<string, unknown>)[field] as string | null;
    opened[field] = value === null ? null : await decryptField(key, value, context(row.id, field));
  }
  return { ...row, ...opened };
}
