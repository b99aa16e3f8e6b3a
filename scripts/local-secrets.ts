// Secrets for local runs (`npm start`, `npm run leads`) that nobody configured: generated once into
// .wrangler/local-secrets/ (git-ignored, mode 600) and reused, so local leads stay readable between
// runs. Never used for a deployment: there, `wrangler secret put` sets them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretsFile } from './wrangler-dev.ts';

export const LOCAL_SECRETS_DIR = join('.wrangler', 'local-secrets');

const generators: Record<string, () => string> = {
  LEADS_ENCRYPTION_KEY: () => `local:${randomBytes(32).toString('base64')}`,
  ADMIN_TOKEN: () => randomBytes(24).toString('base64url'),
};

/** The stored local value of `name`, generated on first use. */
export function localSecret(name: keyof typeof generators): string {
  const file = join(LOCAL_SECRETS_DIR, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(LOCAL_SECRETS_DIR, { recursive: true, mode: 0o700 });
  const value = generators[name]();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  console.log(`Generated a local ${name} in ${file} (local runs only).`);
  return value;
}

/**
 * Where a local `wrangler dev` takes its settings from: .dev.vars when there is one, otherwise this
 * process's environment (and .env). A secret that neither gives is generated once for local use;
 * the generated ones come first, so what .dev.vars or the environment says always wins. `extra`
 * settings go with the generated ones.
 */
export function localSettings(extra: Record<string, string> = {}): { envFiles: string[]; includeProcessEnv: boolean } {
  const devVars = existsSync('.dev.vars');
  if (devVars) console.log('Settings: .dev.vars');
  const configured = devVars ? namesIn('.dev.vars') : new Set([...Object.keys(process.env), ...namesIn('.env')]);
  const missing = (Object.keys(generators) as (keyof typeof generators)[]).filter((name) => !configured.has(name));
  const generated = secretsFile(
    { ...Object.fromEntries(missing.map((name) => [name, localSecret(name)])), ...extra },
    LOCAL_SECRETS_DIR,
  );
  const envFiles = [generated, ...(devVars ? ['.dev.vars'] : existsSync('.env') ? ['.env'] : [])];
  return { envFiles, includeProcessEnv: !devVars };
}

/** Names set in a dotenv-style file (.dev.vars, .env): `NAME=value` lines. */
export function namesIn(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const names = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l)?.[1])
    .filter((n): n is string => Boolean(n));
  return new Set(names);
}
