// The Worker's bindings and settings (wrangler.jsonc, secrets, .dev.vars, or the environment of `npm start`).
export interface Env {
  DB: D1Database;
  /** The built site (dist/): pages the form re-renders, and /catalog.json. */
  ASSETS: Fetcher;
  /** One message per delivery (functions/deliveries/). */
  DELIVERIES: Queue<import('./deliveries/queue.ts').DeliveryMessage>;
  /** Rate Limiting bindings (wrangler.jsonc `ratelimits`): lead posts per client IP, and per phone. */
  LEAD_IP_LIMIT?: RateLimit;
  LEAD_PHONE_LIMIT?: RateLimit;
  /** Secret key ring for personal fields: `kid:base64key[,kid:base64oldkey…]`, current key first. */
  LEADS_ENCRYPTION_KEY?: string;
  /** Days a lead is kept before the scheduled job deletes it; default 180. */
  LEAD_RETENTION_DAYS?: string;
  /** Secret; when set, every lead needs a valid Cloudflare Turnstile token. */
  TURNSTILE_SECRET_KEY?: string;
  /** Overrides Turnstile's siteverify endpoint (tests, a proxy). */
  TURNSTILE_VERIFY_URL?: string;
  /** Secret bearer token for /api/admin/*; the admin API is off when unset. */
  ADMIN_TOKEN?: string;
  /** Cloudflare Email Routing binding for the email-binding channel. */
  SEND_EMAIL?: SendEmail;
  /** Channel settings (functions/channels/index.ts): SMTP_URL, EMAIL_TO, ALIYUN_*, TENCENT_*, WECOM_*,
   *  DINGTALK_*, FEISHU_*, WEBHOOK_*, CHANNEL_TIMEOUT_MS … — strings, all optional. */
  [setting: string]: unknown;
  /** Comma-separated origins that may post leads besides the site's own (pages on another CDN). */
  ALLOWED_ORIGINS?: string;
}
