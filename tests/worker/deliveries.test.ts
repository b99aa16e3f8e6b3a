// Deliveries through Queues inside workerd: retries with backoff, dead letters, and the sweep.
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { backoff, MAX_RETRIES, RETRY_HOURS } from '../../functions/deliveries/queue.ts';
import worker from '../../functions/worker.ts';
import { sweep } from '../../functions/deliveries/sweep.ts';
import { claim, setDue } from '../../functions/deliveries/store.ts';
import { freshIp, ORIGIN, valid } from './helpers.ts';

const now = () => new Date().toISOString();

/** A stored lead with one pending delivery on `channel`, as if its enqueue had failed. */
async function storedDelivery(channel: string, dueAgoMs = 0, createdAgoMs = 0) {
  const leadId = crypto.randomUUID();
  const deliveryId = crypto.randomUUID();
  const created = new Date(Date.now() - createdAgoMs).toISOString();
  const due = new Date(Date.now() - dueAgoMs).toISOString();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description,
         consent_at, privacy_version, created_at, route)
       VALUES (?, ?, ?, 'new', '测试', '+8613812341234', '433101', '湖南省 湘西土家族苗族自治州 吉首市', '测试', ?, 'v', ?, 'test')`,
    ).bind(leadId, `BX-T-${leadId.slice(0, 8)}`, leadId, created, created),
    env.DB.prepare(
      `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at, due_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ).bind(deliveryId, leadId, channel, created, created, due),
  ]);
  return deliveryId;
}
const delivery = (id: string) => env.DB.prepare('SELECT * FROM deliveries WHERE id = ?').bind(id).first<Record<string, any>>();
/** The reference of a delivery's lead, as the outbox channel logs it. */
const referenceOf = async (id: string) =>
  (await env.DB.prepare('SELECT reference FROM leads WHERE id = (SELECT lead_id FROM deliveries WHERE id = ?)')
    .bind(id)
    .first<{ reference: string }>())!.reference;
/** D1 whose statements fail as a lost connection does when `lost(query, args)` says so. */
const losing = (lost: (query: string, args: unknown[]) => boolean) => {
  const fail = () => Promise.reject(new Error('D1_ERROR: Network connection lost.'));
  return {
    batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements),
    prepare: (query: string) => ({
      bind: (...args: unknown[]) =>
        lost(query, args) ? { run: fail, first: fail, all: fail } : env.DB.prepare(query).bind(...args),
    }),
  };
};

