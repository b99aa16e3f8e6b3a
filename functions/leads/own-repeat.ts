// A post merged into an earlier lead is told no reference: whoever knows a phone number could post
// after its owner and get it (functions/leads/endpoint.ts). But a customer without JavaScript who
// clicks twice, or goes back and sends the same form again, is that owner: every post gets a new
// requestId there, so the second is a merge, and the first answer — the reference — was never seen.
// A post that repeats what the earlier lead holds word for word (name, problem, address, time),
// within minutes, is that customer's own: someone who only knows the number cannot write it.
import { openLead } from '../privacy/sealed-lead.ts';
import type { Keyring } from '../privacy/keyring.ts';
import type { StoredLead } from '../rows.ts';
import type { LeadInput } from './schema.ts';

/** How long after the earlier lead a word-for-word repeat is taken as its customer's own. */
const OWN_REPEAT_MS = 5 * 60 * 1000;

export async function isOwnRepeat(ring: Keyring, earlier: StoredLead, input: LeadInput, now = Date.now()): Promise<boolean> {
  if (now - Date.parse(earlier.created_at) > OWN_REPEAT_MS) return false;
  const lead = await openLead(ring, earlier).catch(() => null);
  return (
    !!lead &&
    lead.name === input.name &&
    lead.description === input.description &&
    (lead.address ?? undefined) === input.address &&
    (lead.preferred_time ?? undefined) === input.preferredTime
  );
}
