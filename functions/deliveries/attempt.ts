// One attempt at one delivery: send the lead through its channel and record the outcome. Safe to
// repeat: a delivery that is no longer pending is left alone.
import type { Channel } from '../channels/channel.ts';
import { channelsFor } from '../channels/index.ts';
import type { Env } from '../env.ts';
import { getLead, markAttemptFailed, markSent, type Delivery } from '../leads/store.ts';

export type Outcome = 'sent' | 'failed' | 'skipped';

export async function attempt(env: Env, delivery: Delivery, channels: Map<string, Channel> = byName(env)): Promise<Outcome> {
  if (delivery.status !== 'pending') return 'skipped';
  const lead = await getLead(env.DB, delivery.lead_id);
  if (!lead) return 'skipped';
  const channel = channels.get(delivery.channel);
  if (!channel) {
    await markAttemptFailed(env.DB, delivery.id, `channel ${delivery.channel} is not configured`);
    return 'failed';
  }
  try {
    await channel.send(lead, env, { id: delivery.id, to: delivery.recipients ? JSON.parse(delivery.recipients) : undefined });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`[deliveries] ${delivery.channel} failed for lead ${lead.reference}: ${message}`);
    await markAttemptFailed(env.DB, delivery.id, message);
    return 'failed';
  }
  await markSent(env.DB, delivery.id);
  return 'sent';
}

export const byName = (env: Env) => new Map(channelsFor(env).map((c) => [c.name, c]));
