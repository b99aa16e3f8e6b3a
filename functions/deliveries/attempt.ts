// One attempt at one delivery: open (decrypt) the lead, send it through its channel, record the
// outcome. Safe to repeat: a delivery that is no longer pending, or that another attempt holds, is
// left alone.
import { PartialDelivery, type Channel } from '../channels/channel.ts';
import { channelsFor } from '../channels/index.ts';
import { templateCuts } from '../channels/sms.ts';
import { loadCatalog } from '../catalog.ts';
import type { Env } from '../env.ts';
import type { Delivery, StoredLead } from '../rows.ts';
import { CLAIM_SECONDS, claim, markAttemptFailed, markSent } from './store.ts';
import { keyring } from '../privacy/keyring.ts';
import { openLead } from '../privacy/sealed-lead.ts';
import { withoutLead } from '../privacy/log.ts';

/** busy: another attempt holds the delivery now (a copy of this message, or an older chain's
 *  attempt still sending when a retry began): this message waits its turn. late: the run may end
 *  before an attempt could (`ends`): not begun, for the next run. */
export type Outcome = 'sent' | 'failed' | 'skipped' | 'busy' | 'late';

/** `row` is the delivery's lead, read with it (null: the lead is gone); `ends`: when the invocation
 *  running the attempt may be stopped (ms since the epoch). */
export async function attempt(
  env: Env,
  delivery: Delivery,
  row: StoredLead | null,
  channels: Map<string, Channel> = byName(env),
  ends = Infinity,
): Promise<Outcome> {
  if (delivery.status !== 'pending' || !row) return 'skipped';
  // Stopped mid-request, an attempt would leave its delivery held and maybe sent, to be sent again.
  if (ends - Date.now() < CLAIM_SECONDS * 1000) return 'late';
  if (!(await claim(env.DB, delivery.id, delivery.generation))) return 'busy';
  // Half a minute of the hold is kept for recording the outcome (recordSent's tries wait 7.5 s).
  const until = Date.now() + (CLAIM_SECONDS - 30) * 1000;
  // Channels get the lead opened: the operator needs the customer's name and phone.
  let lead: StoredLead;
  try {
    lead = await openLead(await keyring(env.LEADS_ENCRYPTION_KEY), row);
  } catch (err) {
    await markAttemptFailed(env.DB, delivery.id, `cannot decrypt lead: ${err instanceof Error ? err.message : String(err)}`);
    return 'failed';
  }
  const channel = channels.get(delivery.channel);
  if (!channel) {
    await markAttemptFailed(env.DB, delivery.id, `channel ${delivery.channel} is not configured`);
    return 'failed';
  }
  try {
    const list = delivery.remaining ?? delivery.recipients;
    const to = list ? JSON.parse(list) : undefined;
    await channel.send(lead, env, { id: delivery.id, to, ...(await fromCatalog(env, lead.id)), kind: delivery.kind, until });
  } catch (err) {
    // Kept and logged without the customer's own fields: a receiver may echo them in its error.
    const message = withoutLead(err instanceof Error ? err.message : String(err), lead, templateCuts(env));
    console.warn(`[deliveries] ${delivery.channel} failed for lead ${lead.reference}: ${message}`);
    await markAttemptFailed(env.DB, delivery.id, message, err instanceof PartialDelivery ? err.remaining : undefined);
    return 'failed';
  }
  await recordSent(env.DB, delivery.id);
  return 'sent';
}

/** Waits between tries of recording a delivery sent. */
const RECORD_RETRY_MS = [500, 2_000, 5_000];

/** The channel has it: not recorded, the next attempt would send it again, so a D1 hiccup (seconds)
 *  is waited out in the part of the hold kept for it. Still failing, it throws: the message is
 *  retried, a duplicate rather than a lost lead. */
async function recordSent(db: D1Database, id: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await markSent(db, id);
      return;
    } catch (err) {
      if (i === RECORD_RETRY_MS.length) throw err;
      console.warn(
        `[deliveries] recording delivery ${id} sent failed, trying again: ${err instanceof Error ? err.message : err}`,
      );
      await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS[i]));
    }
  }
}

/** The lead's page in the inbox, at the site's address (SITE_URL, else /catalog.json's), and the
 *  operator's name; without them when the catalog cannot be read (the lead still goes out). */
async function fromCatalog(env: Env, leadId: string): Promise<{ link?: string; operator?: string }> {
  try {
    const { data } = await loadCatalog(env, 'https://assets.invalid'); // the host is not used by ASSETS
    // An http(s) address: `localhost:8787` parses too (`localhost:` as its scheme), and no link could be made.
    const site = /^https?:\/\/[^/]/i.test(env.SITE_URL ?? '') && URL.canParse(env.SITE_URL!) ? env.SITE_URL! : data.url;
    if (site !== env.SITE_URL && env.SITE_URL)
      console.warn(`[deliveries] SITE_URL is not an http(s) address (${env.SITE_URL}); links use ${data.url}`);
    return { link: new URL(`/admin/leads/${leadId}/`, site).href, operator: data.operator };
  } catch {
    return {};
  }
}

export const byName = (env: Env) => new Map(channelsFor(env).map((c) => [c.name, c]));
