// The list an operator came from: the inbox remembers its filters and page in a cookie, so a lead's
// "← 收件箱" goes back to that view (a search by phone, 已预约 in 湘西, page 3), also after an action
// on the lead answered with a 303 to the lead's own page. Without JavaScript, and without carrying the
// view through every form. Only the list's own parameters are kept, read back through URLSearchParams,
// so the link can only ever be /admin/?…. The view can hold a searched phone number: it is bound to
// the user who made it (another user on the device, after any kind of sign-out — Access's, an idle or
// revoked session — gets the plain inbox), lasts the idle timeout of a session, and sign-out deletes it.
import type { AstroGlobal } from 'astro';
import { LIST_VIEW_COOKIE } from '../../../functions/staff/sign-in.ts';

const KEPT = ['status', 'stage', 'region', 'brand', 'from', 'to', 'q', 'before'];
const IDLE_SECONDS = 12 * 3600;

const kept = (params: URLSearchParams) => {
  const view = new URLSearchParams();
  for (const k of KEPT) {
    const v = params.get(k)?.trim();
    if (v) view.set(k, v.slice(0, 100));
  }
  return view.toString();
};

/** Keeps this list's view for the lead pages this user opens from it (this device only). */
export function rememberListView(Astro: Pick<AstroGlobal, 'cookies'>, params: URLSearchParams, staff: { id: string }) {
  Astro.cookies.set(LIST_VIEW_COOKIE, `${staff.id}|${kept(params)}`, {
    path: '/admin',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: IDLE_SECONDS,
  });
}

/** The list view this user last had on this device, or the inbox. */
export function listLink(Astro: Pick<AstroGlobal, 'cookies'>, staff: { id: string }) {
  const value = Astro.cookies.get(LIST_VIEW_COOKIE)?.value ?? '';
  const cut = value.indexOf('|');
  const view = cut > 0 && value.slice(0, cut) === staff.id ? kept(new URLSearchParams(value.slice(cut + 1))) : '';
  return view ? `/admin/?${view}` : '/admin/';
}
