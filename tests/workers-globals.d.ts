// The Workers' global types named by the Worker's modules that Node-side tests import (a lead's
// store, Env), taken from @cloudflare/workers-types as a module: its global declarations clash with
// the DOM's and Node's, which these tests run with. The bindings are left untyped here: their
// generated declarations (functions/worker-configuration.d.ts) name the whole Worker, which
// functions/tsconfig.json checks with the Workers' types.
import type * as Workers from '@cloudflare/workers-types';

declare global {
  type D1Database = Workers.D1Database;
  type Queue<Body = unknown> = Workers.Queue<Body>;
  type SendEmail = Workers.SendEmail;
  namespace Cloudflare {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Env = Record<string, any>;
  }
}
