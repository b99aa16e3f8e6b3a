// A post merged into an earlier lead is told no reference: whoever knows a phone number could post
// after its owner and get it (functions/leads/endpoint.ts). But a customer without JavaScript who
// clicks twice, or goes back and sends the same form again, is that owner: every post gets a new
// requestId there, so the second is a merge, and the first answer — the reference — was never seen.
// A post that repeats what the earlier lead holds word for word (name, problem, address, time),
// within minutes, is that customer's own: someone who only knows the number cannot write it.
import { openLead, openRepeat } from '../privacy/sealed-lead.ts';
import { phoneHashes, type Keyring } from '../privacy/keyring.ts';
import type { Repeat, StoredLead } from '../rows.ts';
import type { LeadInput } from './schema.ts';
import { byRequest, mergeLines, mergeTarget } from './store.ts';

/** How long after the earlier lead a word-for-word repeat is taken as its customer's own. */
const OWN_REPEAT_MS = 5 * 60 * 1000;

export async function isOwnRepeat(ring: Keyring, earlier: StoredLead, input: LeadInput, now = Date.now()): Promise<boolean> {
  if (now - Date.parse(earlier.created_at) > OWN_REPEAT_MS) return false;
  const lead = await openLead(ring, earlier).catch(() => null);
  return !!lead && sameWords(lead, input);
}

/** Whether a post whose requestId was already stored — as this lead, or as a repeat merged into it
 *  (`merged`) — says what was stored: the same post again (a retry, a reload). Otherwise it is a page
 *  sent back and edited under the requestId it still held (a browser's back button, a restored
 *  form), whose words must be kept, not answered with the first's and dropped. What cannot be
 *  opened counts as the same post. */
export async function isSamePost(
  db: D1Database,
  ring: Keyring,
  stored: { lead: StoredLead; merged: boolean },
  input: LeadInput,
): Promise<boolean> {
  const lead = await openLead(ring, stored.lead).catch(() => null);
  if (!lead) return true;
  const samePlace = lead.phone === input.phone && lead.region_code === input.region;
  if (!stored.merged) return samePlace && sameWords(lead, input) && (lead.brand ?? undefined) === input.brand;
  // A repeat merged into it earlier under this requestId.
  const row = await db.prepare('SELECT * FROM lead_repeats WHERE request_id = ?').bind(input.requestId).first<Repeat>();
  const repeat = row && (await openRepeat(ring, row).catch(() => null));
  return !repeat || (samePlace && sameWords(repeat, input) && (repeat.brand ?? undefined) === input.brand);
}

const sameWords = (lead: Pick<StoredLead, 'name' | 'description' | 'address' | 'preferred_time'>, input: LeadInput) =>
  lead.name === input.name &&
  lead.description === input.description &&
  (lead.address ?? undefined) === input.address &&
  (lead.preferred_time ?? undefined) === input.preferredTime;

/** What a post over its phone's rate limit was answered with before, to answer it again from what is
 *  stored, writing nothing (the limit is on new posts): its requestId's stored post again (a script's
 *  retry after a lost answer), or word for word the phone's open lead of the last minutes (another click
 *  without JavaScript, where every post has a requestId of its own). An edited post, or a honeypot's
 *  (never merged: store.ts), was not answered before. */
export async function answeredBefore(
  db: D1Database,
  ring: Keyring,
  input: LeadInput,
  now = Date.now(),
): Promise<{ lead: StoredLead; merged: boolean } | undefined> {
  if (input.website) return undefined;
  if (input.requestId) {
    const stored = await byRequest(db, input.requestId);
    if (stored) return (await isSamePost(db, ring, stored, input)) ? stored : undefined;
  }
  // The lead saveLead would merge it into, if recent enough to be its own.
  const since = new Date(now - OWN_REPEAT_MS).toISOString();
  const earlier = await mergeTarget(db, await phoneHashes(ring, input.phone), await mergeLines(ring, input.phone), {
    regionCode: input.region,
    brand: input.brand,
    since,
  });
  return earlier && (await isOwnRepeat(ring, earlier, input, now)) ? { lead: earlier, merged: true } : undefined;
}
