// Sends a stored lead's pending deliveries, recording each attempt. Safe to run twice: a delivery
// already sent is not sent again. Channels get the lead opened (personal fields decrypted).
import { channelsFor } from '../channels/index.ts';
import type { Env } from '../env.ts';
import { keyring } from '../privacy/crypto.ts';
import { openLead } from '../privacy/sealed-lead.ts';
import { getLead, markAttemptFailed, markSent, pendingDeliveries, type StoredLead } from './store.ts';

export async function deliverLead(env: Env, leadId: string): Promise<void> {
  const row = await getLead(env.DB, leadId);
  if (!row) return;
  const pending = await pendingDeliveries(env.DB, leadId);
  let lead: StoredLead;
  try {
    lead = await openLead(await keyring(env.LEADS_ENCRYPTION_KEY), row);
  } catch (err) {
    const message = `cannot decrypt lead: ${err instanceof Error ? err.message : String(err)}`;
    for (const delivery of pending) await markAttemptFailed(env.DB, delivery.id, message);
    return;
  }
  const channels = new Map(channelsFor(env).map((c) => [c.name, c]));
  for (const delivery of pending) {
    const channel = channels.get(delivery.channel);
    if (!channel) {
      await markAttemptFailed(env.DB, delivery.id, `channel ${delivery.channel} is not configured`);
      continue;
    }
    try {
      await channel.send(lead, env);
      await markSent(env.DB, delivery.id);
    } catch (err) {
      await markAttemptFailed(env.DB, delivery.id, err instanceof Error ? err.message : String(err));
    }
  }
}
