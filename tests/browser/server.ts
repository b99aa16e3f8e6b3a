// Global setup of the browser tests: `wrangler dev` (site + lead function, local D1) on a free port,
// with its own state folder so tests never touch the developer's local data.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { newKeyEntry } from '../../functions/privacy/keyring.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    stateDir: string;
    logFile: string;
    leadsKey: string;
    adminToken: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), 'baoxiu-state-'));
  const logFile = join(stateDir, 'wrangler.log');
  const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], {
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  // This run's own secrets, given the way `npm start` gives generated ones (--var).
  const leadsKey = newKeyEntry('browser');
  const adminToken = crypto.randomUUID();
  const port = await freePort();
  const dev = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      stateDir,
      '--show-interactive-dev-session=false',
      '--var',
      `LEADS_ENCRYPTION_KEY:${leadsKey}`,
      '--var',
      `ADMIN_TOKEN:${adminToken}`,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CLOUDFLARE_INCLUDE_PROCESS_ENV: 'false' } },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk;
    writeFileSync(logFile, log);
  };
  dev.stdout.on('data', keep);
  dev.stderr.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  project.provide('baseUrl', baseUrl);
  project.provide('stateDir', stateDir);
  project.provide('logFile', logFile);
  project.provide('leadsKey', leadsKey);
  project.provide('adminToken', adminToken);

  return () => {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
}
