// The lead function's HTTP API, free of Astro so tests can load it inside workerd as it is.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Env } from './env.ts';
import { keyring, KeyringError } from './privacy/keyring.ts';
import { admin } from './admin/api.ts';
import { leads } from './leads/endpoint.ts';
import { progress } from './progress/endpoint.ts';
import { securityHeaders } from './web/headers.ts';
import { plainPage, siteOf } from './web/plain-page.ts';
import { wantsPage } from './web/wants-page.ts';

export const api = new Hono<{ Bindings: Env }>().basePath('/api');

api.use('*', securityHeaders);

api.route('/leads', leads);
api.route('/admin', admin);
api.route('/progress', progress);

api.get('/health', async (c) => {
  // The key ring too: without it every lead is refused (503) and the inbox shows nothing.
  const encryptionKey = await keyring(c.env.LEADS_ENCRYPTION_KEY).then(
    () => 'ok',
    (err: unknown) => (err instanceof KeyringError ? err.message : 'unusable'),
  );
  try {
    await c.env.DB.prepare('SELECT 1').first();
    if (encryptionKey !== 'ok') return c.json({ ok: false, database: 'ok', encryptionKey }, 503);
    return c.json({ ok: true, database: 'ok', encryptionKey });
  } catch (err) {
    console.error('[health] database unreachable:', err instanceof Error ? err.message : err);
    c.header('retry-after', '30');
    return c.json({ ok: false, database: 'unreachable', encryptionKey }, 503);
  }
});

api.notFound((c) =>
  // The operator's API (and its CLI, which prints `error`) speaks English.
  new URL(c.req.url).pathname.startsWith('/api/admin/')
    ? c.json({ ok: false, error: 'No such admin API endpoint.' }, 404)
    : wantsPage(c)
      ? plainPage({
          title: '没有这个页面',
          lines: ['没有这个页面。'],
          link: { href: '/', text: '返回首页' },
          status: 404,
          site: siteOf(c),
        })
      : c.json({ ok: false, errors: { form: '没有这个接口。' } }, 404),
);

api.onError((err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    // bearerAuth's 401 carries its own (English, operator-facing) answer.
    return err.res ? err.getResponse() : c.json({ ok: false, errors: { form: '请求无效。' } }, err.status);
  }
  // The operator's own API says what is wrong with the key ring (KeyringError never holds the secret).
  if (err instanceof KeyringError && new URL(c.req.url).pathname.startsWith('/api/admin/')) {
    console.error('[api]', err.message);
    return c.json({ ok: false, error: err.message }, 500);
  }
  console.error('[api] unexpected error:', err instanceof Error ? err.message : err);
  const message = '系统暂时无法受理，请稍后重试，或直接拨打服务电话。';
  // A browser's form post (no JavaScript) gets a page to read, not JSON.
  return wantsPage(c)
    ? plainPage({
        title: '请稍后重试',
        lines: [message],
        link: { href: '/', text: '返回首页' },
        status: 503,
        retryAfter: 30,
        site: siteOf(c),
      })
    : c.json({ ok: false, errors: { form: message } }, 500);
});
