import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_RETRIES } from '../../functions/deliveries/queue.ts';

describe('wrangler.jsonc', () => {
  const config = readFileSync('wrangler.jsonc', 'utf8');
  it('retries deliveries as often as the backoff schedule assumes, then dead-letters them', () => {
    expect(config).toMatch(
      new RegExp(
        `"queue": "baoxiu-deliveries",[^}]*"max_retries": ${MAX_RETRIES},[^}]*"dead_letter_queue": "baoxiu-deliveries-dlq"`,
      ),
    );
  });
  it('consumes the dead-letter queue and runs the sweep', () => {
    expect(config).toMatch(/\{ "queue": "baoxiu-deliveries-dlq"/);
    expect(config).toMatch(/"crons": \["\*\/5 \* \* \* \*", "17 3 \* \* \*"\]/);
  });
});
