// The scheduled sweep: pending deliveries well past due lost their message (the enqueue failed, or
// the Worker died in between) and are queued again; ones older than the retry window are failed.
import type { Env } from '../env.ts';
import { markFailed, newChain, overdueDeliveries } from './store.ts';
import { enqueue, hoursOnItsWay, WINDOW_HOURS } from './queue.ts';

const GRACE_MS = 5 * 60_000;
const SWEEP_LIMIT = 40;

export async function sweep(env: Env): Promise<{ requeued: number; failed: number }> {
  // At most 40 a run, each one query: D1 allows a Worker invocation 50 queries on the Free plan
  // (1,000 on Paid); a longer backlog is taken by the next runs, 5 minutes apart.
  const overdue = await overdueDeliveries(env.DB, GRACE_MS, SWEEP_LIMIT);
  const expired = overdue.filter((d) => hoursOnItsWay(d) > WINDOW_HOURS);
  const requeue = overdue.filter((d) => !expired.includes(d));
  // One an attempt is sending now stays pending, counted as neither: the next sweep sees it again.
  let failed = 0;
  for (const d of expired) {
    if (await markFailed(env.DB, d.id, `not delivered within ${WINDOW_HOURS} hours: `, d.generation)) failed++;
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
