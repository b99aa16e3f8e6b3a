/// <reference types="@cloudflare/vitest-plugin/types" />
import type { Env } from '../../functions/env.ts';
declare global {
  namespace Cloudflare {
    interface Env extends import('../../functions/env.ts').Env {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    }
  }
}
export type { Env };
