// A Channel carries a lead to the operator: the outbox log, email, SMS, chat bots or a webhook
// (functions/channels/index.ts makes them from their settings).
import type { ChannelName } from '../../src/contract/channels.ts';
import type { Env } from '../env.ts';
import type { StoredLead } from '../rows.ts';

export interface Channel {
  /** Stored in deliveries.channel. */
  name: ChannelName;
  /** Resolves when the provider has accepted the lead; throws otherwise. `delivery.id` is a
   *  stable key for providers that deduplicate; `to` overrides the channel's own recipients; `link`
   *  is the lead's page in the inbox; `kind` 'cancel': the customer cancelled it (default: a new lead);
   *  `until`: when the attempt's hold on the delivery ends (ms since the epoch) — a channel that sends
   *  in steps starts none it might not finish by then, as another attempt may take it over. */
  send(lead: StoredLead, env: Env, delivery: Outgoing): Promise<void>;
  /** Why it cannot work as configured (every send fails with it): `npm run leads -- channels`. */
  problem?: string;
}

export interface Outgoing {
  id: string;
  to?: string[];
  link?: string;
  /** The operator's name (the site's displayName), the tag of a message's subject. */
  operator?: string;
  kind?: 'lead' | 'cancel';
  until?: number;
}

/** Some recipients got the lead and some did not (an SMS batch): the retry goes to `remaining` only,
 *  so nobody is sent the same lead twice. */
export class PartialDelivery extends Error {
  readonly remaining: string[];
  constructor(message: string, remaining: string[]) {
    super(message);
    this.remaining = remaining;
  }
}

/** One message a recipient (both ways of email; Aliyun SMS): a retry goes only to those it failed,
 *  and those it had no time to start (after `startBy`, ms since the epoch). */
export async function toEach(
  channel: string,
  to: string[],
  startBy: number,
  send: (address: string) => Promise<unknown>,
): Promise<void> {
  // Sent to no one is not sent (index.ts refuses such settings; this keeps it so for any caller).
  if (!to.length) throw new Error(`${channel}: no recipient`);
  const failed: string[] = [];
  const errors: string[] = [];
  for (const address of to) {
    if (Date.now() > startBy) {
      failed.push(address);
      errors.push(`${address}: not tried, the attempt's time was up`);
      continue;
    }
    try {
      await send(address);
    } catch (err) {
      failed.push(address);
      errors.push(`${address}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!failed.length) return;
  const why = `${channel}: ${errors.join('; ')}`;
  throw failed.length < to.length ? new PartialDelivery(why, failed) : new Error(why);
}