async function runQueue(queue: string, deliveryId: string | string[], attempts = 1, generation?: number, on = env) {
  const ids = [deliveryId].flat();
  const batch = createMessageBatch(
    queue,
    ids.map((id) => ({ id: crypto.randomUUID(), timestamp: new Date(), attempts, body: { deliveryId: id, generation } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, on);
  return getQueueResult(batch, ctx);
}

describe('backoff', () => {
  it('doubles from 30 s, caps at an hour, and spends about 24 hours over all retries', () => {
    expect([1, 2, 3, 4].map(backoff)).toEqual([30, 60, 120, 240]);
    expect(backoff(20)).toBe(3600);
    const total = Array.from({ length: MAX_RETRIES }, (_, i) => backoff(i + 1)).reduce((a, b) => a + b);
    // At least RETRY_HOURS: a dead letter that comes sooner is taken for an early one.
    expect(total / 3600).toBeGreaterThanOrEqual(RETRY_HOURS);
    expect(total / 3600).toBeLessThan(24.5);
  });
});

describe('the deliveries consumer', () => {
  it('sends a pending delivery and acknowledges it', async () => {
    const id = await storedDelivery('outbox');
    const result = await runQueue('baoxiu-deliveries', id);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('records a failed attempt and retries after the backoff', async () => {
    const id = await storedDelivery('sms-aliyun'); // not configured in tests
    const result = await runQueue('baoxiu-deliveries', id, 3);
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: expect.any(String) })]);
    expect(result.explicitAcks).toEqual([]);
    const row = await delivery(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'channel sms-aliyun is not configured' });
    expect(Date.parse(row!.due_at)).toBeGreaterThan(Date.now() + (backoff(3) - 5) * 1000);
  });

  it('leaves a delivery that is no longer pending alone (at-least-once)', async () => {
    const id = await storedDelivery('outbox');
    await runQueue('baoxiu-deliveries', id);
    const again = await runQueue('baoxiu-deliveries', id);
    expect(again.explicitAcks).toHaveLength(1);
    expect((await delivery(id))!.attempts).toBe(1);
  });

  it('reads a whole batch at once and sends a delivery queued twice in it only once', async () => {
    const [a, b] = [await storedDelivery('outbox'), await storedDelivery('outbox')];
    const gone = crypto.randomUUID(); // erased since it was queued
    const result = await runQueue('baoxiu-deliveries', [a, b, a, gone]);
    expect(result.explicitAcks).toHaveLength(4);
    expect(result.retryMessages).toEqual([]);
    expect(await delivery(a)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await delivery(b)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('marks a dead-lettered delivery failed after its day of retries, with its last error, and logs it', async () => {
    const id = await storedDelivery('sms-aliyun', 0, 24.1 * 3600_000);
    await runQueue('baoxiu-deliveries', id);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await runQueue('baoxiu-deliveries-dlq', id);
      expect(logged.mock.calls.flat().join('\n')).toContain(
        `delivery ${id} failed for good: gave up after 1 attempts: channel sms-aliyun is not configured`,
      );
    } finally {
      logged.mockRestore();
    }
    expect(await delivery(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('fails a delivery whose try fails after its window is over, rather than retrying it', async () => {
    const id = await storedDelivery('sms-aliyun', 0, 26 * 3600_000); // a chain the sweep started late, say
    const result = await runQueue('baoxiu-deliveries', id, 2);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'not delivered within 25 hours: channel sms-aliyun is not configured',
    });
  });

  it('leaves a dead letter that comes before the window is over pending and due, for the sweep to start again', async () => {
    // Its runs failed as a whole (the Worker killed, say) 30 times in a row, an hour into its window.
    const id = await storedDelivery('sms-aliyun', 0, 3600_000);
    await env.DB.prepare('UPDATE deliveries SET due_at = ? WHERE id = ?')
      .bind(new Date(Date.now() + 3600_000).toISOString(), id)
      .run();
    const result = await runQueue('baoxiu-deliveries-dlq', id);
    expect(result.explicitAcks).toHaveLength(1);
    const row = await delivery(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(Date.parse(row!.due_at)).toBeLessThanOrEqual(Date.now());
  });

  it('when D1 fails, the batch waits its backoff rather than a minute (retry_delay), and nothing is lost', async () => {
    const id = await storedDelivery('outbox');
    const lost = () => Promise.reject(new Error('D1_ERROR: Network connection lost.'));
    const down = { ...env, DB: { prepare: () => ({ bind: () => ({ run: lost, first: lost, all: lost }) }), batch: lost } };
    // The test pool's batches do not record a retry's delay: these messages do.
    const batchOf = (queue: string, attempts: number[]) => {
      const messages = attempts.map((n) => ({ body: { deliveryId: id }, attempts: n, ack: vi.fn(), retry: vi.fn() }));
      return { queue, messages, delays: () => messages.map((m) => m.retry.mock.calls[0]?.[0]?.delaySeconds) };
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const live = batchOf('baoxiu-deliveries', [6, 2]);
      await worker.queue(live as never, down as never);
      expect(live.delays()).toEqual([backoff(6), backoff(2)]);
      expect(live.messages.every((m) => m.ack.mock.calls.length === 0)).toBe(true);
      expect(logged.mock.calls.flat().join('\n')).toContain('2 deliveries wait their backoff: D1_ERROR');
      // The dead-letter queue's consumer the same way.
      const dead = batchOf('baoxiu-deliveries-dlq', [3]);
      await worker.queue(dead as never, down as never);
      expect(dead.delays()).toEqual([backoff(3)]);
    } finally {
      logged.mockRestore();
    }
    // D1 back: the retry sends it.
    await runQueue('baoxiu-deliveries', id, 7);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('when D1 fails halfway through a batch, what was sent stays sent and the rest wait their backoff', async () => {
    const [first, second] = [await storedDelivery('outbox'), await storedDelivery('outbox')];
    // D1 goes away as the second delivery is claimed.
    const db = losing((query, args) => query.includes('claimed_until = ?3') && args[0] === second);
    const messages = [first, second].map((deliveryId) => ({ body: { deliveryId }, attempts: 4, ack: vi.fn(), retry: vi.fn() }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await worker.queue({ queue: 'baoxiu-deliveries', messages } as never, { ...env, DB: db } as never);
    } finally {
      logged.mockRestore();
    }
    expect([messages[0].ack.mock.calls.length, messages[0].retry.mock.calls.length]).toEqual([1, 0]);
    expect([messages[1].ack.mock.calls.length, messages[1].retry.mock.calls]).toEqual([0, [[{ delaySeconds: backoff(4) }]]]);
    expect(await delivery(first)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await delivery(second)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('records a send through a D1 hiccup after the channel took it: sent once, not retried', async () => {
    const id = await storedDelivery('outbox');
    const reference = await referenceOf(id);
    let hiccups = 2;
    const db = losing((query) => query.includes("status = 'sent'") && hiccups-- > 0);
    const lines: string[] = [];
    const spies = [
      vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' '))),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
    ];
    let result;
    try {
      result = await runQueue('baoxiu-deliveries', id, 1, undefined, { ...env, DB: db } as never);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(hiccups).toBe(-1); // both hiccups met, then recorded
    expect([result.explicitAcks.length, result.retryMessages.length]).toEqual([1, 0]);
    expect(lines.filter((l) => l.includes(reference))).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1, claimed_until: null });
  });

  it('counts an attempt when it begins: one whose Worker stopped mid-send is counted before the next', async () => {
    const id = await storedDelivery('outbox');
    expect(await claim(env.DB, id, 0)).toBe(true); // an attempt begins, and its Worker is stopped
    expect(await delivery(id)).toMatchObject({ status: 'pending', attempts: 1 });
    // Its hold over, the message comes back and sends it: two attempts.
    await env.DB.prepare('UPDATE deliveries SET claimed_until = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run();
    await runQueue('baoxiu-deliveries', id, 2);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('one chain of messages at a time', () => {
  it('sends once when two copies of a message are tried at the same time', async () => {
    const id = await storedDelivery('outbox');
    const reference = await referenceOf(id);
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')));
    try {
      await Promise.all([runQueue('baoxiu-deliveries', id), runQueue('baoxiu-deliveries', id)]);
    } finally {
      spy.mockRestore();
    }
    expect(lines.filter((l) => l.includes(reference))).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1, claimed_until: null });
  });

  it('drops the messages of a chain a retry replaced, and their dead letter fails nothing', async () => {
    const id = await storedDelivery('outbox');
    await env.DB.prepare('UPDATE deliveries SET generation = 1 WHERE id = ?').bind(id).run(); // retried once
    const stale = await runQueue('baoxiu-deliveries', id); // a message of the first chain, late
    expect(stale.explicitAcks).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({ status: 'pending', attempts: 0 });
    await runQueue('baoxiu-deliveries-dlq', id, 31, 0);
    expect((await delivery(id))!.status).toBe('pending');
    await runQueue('baoxiu-deliveries', id, 1, 1); // the retry's own
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("moves a delivery's due time only for its own chain: a replaced chain's message read before the retry changes nothing", async () => {
    const id = await storedDelivery('outbox');
    await env.DB.prepare('UPDATE deliveries SET generation = 1 WHERE id = ?').bind(id).run(); // the retry's chain
    const due = (await delivery(id))!.due_at;
    await setDue(env.DB, { id, generation: 0 }, 3600); // the old chain's busy or failed message
    expect((await delivery(id))!.due_at).toBe(due);
    await setDue(env.DB, { id, generation: 1 }, 3600);
    expect(Date.parse((await delivery(id))!.due_at)).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('leaves an attempt in progress alone: a copy of its message waits its turn, a dead letter does not fail it', async () => {
    const id = await storedDelivery('outbox');
    const held = new Date(Date.now() + 60_000).toISOString();
    await env.DB.prepare('UPDATE deliveries SET claimed_until = ? WHERE id = ?').bind(held, id).run();
    const copy = await runQueue('baoxiu-deliveries', id);
    expect(copy.explicitAcks).toHaveLength(0);
    expect(copy.retryMessages).toHaveLength(1);
    // Due again once the hold is over at the latest (5 minutes).
    const due = Date.parse((await delivery(id))!.due_at) - Date.now();
    expect(due).toBeGreaterThan(280_000);
    expect(due).toBeLessThanOrEqual(300_000);
    // Its dead letter, when its day of retries is over (one before that only makes it due).
    await env.DB.prepare('UPDATE deliveries SET created_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 24.1 * 3600_000).toISOString(), id)
      .run();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await runQueue('baoxiu-deliveries-dlq', id);
      // Nor says it failed: the operator's log would show a failure that is still being sent.
      expect(logged.mock.calls.flat().join('\n')).not.toContain(id);
    } finally {
      logged.mockRestore();
    }
    expect(await delivery(id)).toMatchObject({ status: 'pending', attempts: 0, claimed_until: held });
    // The operator retries while that attempt still sends: the new chain's message waits too, not dropped.
    await env.DB.prepare(`UPDATE deliveries SET generation = 1 WHERE id = ?`).bind(id).run();
    const retried = await runQueue('baoxiu-deliveries', id, 1, 1);
    expect(retried.retryMessages).toHaveLength(1);
    // The hold over (the old attempt failed): the retry's message sends it.
    await env.DB.prepare('UPDATE deliveries SET claimed_until = NULL WHERE id = ?').bind(id).run();
    await runQueue('baoxiu-deliveries', id, 2, 1);
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('the sweep', () => {
  it('sends a lead whose messages could not be queued: stored and answered at once, then sent by the sweep', async () => {
    const down = { ...env, DELIVERIES: { sendBatch: () => Promise.reject(new Error('Queue sendBatch failed: internal error')) } };
    const ctx = createExecutionContext();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let res: Response;
    try {
      res = await worker.fetch(
        new Request(`${ORIGIN}/api/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
          body: JSON.stringify(valid()),
        }) as never,
        down as never,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(logged.mock.calls.flat().join('\n')).toContain('could not queue');
    } finally {
      logged.mockRestore();
    }
    expect(res.ok).toBe(true);
    const { id: leadId } = (await res.json()) as { id: string };
    const ofLead = () => env.DB.prepare('SELECT status FROM deliveries WHERE lead_id = ?').bind(leadId).all<{ status: string }>();
    const { results } = await ofLead();
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((d) => d.status === 'pending')).toBe(true);
    // Five minutes on, the cron's sweep finds them overdue and queues them: every one is sent.
    await env.DB.prepare('UPDATE deliveries SET due_at = ? WHERE lead_id = ?')
      .bind(new Date(Date.now() - 10 * 60_000).toISOString(), leadId)
      .run();
    await sweep(env);
    await expect
      .poll(async () => (await ofLead()).results.map((d) => d.status), { timeout: 5000, interval: 50 })
      .toEqual(results.map(() => 'sent'));
  });

  it('re-queues a delivery whose enqueue failed, and it is delivered', async () => {
    const id = await storedDelivery('outbox', 10 * 60_000);
    const fresh = await storedDelivery('outbox', 0);
    const { requeued } = await sweep(env);
    expect(requeued).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await delivery(id))!.status, { timeout: 5000, interval: 50 }).toBe('sent');
    // One that is not yet overdue is left to its own message.
    expect((await delivery(fresh))!.status).toBe('pending');
  });

  it('takes at most 40 deliveries a run (D1: 50 queries an invocation on the Free plan), the rest on the next', async () => {
    const ids = await Promise.all(Array.from({ length: 45 }, () => storedDelivery('outbox', 10 * 60_000)));
    const first = await sweep(env);
    expect(first.requeued + first.failed).toBeLessThanOrEqual(40);
    await sweep(env);
    const rows = await Promise.all(ids.map(delivery));
    // Each one requeued as a new chain by one run or the other.
    expect(rows.filter((r) => r!.generation >= 1)).toHaveLength(45);
  });

  it('fails a delivery still pending after the retry window, not while an attempt sends it', async () => {
    const id = await storedDelivery('outbox', 26 * 3600_000, 26 * 3600_000);
    const held = new Date(Date.now() + 60_000).toISOString();
    await env.DB.prepare('UPDATE deliveries SET claimed_until = ? WHERE id = ?').bind(held, id).run();
    const during = await sweep(env);
    expect(await delivery(id)).toMatchObject({ status: 'pending', claimed_until: held });
    await env.DB.prepare('UPDATE deliveries SET claimed_until = NULL WHERE id = ?').bind(id).run();
    const after = await sweep(env);
    expect(await delivery(id)).toMatchObject({ status: 'failed', last_error: expect.stringContaining('within 25 hours') });
    // Counted when it failed, not before (other tests' deliveries may be swept too).
    expect(after.failed - during.failed).toBeGreaterThanOrEqual(1);
  });

  it("counts the window from the operator's retry, and re-queues as a new chain", async () => {
    const id = await storedDelivery('outbox', 10 * 60_000, 30 * 3600_000); // a lead of yesterday, retried an hour ago
    await env.DB.prepare('UPDATE deliveries SET retried_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 3600_000).toISOString(), id)
      .run();
    await sweep(env);
    await expect.poll(async () => (await delivery(id))!.status, { timeout: 5000, interval: 50 }).toBe('sent');
    expect((await delivery(id))!.generation).toBe(1);
  });

  it('runs on the cron', async () => {
    const id = await storedDelivery('outbox', 10 * 60_000);
    // The Worker's own entry, as the runtime calls it on the cron (its type here is a Fetcher's).
    const entry = exports.default as unknown as { scheduled(controller: ScheduledController): Promise<unknown> };
    await entry.scheduled({ scheduledTime: Date.now(), cron: '*/5 * * * *' } as ScheduledController);
    await expect.poll(async () => (await delivery(id))!.status, { timeout: 5000, interval: 50 }).toBe('sent');
  });

  it('leaves the daily cron to housekeeping, not the sweep', async () => {
    const overdue = await storedDelivery('outbox', 10 * 60_000);
    const before = (await delivery(overdue))!;
    const expired = await storedDelivery('outbox', 0, 200 * 86_400_000);
    const ctx = createExecutionContext();
    worker.scheduled({ scheduledTime: Date.now(), cron: '17 3 * * *', noRetry() {} }, env as never, ctx);
    await waitOnExecutionContext(ctx);
    // Housekeeping ran: the lead past the retention period is gone, its delivery with it …
    expect(await delivery(expired)).toBeNull();
    // … and the sweep did not: the overdue delivery was neither re-queued nor touched.
    expect(await delivery(overdue)).toEqual(before);
  });
});
