// Setup codes and session ids: 32 random bytes, base64url. D1 keeps only their SHA-256, so a copy of
// the tables opens nothing.
import { hex, sha256 } from '../channels/hmac.ts';

export function randomCode(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const sha256Hex = async (text: string) => hex(await sha256(text));
