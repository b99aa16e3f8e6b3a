// Settings reach the Worker under `npm start` / `npm run dev` as written: the env file that
// scripts/wrangler-dev.ts writes, read by the real `wrangler dev` (dotenv, then dotenv-expand), seen
// in what the Worker does with it: a webhook signed with WEBHOOK_SECRET.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyEntry } from '../../functions/privacy/keyring.ts';
import { envLine, freePort, migrate, secretsFile, startWranglerDev, type WranglerDev } from '../../scripts/wrangler-dev.ts';

describe('the env file handed to wrangler dev', () => {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-env-file-'));
  const servers: WranglerDev[] = [];
  let receiver: Server;
  let hookUrl = '';
  const received: { signature: string; timestamp: string; body: string }[] = [];

  beforeAll(async () => {
    migrate(join(root, 'state'));
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({
          signature: String(req.headers['x-baoxiu-signature']),
          timestamp: String(req.headers['x-baoxiu-timestamp']),
          body,
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  }, 60_000);
  afterAll(() => {
    servers.forEach((s) => s.stop());
    receiver?.close();
    rmSync(root, { recursive: true, force: true });
  });

  // A secret may hold any of these: `$Cd9` was read as a variable, and dropped.
  for (const [quoting, secret] of [
    ['single-quoted', 'ab$Cd9"q"\\n\\$x`b` ${PATH}'],
    ['backquoted, as it holds a single quote', "it's $HOME \\"],
  ]) {
    it(`gives the Worker a value with $, quotes and backslashes as written (${quoting})`, async () => {
      expect(envLine('WEBHOOK_SECRET', secret)[15]).toBe(secret.includes("'") ? '`' : "'");
      const dev = await startWranglerDev({
        port: await freePort(),
        persistTo: join(root, 'state'),
        envFiles: [
          secretsFile(
            { LEADS_ENCRYPTION_KEY: newKeyEntry('env'), WEBHOOK_URL: hookUrl, WEBHOOK_SECRET: secret },
            join(root, quoting.slice(0, 4)),
          ),
        ],
        output: 'pipe',
      });
      servers.push(dev);
      received.length = 0;
      const lead = await fetch(`${dev.url}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: '王先生',
          phone: `1390000${String(Date.now()).slice(-4)}`,
          region: '433101',
          description: '保险柜打不开',
          consent: true,
          abroad: true,
        }),
      });
      expect(lead.status).toBe(201);
      await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
      const { signature, timestamp, body } = received[0];
      expect(signature).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
      dev.stop();
    }, 120_000);
  }

  it('refuses, in English, a value no quoting can carry', () => {
    expect(() => envLine('SMTP_PASSWORD', "a'b`c")).toThrow(
      "SMTP_PASSWORD: a value with both ' and ` cannot be passed to wrangler dev",
    );
  });
});
