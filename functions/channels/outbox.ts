// The embedded default channel: one log line per lead, name and phone masked, so a fresh install receives
// leads with no provider configured (`wrangler dev` prints it; `wrangler tail` in production).
import { maskPhone } from '../leads/phone.ts';
import { logSafe, maskName } from '../privacy/log.ts';
import type { Channel } from './channel.ts';

export const outbox: Channel = {
  name: 'outbox',
  async send(lead, _env, { link, kind }) {
    console.log(
      `[outbox] ${kind === 'cancel' ? 'cancelled' : 'lead'} ${lead.reference} · ${maskName(lead.name)} · ${maskPhone(lead.phone)} · ${lead.region_name}` +
        `${lead.brand_name ? ` · ${logSafe(lead.brand_name)}` : ''} · ${link ?? lead.id}`,
    );
  },
};
