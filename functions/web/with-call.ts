// A message that names the hotline, as HTML with the hotline a link to call and the rest escaped:
// what a page without JavaScript says next (the confirmation, search's statuses), as the scripts'
// src/scripts/with-call.ts does in the browser.
import { html } from 'hono/html';
import { aroundHotline, hotlineHref } from '../../src/contract/hotline.ts';

export async function withCall(text: string, hotline: string | undefined): Promise<string> {
  if (!hotline) return String(await html`${text}`);
  const call = html`<a href="${hotlineHref(hotline)}">${hotline}</a>`;
  return String(await html`${aroundHotline(text, hotline).map((part, i) => (i ? html`${call}${part}` : part))}`);
}
