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
  return !!lead && sameWords(lead, input);
}

/** Whether a post with the requestId of this stored lead says what the lead holds: the same post
 *  again (a retry, a reload). Otherwise it is a page sent back and edited under the requestId it
 *  still held (a browser's back button, a restored form), whose words must be kept, not answered
 *  with the first lead's and dropped. A lead that cannot be opened counts as the same post. */
export async function isSamePost(ring: Keyring, stored: StoredLead, input: LeadInput): Promise<boolean> {
  const lead = await openLead(ring, stored).catch(() => null);
  return (
    !lead ||
    (sameWords(lead, input) &&
      lead.phone === input.phone &&
      lead.region_code === input.region &&
      (lead.brand ?? undefined) === input.brand)
  );
}

const sameWords = (lead: StoredLead, input: LeadInput) =>
  lead.name === input.name &&
  lead.description === input.description &&
  (lead.address ?? undefined) === input.address &&
  (lead.preferred_time ?? undefined) === input.preferredTime;
