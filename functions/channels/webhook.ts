// A generic webhook: the lead as JSON, signed so the receiver can check it came from us.
// X-Baoxiu-Timestamp: unix seconds; X-Baoxiu-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">.
import { dialable, EXT } from '../leads/phone-forms.ts';
import type { Channel } from './channel.ts';
import { redirected, REPLY_KEPT } from './http.ts';
import { webhookSignature } from './sign.ts';

export function webhook(cfg: { url: string; secret: string; timeoutMs?: number }): Channel {
  return {
    name: 'webhook',
    async send(lead, _env, delivery) {
      const body = JSON.stringify({
        event: delivery.kind === 'cancel' ? 'lead.cancelled' : 'lead.created',
        delivery: delivery.id,
        lead: {
          id: lead.id,
          reference: lead.reference,
          createdAt: lead.created_at,
          route: lead.route,
          name: lead.name,
          phone: dialable(lead.phone),
          phoneExtension: lead.phone.split(EXT)[1] ?? null,
          region: { code: lead.region_code, name: lead.region_name },
          brand: lead.brand ? { slug: lead.brand, name: lead.brand_name } : null,
          description: lead.description,
          address: lead.address,
          preferredTime: lead.preferred_time,
        },
        inboxUrl: delivery.link ?? null,
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(cfg.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-baoxiu-timestamp': String(timestamp),
          'x-baoxiu-signature': await webhookSignature(cfg.secret, timestamp, body),
          'x-baoxiu-delivery': delivery.id, // a stable key: the receiver can drop a repeat
        },
        body,
        // A redirect is a failure: after a 301/302 fetch would send a GET without the lead, and a
        // 200 to that GET would count as delivered. The setting should name the final address.
        redirect: 'manual',
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
      }).catch((err) => {
        throw new Error(`webhook: ${err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : String(err)}`);
      });
      if (!res.ok) throw new Error(`webhook: HTTP ${res.status} ${redirected(res) ?? (await res.text()).slice(0, REPLY_KEPT)}`);
    },
  };
}
