// Sends a stored lead's pending deliveries, recording each attempt. Safe to run twice: a delivery
// already sent is not sent again.
import { channelsFor } from '../channels/index.ts';
import type { Env } from '../env.ts';
import { getLead, markAttemptFailed, markSent, pendingDeliveries } from './store.ts';

export async function deliverLead(env: Env, leadId: string): Promise<void> {
  const lead = await getLead(env.DB, leadId);
  if (!lead) return;
  const channels = new Map(channelsFor(env).map((c) => [c.name, c]));
  for (const delivery of await pendingDeliveries(env.DB, leadId)) {
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
