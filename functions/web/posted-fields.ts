// The fields of a POST — a form (with or without JavaScript) or a JSON object — as strings; null
// when the body cannot be read. Non-string values are dropped.
import type { Context } from 'hono';

export async function postedFields(c: Context): Promise<Map<string, string> | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim();
  try {
    const entries =
      type === 'application/json'
        ? Object.entries((await c.req.json()) as Record<string, unknown>)
        : [...(await c.req.formData()).entries()];
    return new Map(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return null;
  }
}
