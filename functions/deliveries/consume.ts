// The Queues consumer, in the same Worker: each message is one delivery attempt. A failure is
// retried after backoff(). Once the retries are spent the message lands in the dead-letter queue,
// whose consumer marks the delivery failed for the operator to see and retry; so does a try that
// fails after the delivery's window (queue.ts).
import type { Env } from '../env.ts';
import type { Delivery } from '../rows.ts';
import { CLAIM_SECONDS, deliveriesWithLeads, markFailed, setDue } from './store.ts';
import { attempt, byName } from './attempt.ts';
import { backoff, hoursOnItsWay, RETRY_HOURS, WINDOW_HOURS, type DeliveryMessage } from './queue.ts';

export async function consume(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const done = new Set<Message<DeliveryMessage>>();
  try {
    await each(batch, env, done);
  } catch (err) {
    // D1 unreachable, say. What is left waits its backoff, as a failed attempt does: thrown, the
    // batch would come back every minute (retry_delay) and spend a day's retries in half an hour.
    const left = batch.messages.filter((m) => !done.has(m));
    console.error(`[deliveries] ${left.length} deliveries wait their backoff: ${err instanceof Error ? err.message : err}`);
    for (const m of left) m.retry({ delaySeconds: backoff(m.attempts) });
  }
}

async function each(batch: MessageBatch<DeliveryMessage>, env: Env, done: Set<Message<DeliveryMessage>>): Promise<void> {
  const dead = batch.queue.endsWith('-dlq');
  // A consumer may run 15 minutes (Cloudflare Queues' limits), its batch's attempts one after
  // another: none is begun that could go on past that, less a minute to record it.
  const ends = Date.now() + 14 * 60_000;
  const channels = byName(env);
  // One read for the whole batch; a delivery queued twice is tried once, and a message of a chain
  // a retry replaced (generation, migrations/0010_delivery_chain.sql) not at all.
  const loaded = await deliveriesWithLeads(
    env.DB,
    batch.messages.map((m) => m.body.deliveryId),
  );
  const tried = new Set<string>();
  const settle = (message: Message<DeliveryMessage>, retryIn?: number) => {
    if (retryIn === undefined) message.ack();
    else message.retry({ delaySeconds: retryIn });
    done.add(message);
  };
  for (const message of batch.messages) {
    const { delivery, lead } = loaded.get(message.body.deliveryId) ?? {};
    const generation = message.body.generation ?? 0;
    if (!delivery || delivery.status !== 'pending' || delivery.generation !== generation || tried.has(delivery.id)) {
      settle(message);
      continue;
    }
    tried.add(delivery.id);
    if (dead) {
      // Dead early: its runs failed as a whole (the Worker killed, say) more often than the retries
      // allow. Due now, so the sweep starts it a new chain.
      if (hoursOnItsWay(delivery) < RETRY_HOURS) await setDue(env.DB, delivery);
      else await fail(env, delivery, `gave up after ${delivery.attempts} attempts: `);
      settle(message);
      continue;
    }
    const outcome = await attempt(env, delivery, lead ?? null, channels, ends);
    if (outcome === 'failed' && hoursOnItsWay(delivery) > WINDOW_HOURS) {
      await fail(env, delivery, `not delivered within ${WINDOW_HOURS} hours: `);
      settle(message);
    } else if (outcome === 'late') {
      settle(message, 0); // in the next run, at once
    } else if (outcome === 'failed' || outcome === 'busy') {
      // Busy: tried again once the attempt holding it is over (its hold lasts CLAIM_SECONDS at
      // most); by then it is sent, or this chain's to try.
      const delaySeconds = outcome === 'busy' ? CLAIM_SECONDS : backoff(message.attempts);
      await setDue(env.DB, delivery, delaySeconds);
      settle(message, delaySeconds);
    } else {
      settle(message);
    }
  }
}

async function fail(env: Env, delivery: Delivery, why: string): Promise<void> {
  // Not while an attempt is in progress: that attempt sends it, or its own message goes on.
  const error = await markFailed(env.DB, delivery.id, why, delivery.generation);
  if (error) console.error(`[deliveries] ${delivery.channel} delivery ${delivery.id} failed for good: ${error}`);
}
