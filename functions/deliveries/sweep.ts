// The scheduled sweep: pending deliveries well past due lost their message (the enqueue failed, or
// the Worker died in between) and are queued again; ones older than the retry window are failed.
import type { Env } from '../env.ts';
import { markFailed, newChain, overdueDeliveries } from './store.ts';
import { enqueue } from './queue.ts';

const GRACE_MS = 5 * 60_000;
const SWEEP_LIMIT = 40;
/** The queue's retries span about 24 hours (queue.ts); an hour more before the sweep gives up. */
const WINDOW_HOURS = 25;

export async function sweep(env: Env): Promise<{ requeued: number; failed: number }> {
  // At most 40 a run, each one query: D1 allows a Worker invocation 50 queries on the Free plan
  // (1,000 on Paid); a longer backlog is taken by the next runs, 5 minutes apart.
  const overdue = await overdueDeliveries(env.DB, GRACE_MS, SWEEP_LIMIT);
  // The window runs from the lead's arrival, or from the operator's last retry.
  const expired = overdue.filter((d) => Date.now() - Date.parse(d.retried_at ?? d.created_at) > WINDOW_HOURS * 3600_000);
  const requeue = overdue.filter((d) => !expired.includes(d));
  // One an attempt is sending now stays pending, counted as neither: the next sweep sees it again.
  let failed = 0;
  for (const d of expired) {
    const why = `not delivered within ${WINDOW_HOURS} hours: ${d.last_error ?? 'never attempted'}`;
    if (await markFailed(env.DB, d.id, why, d.generation)) failed++;
  }
  // A new chain each: should the old message only be late, not lost, it is dropped when it comes.
  const ids: string[] = [];
  const generations: number[] = [];
  for (const d of requeue) {
    const generation = await newChain(env.DB, d.id);
    if (generation !== null) (ids.push(d.id), generations.push(generation));
  }
  await enqueue(env, ids, generations);
  if (overdue.length) console.log(`[sweep] requeued ${ids.length}, failed ${failed} deliveries`);
  return { requeued: ids.length, failed };
}
