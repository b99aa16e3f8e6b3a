// HMAC-SHA256 and SHA-256 over WebCrypto, shared by the signed channels (Aliyun, Tencent, DingTalk,
// Feishu, webhook). Written by hand: no maintained provider SDK runs on Workers.
const te = new TextEncoder();
type Bytes = string | ArrayBuffer | Uint8Array<ArrayBuffer>;
const bytes = (b: Bytes) => (typeof b === 'string' ? te.encode(b) : b instanceof Uint8Array ? b : new Uint8Array(b));

export async function hmac(key: Bytes, message: Bytes): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, bytes(message));
}

export const sha256 = async (message: Bytes) => crypto.subtle.digest('SHA-256', bytes(message));

export const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const base64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf)));

/** RFC 3986 percent-encoding, as Aliyun's V3 signature wants it. */
export const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
