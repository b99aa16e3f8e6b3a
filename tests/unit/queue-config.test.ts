// wrangler.jsonc says what the delivery code assumes: retries, the dead-letter queue, the crons.
import { describe, expect, it } from 'vitest';
import { MAX_RETRIES } from '../../functions/deliveries/queue.ts';
import { wranglerConfig } from '../../src/lib/wrangler-config.ts';

interface Consumer {
  queue: string;
  max_retries?: number;
  retry_delay?: number;
  dead_letter_queue?: string;
}
const config = wranglerConfig() as { queues: { consumers: Consumer[] }; triggers: { crons: string[] } };
const consumer = (queue: string) => config.queues.consumers.find((c) => c.queue === queue);

describe('wrangler.jsonc', () => {
  it('retries deliveries as often as the backoff schedule assumes, then dead-letters them', () => {
    expect(consumer('baoxiu-deliveries')).toMatchObject({ max_retries: MAX_RETRIES, dead_letter_queue: 'baoxiu-deliveries-dlq' });
  });
  it('delays a batch whose handler failed, on both queues, so a short outage does not spend the retries', () => {
    // Queues retries a thrown batch at once unless retry_delay is set (Cloudflare's "Batching, Retries and Delays").
    for (const queue of ['baoxiu-deliveries', 'baoxiu-deliveries-dlq'])
      expect(consumer(queue)!.retry_delay).toBeGreaterThanOrEqual(30);
    expect(consumer('baoxiu-deliveries-dlq')!.max_retries).toBeGreaterThanOrEqual(30);
  });
  it('consumes the dead-letter queue and runs the sweep and the daily job', () => {
    expect(consumer('baoxiu-deliveries-dlq')).toBeDefined();
    expect(config.triggers.crons).toEqual(['*/5 * * * *', '17 3 * * *']);
  });
});
