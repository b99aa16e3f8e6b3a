// Caps a request body. Hand-written rather than hono/body-limit, which trusts Content-Length alone
// when it is present: here a declared size over the cap is refused at once, and the bytes actually
// read are counted too, so neither a chunked body nor a wrong Content-Length gets past the cap.
import type { Context, MiddlewareHandler } from 'hono';

export function bodyLimit<E extends object>(
  maxBytes: number,
  onTooLarge: (c: Context<{ Bindings: E }>) => Response | Promise<Response>,
): MiddlewareHandler<{ Bindings: E }> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !(Number(declared) <= maxBytes)) return onTooLarge(c);
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return onTooLarge(c);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const headers = new Headers(raw.headers);
    headers.set('content-length', String(size));
    c.req.raw = new Request(raw, { body, headers });
    return next();
  };
}
