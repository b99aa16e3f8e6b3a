// Which channels a lead goes to: the first route in routes.yaml whose regions (a code covers all of
// it) and brands match, else the default route; with no routes at all, every configured channel.
import type { Route } from '../src/contract/catalog.ts';
import type { CatalogIndex } from './catalog.ts';

interface RoutedChannel {
  channel: string;
  /** Recipients for this route (email addresses, phone numbers); the channel's settings otherwise. */
  to?: string[];
}

export interface Routing {
  /** Stored with the lead: which route it took. */
  route: string;
  channels: RoutedChannel[];
}

export const ALL_CHANNELS = '(all configured channels)';

export function routeLead(
  catalog: CatalogIndex,
  lead: { region: string; brand?: string },
  configured: string[],
  /** Configured but unable to send (a setting wrong: channels/index.ts `broken`). */
  broken: string[] = [],
): Routing {
  const rules = catalog.data.routing;
  if (!rules || (!rules.routes.length && !rules.default)) {
    return { route: ALL_CHANNELS, channels: configured.map((channel) => ({ channel })) };
  }
  const lineage = new Set(catalog.lineage(lead.region));
  const matches = (r: Route) =>
    (!r.regions?.length || r.regions.some((code) => lineage.has(code))) &&
    (!r.brands?.length || (lead.brand !== undefined && r.brands.includes(lead.brand)));
  const route = rules.routes.find(matches) ?? rules.default;
  if (!route) return { route: ALL_CHANNELS, channels: configured.map((channel) => ({ channel })) };
  const channels = route.channels.map(({ channel, to }) => ({ channel, ...(to?.length ? { to } : {}) }));
  // A route none of whose channels can send here (routes.yaml names dingtalk, its secret never set or
  // set wrong) would tell nobody: every working channel too. The route's own still fail, in the
  // inbox, saying which is not configured or what is wrong with it.
  const working = configured.filter((n) => !broken.includes(n));
  if (channels.some((c) => working.includes(c.channel))) return { route: route.name, channels };
  const named = new Set<string>(channels.map((c) => c.channel));
  return {
    route: route.name,
    channels: [...channels, ...working.filter((n) => !named.has(n)).map((channel) => ({ channel }))],
  };
}

/** The routes (the default's too) naming a channel this deployment has not set up: every lead they
 *  take fails through it ("not configured"), which the operator should hear of before a lead does. */
export function unconfiguredRoutes(catalog: CatalogIndex, configured: string[]): { route: string; channels: string[] }[] {
  const rules = catalog.data.routing;
  const routes = [...(rules?.routes ?? []), ...(rules?.default ? [rules.default] : [])];
  return routes
    .map((r) => ({ route: r.name, channels: r.channels.map((c) => c.channel).filter((c) => !configured.includes(c)) }))
    .filter((r) => r.channels.length);
}
