// A plain form post (JavaScript off) is answered with a redirect (303) to its confirmation page,
// not with the page itself (Post/Redirect/Get): reloading the page, or coming back to it, asks for
// it again and never posts the lead a second time. Posted again after the 10 minutes in which the
// same phone and region merge, a reload used to make a second lead and tell the operator twice.
//
// The link names the lead in a sealed token (AES-GCM under the key ring's current key, bound to its
// purpose): it cannot be forged or read, so it tells the reference of the lead it was made for and
// nothing else — for a post merged into an earlier lead, not even that (functions/leads/endpoint.ts).
import { decryptField, encryptField, type Keyring } from '../privacy/keyring.ts';

export const CONFIRMATION_PATH = '/api/leads/confirmation';
/** The confirmation page can be reloaded for a day; then the link leads to the progress look-up. */
export const LINK_TTL_MS = 24 * 60 * 60 * 1000;
const CONTEXT = 'confirmation link';

export interface Confirmation {
  /** The lead the customer is told about (the earlier one when merged). */
  leadId: string;
  /** Merged into an earlier lead: its reference is not told. */
  merged: boolean;
  /** When the form was posted (ms): the next steps are those of that time. */
  at: number;
}

/** The page's path, with the token `kid.sealed` in its query. */
export async function confirmationLink(ring: Keyring, c: Confirmation): Promise<string> {
  const sealed = await encryptField(ring.current, JSON.stringify([c.leadId, c.merged ? 1 : 0, c.at]), CONTEXT);
  return `${CONFIRMATION_PATH}?${new URLSearchParams({ t: `${ring.current.id}.${sealed}` })}`;
}

/** The confirmation a token was made for; null when it is not one of ours, or older than a day. */
export async function openConfirmation(ring: Keyring, token: string, now = Date.now()): Promise<Confirmation | null> {
  const dot = token.indexOf('.');
  const key = ring.byId.get(token.slice(0, dot));
  if (dot < 1 || !key) return null;
  try {
    const [leadId, merged, at] = JSON.parse(await decryptField(key, token.slice(dot + 1), CONTEXT)) as [string, number, number];
    if (!(now - at < LINK_TTL_MS && at <= now + 60_000)) return null;
    return { leadId, merged: merged === 1, at };
  } catch {
    return null;
  }
}
