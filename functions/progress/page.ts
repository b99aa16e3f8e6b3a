// The /progress/ page as the Worker serves it (wrangler.jsonc run_worker_first): the site's static
// page with the reference filled in from ?ref=, and — after a form post without JavaScript — the
// answer in it: the status lines, the cancel form when the lead can be cancelled, or the messages.
// HTMLRewriter's setInnerContent writes text, so nothing the customer typed becomes markup.
import { Hono } from 'hono';
import { attributeText } from '../web/attribute-text.ts';
import type { Env } from '../env.ts';
import { securityHeaders } from '../web/headers.ts';
import { freshPage } from '../leads/form-page.ts';
import { plainPage } from '../web/plain-page.ts';
import { readReference, REFERENCE } from '../leads/reference.ts';

export interface ProgressAnswer {
  reference?: string;
  tail?: string;
  progress?: { lines: string[]; cancellable: boolean } & Record<string, unknown>;
  errors?: Record<string, string>;
}

export async function progressPage(env: Env, origin: string, answer: ProgressAnswer, status = 200): Promise<Response> {
  const { reference, tail, progress, errors = {} } = answer;
  const page = await env.ASSETS.fetch(new URL('/progress/', origin)).catch(() => null);
  // The site's own files failing: the answer on a page of its own (without the cancel form).
  if (!page?.ok) {
    const lines = [...(progress?.lines ?? []), ...Object.values(errors)];
    return lines.length
      ? plainPage({
          title: '查询报修进度',
          lines,
          link: { href: '/progress/', text: '返回查询页' },
          status,
          site: { env, origin },
        })
      : plainPage({
          title: '查询报修进度',
          lines: ['查询页暂时打不开，请稍后再试，或直接拨打服务电话。'],
          link: { href: '/', text: '返回首页' },
          status: 503,
          retryAfter: 30,
          site: { env, origin },
        });
  }
  const res = new HTMLRewriter()
    .on('input[name=reference]', { element: (el) => void (reference && el.setAttribute('value', attributeText(reference))) })
    // The look-up's box and the cancel form's hidden field: the digits the customer typed.
    .on('input[name=tail]', {
      element: (el) => void (tail && el.setAttribute('value', attributeText(tail))),
    })
    .on('[data-progress-lines]', {
      element(el) {
        if (!progress) return;
        el.setInnerContent(progress.lines.join(' '));
        el.removeAttribute('hidden');
      },
    })
    .on('form[data-progress-cancel]', { element: (el) => void (progress?.cancellable && el.removeAttribute('hidden')) })
    .on('[data-error-for]', {
      element(el) {
        const message = errors[el.getAttribute('data-error-for') ?? ''];
        if (!message) return;
        el.setInnerContent(message);
        el.removeAttribute('hidden');
      },
    })
    .transform(page);
  return freshPage(res, status);
}

/** GET /progress/?ref=BX-…: the page with the reference filled in (a link from the confirmation),
 *  with the site's security headers (this answer is the Worker's, not the static assets'). */
export const progressForm = new Hono<{ Bindings: Env }>().get('/progress/', securityHeaders, (c) => {
  const ref = readReference(c.req.query('ref') ?? '');
  return progressPage(c.env, new URL(c.req.url).origin, REFERENCE.test(ref) ? { reference: ref } : {});
});
