// The scheduled sweep: pending deliveries well past due lost their message (the enqueue failed, or
// the Worker died in between) and are queued again; ones older than the retry window are failed.
import type { Env } from '../env.ts';
import { markFailed, overdueDeliveries, setDue } from './store.ts';
import { enqueue } from './queue.ts';

const GRACE_MS = 5 * 60_000;
/** The queue's retries span about 24 hours (queue.ts); an hour more before the sweep gives up. */
const WINDOW_HOURS = 25;

export async function sweep(env: Env): Promise<{ requeued: number; failed: number }> {
  const overdue = await overdueDeliveries(env.DB, GRACE_MS);
  const expired = overdue.filter((d) => Date.now() - Date.parse(d.created_at) > WINDOW_HOURS * 3600_000);
  const requeue = overdue.filter((d) => !expired.includes(d));
  for (const d of expired)
    await markFailed(env.DB, d.id, `not delivered within ${WINDOW_HOURS} hours: ${d.last_error ?? 'never attempted'}`);
  for (const d of requeue) await setDue(env.DB, d.id);
  await enqueue(
    env,
    requeue.map((d) => d.id),
  );
  if (overdue.length) console.log(`[sweep] requeued ${requeue.length}, failed ${expired.length} deliveries`);
  return { requeued: requeue.length, failed: expired.length };
}
