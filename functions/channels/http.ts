// Outbound calls to providers: a timeout on every request, and a failure (throw) for anything but
// a 2xx whose body the provider's own check accepts (a redirect too).
export const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of a provider's reply goes into its error: whole enough that every echo of the lead's
 *  fields is found and taken out (functions/privacy/log.ts withoutLead cuts it short after). A
 *  500-character description as \u escapes is 3,000 characters, and a receiver may echo the body
 *  more than once: one cut through an echo would leave its start unrecognised, and kept. */
export const REPLY_KEPT = 65_536;

export async function postJson<T>(
  url: string,
  body: unknown,
  init: { headers?: Record<string, string>; raw?: string; timeoutMs?: number } = {},
): Promise<T> {
  const payload = init.raw ?? JSON.stringify(body);
  // An empty body is no body, and has no type: Aliyun signs every content-type a request has, so an
  // unsigned one could fail its signature check (its parameters go in the query).
  const type: Record<string, string> = payload ? { 'content-type': 'application/json; charset=utf-8' } : {};
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { ...type, ...init.headers },
      body: payload || null,
      redirect: 'manual', // followed, a 301/302 would turn the POST into a GET without the lead
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    throw new Error(`${new URL(url).host}: ${err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : String(err)}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${new URL(url).host}: HTTP ${res.status} ${redirected(res) ?? text.slice(0, REPLY_KEPT)}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${new URL(url).host}: not JSON: ${text.slice(0, REPLY_KEPT)}`);
  }
}

/** What a redirect answer says, for the delivery's error: set the address it names instead. */
export const redirected = (res: Response) =>
  res.status >= 300 && res.status < 400 ? `redirected to ${res.headers.get('location') ?? '?'}, not followed` : undefined;
