// Deliveries travel through Cloudflare Queues: one message per delivery, retried with exponential
// backoff for about 24 hours, then dead-lettered and marked failed.
import type { Env } from '../env.ts';
import type { Delivery } from '../rows.ts';

export interface DeliveryMessage {
  deliveryId: string;
  /** The delivery's chain (migrations/0010_delivery_chain.sql); absent: the first, 0. */
  generation?: number;
}

/** Must equal max_retries of the deliveries consumer in wrangler.jsonc. */
export const MAX_RETRIES = 30;
const FIRST_DELAY = 30; // seconds
const LONGEST_DELAY = 3600;

/** Delay before retry number `attempt` (1-based): 30 s, 1 min, 2 min, … capped at 1 h; the 30 retries
 *  span about 24 hours. */
export function backoff(attempt: number): number {
  return Math.min(FIRST_DELAY * 2 ** (attempt - 1), LONGEST_DELAY);
}

/** The retries of one chain span a little over this (backoff()), so a dead letter that comes sooner
 *  came early: its runs failed as a whole. */
export const RETRY_HOURS = 24;
/** An hour more before a delivery is failed for good. */
export const WINDOW_HOURS = RETRY_HOURS + 1;

/** How long a delivery has been on its way: from the lead's arrival, or the operator's last retry. A
 *  chain the sweep starts late (a lost message) counts from there too, not from its own start. */
export const hoursOnItsWay = (d: Pick<Delivery, 'created_at' | 'retried_at'>, now = Date.now()) =>
  (now - Date.parse(d.retried_at ?? d.created_at)) / 3600_000;

/** Queues the deliveries (new ones; a retry names the chain it started, `generations`, one for
 *  each); a failure here is logged, and the sweep re-queues them later. */
export async function enqueue(env: Env, deliveryIds: string[], generations?: number[]): Promise<void> {
  if (!deliveryIds.length) return;
  try {
    await env.DELIVERIES.sendBatch(
      deliveryIds.map((deliveryId, i) => ({ body: { deliveryId, generation: generations?.[i] ?? 0 } satisfies DeliveryMessage })),
    );
  } catch (err) {
    console.error(
      `[deliveries] could not queue ${deliveryIds.length} deliveries (the sweep will): ${err instanceof Error ? err.message : err}`,
    );
  }
}
