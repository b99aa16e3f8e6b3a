// The list an operator came from: the inbox remembers its filters and page in a cookie, so a lead's
// "← 报修列表" goes back to that view (a search by phone, 已上门 in 湘西, page 3), also after an action
// on the lead answered with a 303 to the lead's own page. Without JavaScript, and without carrying the
// view through every form. Only the list's own parameters are kept, read back through URLSearchParams,
// so the link can only ever be /admin/?…; sign-out deletes it.
import type { AstroGlobal } from 'astro';
import { LIST_VIEW_COOKIE } from '../../../functions/staff/sign-in.ts';
const KEPT = ['status', 'stage', 'region', 'brand', 'from', 'to', 'q', 'before'];

const kept = (params: URLSearchParams) => {
  const view = new URLSearchParams();
  for (const k of KEPT) {
    const v = params.get(k)?.trim();
    if (v) view.set(k, v.slice(0, 100));
  }
  return view.toString();
};

/** Keeps this list's view for the lead pages opened from it (a session cookie, this device only). */
export function rememberListView(Astro: Pick<AstroGlobal, 'cookies'>, params: URLSearchParams) {
  Astro.cookies.set(LIST_VIEW_COOKIE, kept(params), { path: '/admin', httpOnly: true, secure: true, sameSite: 'strict' });
}

/** The list view last shown on this device, or the inbox. */
export function listLink(Astro: Pick<AstroGlobal, 'cookies'>) {
  const view = kept(new URLSearchParams(Astro.cookies.get(LIST_VIEW_COOKIE)?.value ?? ''));
  return view ? `/admin/?${view}` : '/admin/';
}
