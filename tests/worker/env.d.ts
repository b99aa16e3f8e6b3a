/// <reference types="@cloudflare/vitest-plugin/types" />
import type { Settings } from '../../functions/env.ts';
declare global {
  namespace Cloudflare {
    // The generated bindings (functions/worker-configuration.d.ts), the declared settings, and what
    // vitest.config.ts gives the tests.
    interface Env extends Settings {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
      PROVIDERS_URL: string;
      SMTP_PORT: string;
      MAILS_URL: string;
    }
  }
}
