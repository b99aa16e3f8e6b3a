// The Worker's bindings and settings (wrangler.jsonc, .dev.vars, or the environment of `npm start`).
export interface Env {
  DB: D1Database;
  /** The built site (dist/): pages the form re-renders, and /catalog.json. */
  ASSETS: Fetcher;
  /** One message per delivery (functions/deliveries/). */
  DELIVERIES: Queue<import('./deliveries/queue.ts').DeliveryMessage>;
  /** Bearer token of the operator's API (/api/admin); the API is off without it. */
  ADMIN_TOKEN?: string;
}
