// The Queues consumer, in the same Worker: each message is one delivery attempt. A failure is
// retried after backoff(); once the retries are spent the message lands in the dead-letter queue,
// whose consumer marks the delivery failed for the operator to see and retry.
import type { Env } from '../env.ts';
import { CLAIM_SECONDS, deliveriesWithLeads, markFailed, setDue } from './store.ts';
import { attempt, byName } from './attempt.ts';
import { backoff, MAX_RETRIES, type DeliveryMessage } from './queue.ts';

export async function consume(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const dead = batch.queue.endsWith('-dlq');
  const channels = byName(env);
  // One read for the whole batch; a delivery queued twice is tried once, and a message of a chain
  // a retry replaced (generation, migrations/0010_delivery_chain.sql) not at all.
  const loaded = await deliveriesWithLeads(
    env.DB,
    batch.messages.map((m) => m.body.deliveryId),
  );
  const tried = new Set<string>();
  for (const message of batch.messages) {
    const { delivery, lead } = loaded.get(message.body.deliveryId) ?? {};
    const generation = message.body.generation ?? 0;
    if (!delivery || delivery.status !== 'pending' || delivery.generation !== generation || tried.has(delivery.id)) {
      message.ack();
      continue;
    }
    tried.add(delivery.id);
    if (dead) {
      const why = delivery.last_error ?? 'no error recorded';
      const failed = await markFailed(
        env.DB,
        delivery.id,
        `gave up after ${delivery.attempts} attempts (${MAX_RETRIES + 1} allowed): ${why}`,
        generation,
      );
      // Not while an attempt is in progress: that attempt sends it, or its own message goes on.
      if (failed) console.error(`[deliveries] ${delivery.channel} delivery ${delivery.id} failed for good: ${why}`);
      message.ack();
      continue;
    }
    const outcome = await attempt(env, delivery, lead ?? null, channels);
    if (outcome === 'failed' || outcome === 'busy') {
      // Busy: tried again once the attempt holding it is over (its hold lasts 2 minutes at most);
      // by then it is sent, or this chain's to try.
      const delaySeconds = outcome === 'busy' ? CLAIM_SECONDS : backoff(message.attempts);
      await setDue(env.DB, delivery.id, delaySeconds);
      message.retry({ delaySeconds });
    } else {
      message.ack();
    }
  }
}
