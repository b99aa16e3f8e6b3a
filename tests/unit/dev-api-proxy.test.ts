import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { forward } from '../../scripts/dev-api-proxy.ts';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));
const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe("npm run dev's pass-through to the Worker", () => {
  it('passes every Set-Cookie of an answer, and the redirect as it is', async () => {
    // As the Worker answers a sign-out: the session's cookie and the list view's, both deleted.
    const worker = await listen(
      createServer((_, res) => {
        res.setHeader('set-cookie', ['baoxiu-session=; Max-Age=0; Path=/admin', 'baoxiu-inbox-view=; Max-Age=0; Path=/admin']);
        res.writeHead(303, { location: '/admin/sign-in/' }).end();
      }),
    );
    const dev = await listen(createServer((req, res) => void forward(worker, req, res)));
    const res = await fetch(`${dev}/admin/sign-out`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sign-in/');
    expect(res.headers.getSetCookie()).toEqual([
      'baoxiu-session=; Max-Age=0; Path=/admin',
      'baoxiu-inbox-view=; Max-Age=0; Path=/admin',
    ]);
  });
});
