// The Worker's bindings and settings. Bindings and `vars` come from wrangler.jsonc through the
// generated functions/worker-configuration.d.ts (`npm run cf-typegen`; CI checks it is current);
// secrets and optional settings are declared here, so a misspelt `env.X` does not compile.
import type { ChannelSetting } from '../src/contract/channels.ts';
import type { DeliveryMessage } from './deliveries/queue.ts';

// SEND_EMAIL and the settings are left out of the generated type: once one is in wrangler.jsonc
// (the binding, or a setting in `vars`), cf-typegen declares it required, which these optional ones
// could not extend (TS2430, TS2320).
export interface Env extends Omit<Cloudflare.Env, 'DELIVERIES' | 'SEND_EMAIL' | keyof Settings>, Settings {
  /** One message per delivery (functions/deliveries/). */
  DELIVERIES: Queue<DeliveryMessage>;
  /** Cloudflare Email Routing binding for the email-binding channel; add it to wrangler.jsonc to use it. */
  SEND_EMAIL?: SendEmail;
}

/** Set with `wrangler secret put` (or .dev.vars locally); `vars` in wrangler.jsonc for the non-secret ones. */
export interface Settings extends Partial<Record<ChannelSetting, string>> {
  /** Key ring for personal fields: `kid:base64key[,kid:base64oldkey…]`, current key first. Required. */
  LEADS_ENCRYPTION_KEY?: string;
  /** Bearer token for /api/admin/*; the admin API is off when unset. */
  ADMIN_TOKEN?: string;
  /** When set, every lead needs a valid Cloudflare Turnstile token. */
  TURNSTILE_SECRET_KEY?: string;
  /** Overrides Turnstile's siteverify endpoint (tests, a proxy). */
  TURNSTILE_VERIFY_URL?: string;
  /** Cloudflare Access in front of the inbox: the team domain (team.cloudflareaccess.com) and the
   *  application's audience tag. Both set: the inbox trusts Access's JWT only (staff/access.ts). */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** The site's address in notifications' links to the inbox, when not site.yaml's `url`: a staging
   *  Worker, or this machine (`npm start` and `npm run dev` set it). */
  SITE_URL?: string;
  /** Comma-separated origins that may post leads besides the site's own (pages on another CDN). */
  ALLOWED_ORIGINS?: string;
}
