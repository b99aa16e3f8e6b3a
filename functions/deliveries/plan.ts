// Which deliveries a new lead gets (or a spam lead moved to the inbox): its route over the operator's
// configured channels (functions/routing.ts), and the customer's confirmation SMS.
import { CUSTOMER_CHANNEL } from '../../src/contract/channels.ts';
import type { CatalogIndex } from '../catalog.ts';
import { channelsFor } from '../channels/index.ts';
import type { Env } from '../env.ts';
import { isMobile } from '../leads/phone.ts';
import { routeLead, type Routing } from '../routing.ts';

/** The route, plus the confirmation SMS when that is configured and the phone is a mobile. */
export function deliveriesOf(catalog: CatalogIndex, env: Env, lead: { region: string; brand?: string; phone: string }): Routing {
  const channels = channelsFor(env);
  const configured = channels.map((ch) => ch.name);
  const routing = routeLead(
    catalog,
    lead,
    configured.filter((name) => name !== CUSTOMER_CHANNEL),
    channels.filter((ch) => ch.problem).map((ch) => ch.name),
  );
  if (configured.includes(CUSTOMER_CHANNEL) && isMobile(lead.phone)) routing.channels.push({ channel: CUSTOMER_CHANNEL });
  return routing;
}
