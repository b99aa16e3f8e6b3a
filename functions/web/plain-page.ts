// A page of its own for a browser when the site's files or the database cannot be used (or the
// unforeseen happened): a few escaped paragraphs and a link, needing nothing but this code — and, for
// a customer, the operator and its hotline when the catalog can be read (these pages say "call us").
import { html } from 'hono/html';
import { hotlineHref } from '../../src/contract/hotline.ts';
import { loadCatalog } from '../catalog.ts';
import type { Env } from '../env.ts';

export interface PlainPage {
  title: string;
  lines: string[];
  link?: { href: string; text: string };
  status: number;
  retryAfter?: number;
  /** A customer's page: who answers, and the number (not when the site's files are what failed). */
  site?: { env: Env; origin: string };
}

/** A request's site, for a customer's page (the catalog: the operator and its hotline). */
export const siteOf = (c: { env: Env; req: { url: string } }) => ({ env: c.env, origin: new URL(c.req.url).origin });

export async function plainPage({ title, lines, link, status, retryAfter, site }: PlainPage): Promise<Response> {
  const operator = site
    ? await loadCatalog(site.env, site.origin).then(
        (c) => c.data,
        () => undefined,
      )
    : undefined;
  const body = html`<!doctype html>
    <html lang="zh-CN">
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      ${lines.map((line) => html`<p>${line}</p>`)} ${link ? html`<p><a href="${link.href}">${link.text}</a></p>` : ''}
      ${
        operator
          ? html`<p>${operator.operator} · 服务电话 <a href="${hotlineHref(operator.hotline)}">${operator.hotline}</a></p>`
          : ''
      }
    </html>`;
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  if (retryAfter) headers.set('retry-after', String(retryAfter));
  return new Response(String(await body), { status, headers });
}
