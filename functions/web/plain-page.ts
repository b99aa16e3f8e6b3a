// A page of its own for a browser when the site's files or the database cannot be used (or the
// unforeseen happened): a few escaped paragraphs and a link, needing nothing but this code.
import { html } from 'hono/html';

export interface PlainPage {
  title: string;
  lines: string[];
  link?: { href: string; text: string };
  status: number;
  retryAfter?: number;
}

export async function plainPage({ title, lines, link, status, retryAfter }: PlainPage): Promise<Response> {
  const body = html`<!doctype html>
    <html lang="zh-CN">
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      ${lines.map((line) => html`<p>${line}</p>`)} ${link ? html`<p><a href="${link.href}">${link.text}</a></p>` : ''}
    </html>`;
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  if (retryAfter) headers.set('retry-after', String(retryAfter));
  return new Response(String(await body), { status, headers });
}
