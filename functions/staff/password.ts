// Staff passwords, hashed with PBKDF2-SHA-256 through WebCrypto: the KDF the Workers runtime has.
// 100,000 iterations: workerd caps PBKDF2 there where CPU limits apply (cloudflare/workerd#1346;
// the local runtime, which has none, accepted 1,000,000 in a run here) — about 10 ms per sign-in,
// measured in workerd. A random 16-byte salt per password. Stored as
// `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url), so the cost can change without breaking
// stored hashes.
const ITERATIONS = 100_000;
const encoder = new TextEncoder();

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${ITERATIONS}$${b64url(salt)}$${b64url(await derive(password, salt, ITERATIONS))}`;
}

/** A hash of no one's password: checked when the name is unknown, so both answers take as long. */
const DECOY = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** True when `password` matches `stored`; with no stored hash it spends the same time and says no. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [scheme, iterations, salt, hash] = (stored ?? DECOY).split('$');
  // A stored hash never asks for more work than we would write.
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !(Number(iterations) >= 1 && Number(iterations) <= ITERATIONS))
    return false;
  const actual = await derive(password, fromB64url(salt), Number(iterations));
  const expected = fromB64url(hash);
  // Constant time over the whole digest (timingSafeEqual is workerd-only; this runs in Node tests too).
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) diff |= actual[i] ^ (expected[i] ?? 0);
  return Boolean(stored) && diff === 0;
}
