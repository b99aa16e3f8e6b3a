// A Vite plugin for `npm run dev`: /api/* goes to the lead function under wrangler dev. Vite's own
// `server.proxy` runs after Astro's trailing-slash check, which answers /api/leads with a 404, so
// this middleware goes first and forwards the request as it is (redirects included).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export function apiProxy(target: string): Plugin {
  return {
    name: 'baoxiu-api-proxy',
    // Returned, so it runs after Astro's own hook, which puts its middlewares first; this goes before them.
    configureServer: (server) => () => {
      server.middlewares.stack.unshift({
        route: '',
        handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
          if (!req.url?.startsWith('/api/')) return next();
          forward(target, req, res).catch((err) => {
            res.statusCode = 502;
            res.end(`lead function unreachable: ${err instanceof Error ? err.message : err}`);
          });
        },
      });
    },
  };
}

async function forward(target: string, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'connection') headers.set(name, String(value));
  }
  const answer = await fetch(new URL(req.url!, target), {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
    redirect: 'manual',
  });
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') res.setHeader(name, value);
  });
  res.end(Buffer.from(await answer.arrayBuffer()));
}
