// Answers for plain form posts (JavaScript off): the site's own static pages, rewritten with
// HTMLRewriter. Errors come back on the page the customer was on, with their input kept; success
// ends on /thanks/ with the reference number (after a redirect: confirmation-link.ts). No HTML is
// written twice.
import { html } from 'hono/html';
import { loadCatalog, loadUncovered } from '../catalog.ts';
import type { Env } from '../env.ts';
import { attributeText } from '../web/attribute-text.ts';
import type { FieldErrors } from './schema.ts';
import { progressPath } from './next-steps.ts';
import { withCall } from '../web/with-call.ts';
import { plainPage } from '../web/plain-page.ts';

const STATUS_SUMMARY = '提交未成功，请按提示修改后重新提交。';

async function page(env: Env, origin: string, path: string): Promise<Response> {
  let res = await env.ASSETS.fetch(new URL(path, origin));
  if (!res.ok || !res.headers.get('content-type')?.includes('text/html')) {
    res = await env.ASSETS.fetch(new URL('/', origin));
  }
  return res;
}

/** A rewritten static page as the Worker's own answer: never cached, no stale length or ETag. */
export function freshPage(res: Response, status: number): Response {
  const headers = new Headers(res.headers);
  headers.set('cache-control', 'no-store');
  for (const h of ['etag', 'cf-cache-status', 'content-length']) headers.delete(h);
  return new Response(res.body, { status, headers });
}

/** The confirmation page when it cannot be shown (D1 or the site's own files failing): a page of its
 *  own, needing none of them, that asks for a reload — the link stays good for a day. */
export const confirmationLater = (retryAfterSeconds: number, site: { env: Env; origin: string }) =>
  plainPage({ title: '请稍后刷新', lines: [MESSAGE_LATER], status: 503, retryAfter: retryAfterSeconds, site });
const MESSAGE_LATER = '报修结果暂时无法显示，请稍后刷新本页；报修已提交的，不会丢失。也可以直接拨打服务电话。';

/** /thanks/ with the lead's reference, or (null: merged into an earlier lead, whose reference is not
 *  told) saying the request was added to the one made before. */
export async function confirmationPage(
  env: Env,
  origin: string,
  lead: { reference: string } | null,
  next: { lines: string[]; hotline: string },
  region: string,
): Promise<Response> {
  const nextHtml = await withCall(next.lines.join(' '), next.hotline);
  const res = new HTMLRewriter()
    .on('[data-lead-none]', { element: (el) => void el.remove() })
    .on('[data-lead-done]', { element: (el) => void el.removeAttribute('hidden') })
    .on('[data-lead-reference]', { element: (el) => void (lead && el.setInnerContent(lead.reference)) })
    .on('[data-lead-reference-line]', { element: (el) => void (lead || el.remove()) })
    .on('[data-lead-merged]', { element: (el) => void (lead ? el.remove() : el.removeAttribute('hidden')) })
    .on('[data-lead-region]', { element: (el) => void el.setInnerContent(region) })
    .on('[data-lead-next]', { element: (el) => void el.setInnerContent(nextHtml, { html: true }) })
    .on('[data-lead-progress]', { element: (el) => void (lead && el.setAttribute('href', progressPath(lead.reference))) })
    .transform(await page(env, origin, '/thanks/'));
  return freshPage(res, 200);
}

/** The region picker's option for a place nobody covers, which the static picker lists only by its
 *  province: chosen by a search result's link (functions/regions/page.ts), kept when the form comes
 *  back with errors. `label`: 北京市 东城区. */
export const uncoveredOption = (code: string, label: string) =>
  html`<option value="${code}" data-for="region" selected>${label}（暂未覆盖）</option>`.toString();

/** The option a form's uncovered region needs on the page it comes back to; none for a region with a page. */
async function regionOption(env: Env, origin: string, code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  try {
    const catalog = await loadCatalog(env, origin);
    if (catalog.region(code)) return undefined;
    await loadUncovered(env, origin, catalog);
    return catalog.isUncovered(code) ? uncoveredOption(code, catalog.regionLabel(code)) : undefined;
  } catch {
    return undefined; // the picker as it is: the customer picks the place again
  }
}

export async function formWithErrors(
  env: Env,
  origin: string,
  path: string,
  values: Record<string, string>,
  errors: FieldErrors,
  status = 400,
): Promise<Response> {
  const value = (name: string | null) => (name && Object.hasOwn(values, name) ? values[name] : undefined);
  const invalid = (el: Element, name: string | null) => {
    if (name && errors[name]) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', `lead-${name}-error`);
    }
  };
  const uncovered = await regionOption(env, origin, value('region'));
  const rewriter = new HTMLRewriter()
    // Said in the tab and to a screen reader first: the page is otherwise the one just left.
    .on('head > title', { element: (el) => void el.prepend('提交未成功 - ') })
    .on('form[data-lead-form] input[name]', {
      element(el) {
        const name = el.getAttribute('name');
        const type = el.getAttribute('type');
        invalid(el, name);
        if (type === 'checkbox') {
          if (value(name)) el.setAttribute('checked', '');
          else el.removeAttribute('checked');
        } else if (type !== 'hidden' || name === 'requestId' || name === 'region') {
          const v = value(name);
          if (v !== undefined) el.setAttribute('value', attributeText(v));
        }
      },
    })
    .on('form[data-lead-form] textarea[name]', {
      element(el) {
        const name = el.getAttribute('name');
        invalid(el, name);
        const v = value(name);
        if (v !== undefined) el.setInnerContent(v);
      },
    })
    .on('form[data-lead-form] select[name]', { element: (el) => invalid(el, el.getAttribute('name')) })
    .on('form[data-lead-form] select[name=region]', {
      element: (el) => void (uncovered && el.prepend(uncovered, { html: true })),
    })
    .on('form[data-lead-form] option', {
      element(el) {
        // An <option> cannot see its <select>; data-for names it.
        const v = value(el.getAttribute('data-for'));
        if (v === undefined) return;
        if (el.getAttribute('value') === v) el.setAttribute('selected', '');
        else el.removeAttribute('selected');
      },
    })
    .on('form[data-lead-form] [data-error-for]', {
      element(el) {
        const message = errors[el.getAttribute('data-error-for') ?? ''];
        if (!message) return;
        el.setInnerContent(message);
        el.removeAttribute('hidden');
      },
    })
    .on('form[data-lead-form] [data-form-status]', {
      element(el) {
        // Every message, so one for a field the page does not show (a prefilled region) is seen too.
        // As one sentence each, apart (请填写称呼；请填写联系电话。), not run together with spaces.
        const fields = Object.entries(errors)
          .filter(([k]) => k !== 'form')
          .map(([, m]) => m.replace(/。$/, ''));
        el.setInnerContent(`${errors.form ?? STATUS_SUMMARY}${fields.length ? `${fields.join('；')}。` : ''}`);
        el.removeAttribute('hidden');
      },
    });
  return freshPage(rewriter.transform(await page(env, origin, path)), status);
}
