// Global setup of the browser tests: `wrangler dev` (site + lead function, local D1) on a free port,
// with its own state folder so tests never touch the developer's local data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { newKeyEntry } from '../../functions/privacy/keyring.ts';
import { freePort, migrate, secretsFile, startWranglerDev } from '../../scripts/wrangler-dev.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    stateDir: string;
    logFile: string;
    leadsKey: string;
    adminToken: string;
  }
}

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), 'baoxiu-state-'));
  const logFile = join(stateDir, 'wrangler.log');
  migrate(stateDir);

  // This run's own secrets, given the way `npm start` gives generated ones (an env file).
  const leadsKey = newKeyEntry('browser');
  const adminToken = crypto.randomUUID();
  const dev = await startWranglerDev({
    port: await freePort(),
    persistTo: stateDir,
    envFiles: [secretsFile({ LEADS_ENCRYPTION_KEY: leadsKey, ADMIN_TOKEN: adminToken }, join(stateDir, 'secrets'))],
    output: 'pipe',
  });
  const baseUrl = dev.url;
  // The tests read the server's log (console output of the Worker) from this file.
  // Not after the teardown has removed the folder: wrangler may still print on its way out.
  let open = true;
  const save = () => open && writeFileSync(logFile, dev.log());
  dev.process.stdout!.on('data', save);
  dev.process.stderr!.on('data', save);
  save();

  project.provide('baseUrl', baseUrl);
  project.provide('stateDir', stateDir);
  project.provide('logFile', logFile);
  project.provide('leadsKey', leadsKey);
  project.provide('adminToken', adminToken);

  return () => {
    open = false;
    dev.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
