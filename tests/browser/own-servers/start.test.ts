// `npm start` as the README says: the site and the lead function on one port, settings from the
// environment when there is no .dev.vars.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SECRETS_DIR } from '../../../scripts/local-secrets.ts';
import { describe, expect, it } from 'vitest';

import { freePort } from '../../../scripts/wrangler-dev.ts';

describe('npm start', () => {
  it.skipIf(existsSync('.dev.vars'))(
    'serves pages and /api on PORT, with ADMIN_TOKEN from its environment',
    async () => {
      const port = await freePort();
      // Its own local D1: the lead posted below stays out of the developer's.
      const state = mkdtempSync(join(tmpdir(), 'baoxiu-start-state-'));
      const start = spawn('npm', ['start'], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PORT: String(port), ADMIN_TOKEN: 'from-the-environment', BAOXIU_STATE_DIR: state },
      });
      let log = '';
      start.stdout.on('data', (d) => (log += d));
      start.stderr.on('data', (d) => (log += d));
      try {
        const base = `http://127.0.0.1:${port}`;
        await expect
          .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 90_000, interval: 500 })
          .toBe(200);
        expect(await (await fetch(`${base}/hunan/xiangxi/jishou/`)).text()).toContain('吉首市上门维修');
        const admin = await fetch(`${base}/api/admin/leads`, { headers: { authorization: 'Bearer from-the-environment' } });
        expect(admin.status).toBe(200);
        expect(log).toContain('Ready on http://127.0.0.1:' + port);
        // A lead reaches the outbox with a link to this machine's inbox (site.yaml's address is production's).
        const lead = await fetch(`${base}/api/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({
            name: '卫先生',
            phone: '13700007777',
            region: '433101',
            description: '门锁打不开',
            consent: true,
            abroad: true,
          }),
        });
        const { id, reference } = (await lead.json()) as { id: string; reference: string };
        await expect
          .poll(() => log, { timeout: 15_000 })
          .toContain(
            `[outbox] lead ${reference} · 卫** · 137****7777 · 湖南省 湘西土家族苗族自治州 吉首市 · ${base}/admin/leads/${id}/`,
          );
        // The generated secret reached the Worker in a file, not on a command line that \`ps\` shows.
        const key = readFileSync(join(LOCAL_SECRETS_DIR, 'LEADS_ENCRYPTION_KEY'), 'utf8').trim();
        expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(key.split(':')[1]);

        // npm alone stopped (an editor's stop button): npm does not pass SIGTERM on, and the server
        // it leaves stops itself rather than hold the port (scripts/orphaned.ts).
        process.kill(start.pid!, 'SIGTERM');
        await expect
          .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 'stopped', {
            timeout: 15_000,
            interval: 500,
          })
          .toBe('stopped');
        // And its processes end (they may take a moment after the port closes).
        await expect
          .poll(() => new RegExp(`--port[= ]${port}\\b`).test(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })), {
            timeout: 15_000,
            interval: 500,
          })
          .toBe(false);
      } finally {
        try {
          process.kill(-start.pid!, 'SIGTERM');
        } catch {
          // Stopped already.
        }
        rmSync(state, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
