// Encryption at rest for a lead's personal fields (PIPL), with WebCrypto only.
//
// The secret LEADS_ENCRYPTION_KEY is a key ring: `kid:base64key[,kid:base64key…]`, the first entry
// is the current key (new rows), the others are older keys still needed to read older rows. Each
// base64 key is 32 random bytes (`openssl rand -base64 32`); a kid is 1–16 of [A-Za-z0-9_-].
//
// From each entry two keys are derived with HKDF, one per purpose: AES-256-GCM for the fields and
// HMAC-SHA-256 for the phone hash (deduplication and deletion by phone). A row records the kid it
// was written with (leads.key_id), so a key can be rotated by putting a new one first.
//
// Hand-written on WebCrypto on purpose: no maintained library adds anything this small needs.
import { decodeBase64, encodeBase64 } from 'hono/utils/encode';
import { dialable } from '../leads/phone-forms.ts';

export interface LeadKey {
  id: string;
  aes: CryptoKey;
  hmac: CryptoKey;
}

export interface Keyring {
  current: LeadKey;
  byId: Map<string, LeadKey>;
}

const ENTRY = /^([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/]+={0,2})$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class KeyringError extends Error {}

/** Parses and imports the key ring; throws KeyringError (never echoing the secret) when it is malformed. */
export async function importKeyring(secret: string | undefined): Promise<Keyring> {
  if (!secret?.trim()) throw new KeyringError('LEADS_ENCRYPTION_KEY is not set');
  const byId = new Map<string, LeadKey>();
  let current: LeadKey | undefined;
  for (const [i, entry] of secret
    .split(',')
    .map((e) => e.trim())
    .entries()) {
    const m = ENTRY.exec(entry);
    if (!m) throw new KeyringError(`LEADS_ENCRYPTION_KEY entry ${i + 1} is not kid:base64key`);
    const raw = base64Key(m[2], `LEADS_ENCRYPTION_KEY entry ${i + 1} (${m[1]}) is not valid base64`);
    if (raw.length !== 32) throw new KeyringError(`LEADS_ENCRYPTION_KEY entry ${i + 1} (${m[1]}) must be 32 bytes`);
    if (byId.has(m[1])) throw new KeyringError(`LEADS_ENCRYPTION_KEY has key id ${m[1]} twice`);
    const key = await deriveKeys(m[1], raw);
    byId.set(key.id, key);
    current ??= key;
  }
  return { current: current!, byId };
}

/** A key's bytes; a pasted key that lost a character is a KeyringError naming the entry, not atob's. */
function base64Key(text: string, otherwise: string): Uint8Array<ArrayBuffer> {
  try {
    return new Uint8Array(decodeBase64(text));
  } catch {
    throw new KeyringError(otherwise);
  }
}

const rings = new Map<string, Promise<Keyring>>();

/** importKeyring, imported once per isolate and secret. */
export function keyring(secret: string | undefined): Promise<Keyring> {
  const cacheKey = secret ?? '';
  let ring = rings.get(cacheKey);
  if (!ring) {
    ring = importKeyring(secret);
    ring.catch(() => rings.delete(cacheKey));
    rings.set(cacheKey, ring);
  }
  return ring;
}

async function deriveKeys(id: string, raw: Uint8Array<ArrayBuffer>): Promise<LeadKey> {
  const master = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) });
  const aes = await crypto.subtle.deriveKey(hkdf('baoxiu lead fields v1'), master, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const hmac = await crypto.subtle.deriveKey(
    hkdf('baoxiu phone hash v1'),
    master,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { id, aes, hmac };
}

/**
 * AES-GCM with a random 96-bit IV; stored as base64(iv ‖ ciphertext ‖ tag). `context` (lead id and
 * field name) is bound as additional data, so a value cannot be moved to another row or field.
 */
export async function encryptField(key: LeadKey, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key.aes,
    encoder.encode(plaintext),
  );
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return encodeBase64(out.buffer);
}

export async function decryptField(key: LeadKey, stored: string, context: string): Promise<string> {
  const bytes = new Uint8Array(decodeBase64(stored));
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: encoder.encode(context) },
    key.aes,
    bytes.subarray(12),
  );
  return decoder.decode(plain);
}

/** Keyed hash (HMAC, hex) of a text: equal texts match, the text cannot be read back. */
async function keyedHex(key: LeadKey, text: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key.hmac, encoder.encode(text));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keyed hash of an E.164 number. The number, not its extension: an office's leads are one
 *  customer's (filters, forgetting). */
export const phoneHash = (key: LeadKey, e164: string) => keyedHex(key, dialable(e164));

/** Keyed hash of the phone with its extension, apart from phoneHash's: one line of an office, which
 *  a merge keeps to (functions/leads/store.ts). */
export const lineHash = (key: LeadKey, e164: string) => keyedHex(key, `line:${e164}`);

/** A hash under every key of the ring: a row written with an older key is still found. */
const underEveryKey = (ring: Keyring, hash: (key: LeadKey) => Promise<string>) => Promise.all([...ring.byId.values()].map(hash));

export const phoneHashes = (ring: Keyring, e164: string) => underEveryKey(ring, (k) => phoneHash(k, e164));
export const lineHashes = (ring: Keyring, e164: string) => underEveryKey(ring, (k) => lineHash(k, e164));

/** A fresh ring entry for `npm start` and the tests: `kid:base64(32 random bytes)`. */
export function newKeyEntry(id = 'k1'): string {
  return `${id}:${encodeBase64(crypto.getRandomValues(new Uint8Array(32)).buffer)}`;
}
