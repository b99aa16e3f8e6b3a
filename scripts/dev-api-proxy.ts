// A Vite plugin for `npm run dev`: what the Worker answers goes to it under wrangler dev — /api/*,
// the inbox (/admin/*: its handlers, and its pages as the last build rendered them), /progress/ (the
// reference filled in) and /regions/ with a query (a search without JavaScript) — and the search box's
// files, the last build's like those: its Pagefind index and the tables it reads (astro dev has no
// index, and answered the box "搜索暂时不可用"). Vite's own
// `server.proxy` runs after Astro's trailing-slash check, which answers /api/leads with a 404, so
// this middleware goes first and forwards the request as it is
// (redirects included). A post from the dev server's own pages is told to the Worker as its own
// origin: the inbox accepts posts from its own site only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const WORKER_PATHS = /^\/(api\/|admin(\/|$|\?)|progress\/|regions\/\?|pagefind\/|search-(traditional|sounds)\.json)/;

export function apiProxy(target: string): Plugin {
  return {
    name: 'baoxiu-api-proxy',
    // Returned, so it runs after Astro's own hook, which puts its middlewares first; this goes before them.
    configureServer: (server) => () => {
      server.middlewares.stack.unshift({
        route: '',
        handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
          if (!WORKER_PATHS.test(req.url ?? '')) return next();
          forward(target, req, res).catch((err) => {
            res.statusCode = 502;
            res.end(`lead function unreachable: ${err instanceof Error ? err.message : err}`);
          });
        },
      });
    },
  };
}

/** One request passed to the Worker at `target` as it came, and its answer back as it came. */
export async function forward(target: string, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'connection') headers.set(name, String(value));
  }
  if (headers.get('origin') === `http://${req.headers.host}`) headers.set('origin', new URL(target).origin);
  const answer = await fetch(new URL(req.url!, target), {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
    redirect: 'manual',
  });
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie'].includes(name)) res.setHeader(name, value);
  });
  // Each cookie its own header (sign-out ends the session and the list's remembered view): one
  // setHeader per name would keep only the last.
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await answer.arrayBuffer()));
}
