// A Channel carries a lead to the operator: the outbox log now; email, SMS and bots later.
import type { Env } from '../env.ts';
import type { StoredLead } from '../leads/store.ts';

export interface Channel {
  /** Stored in deliveries.channel. */
  name: string;
  /** Resolves when the provider has accepted the lead; throws otherwise. */
  send(lead: StoredLead, env: Env): Promise<void>;
}
