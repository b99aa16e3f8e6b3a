// Where a sign-in goes on to: the inbox page that sent a signed-out browser to it (a lead's page,
// opened from a notification), so staff land on the lead, not the list. Only a path of the inbox
// itself, so a link cannot send someone elsewhere after they sign in.
const INBOX_PAGE = /^\/admin\/(?!sign-in|setup)[\w/-]{0,200}$/;

/** The inbox page `next` names, or undefined when it names none (another site, //host, a query). */
export const inboxPage = (next: string | null | undefined): string | undefined =>
  next && INBOX_PAGE.test(next) && !next.includes('//') ? next : undefined;

/** The sign-in page, with the inbox page to go on to after it. */
export const signInPage = (next?: string) => {
  const page = inboxPage(next);
  return page && page !== '/admin/' ? `/admin/sign-in/?${new URLSearchParams({ next: page })}` : '/admin/sign-in/';
};
