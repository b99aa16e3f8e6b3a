// Secrets for local runs (`npm start`, `npm run leads`) that nobody configured: generated once into
// .wrangler/local-secrets/ (git-ignored, mode 600) and reused, so local leads stay readable between
// runs. Never used for a deployment: there, `wrangler secret put` sets them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
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
  const value = keptOnce(file, generators[name]());
  console.log(`Generated a local ${name} in ${file} (local runs only).`);
  return value;
}

/** Writes `value` to `file` unless it exists, and returns what the file holds: of two first runs at
 *  once (npm start and npm run dev), both use the key written first, and no lead is sealed with a
 *  key that is then overwritten. */
export function keptOnce(file: string, value: string): string {
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(file, 'utf8').trim();
  }
}

/**
 * Where a local `wrangler dev` takes its settings from: .dev.vars when there is one, otherwise this
 * process's environment (and .env). A secret that neither gives is generated once for local use;
 * what .dev.vars or the environment says always wins over the generated ones and `extra`.
 * .dev.vars is read here, as wrangler reads it (no `$NAME` expansion), and written into the one env
 * file with the generated values: handed to wrangler as an env file itself, its values would be
 * expanded (an SMTP password `ab$Cd9` became `ab`).
 */
export function localSettings(
  command: 'start' | 'dev',
  extra: Record<string, string> = {},
): { envFiles: string[]; includeProcessEnv: boolean } {
  const devVars = envFile('.dev.vars');
  if (devVars) console.log('Settings: .dev.vars');
  const configured = new Set(Object.keys(devVars ?? { ...process.env, ...envFile('.env') }));
  const missing = (Object.keys(generators) as (keyof typeof generators)[]).filter((name) => !configured.has(name));
  const generated = secretsFile(
    { ...Object.fromEntries(missing.map((name) => [name, localSecret(name)])), ...extra, ...devVars },
    // One file per command: `npm run dev` started while `npm start` runs does not rewrite its settings.
    join(LOCAL_SECRETS_DIR, command),
  );
  return { envFiles: [generated, ...(!devVars && existsSync('.env') ? ['.env'] : [])], includeProcessEnv: !devVars };
}

/** A setting as the `wrangler dev` localSettings configures reads it: from .dev.vars when there is
 *  one, otherwise the environment, then .env (wrangler: process.env over its env files). */
export function localSetting(name: string, dir = '.', env = process.env): string | undefined {
  const devVars = envFile(join(dir, '.dev.vars'));
  return devVars ? devVars[name] : (env[name] ?? envFile(join(dir, '.env'))?.[name]);
}

/** A dotenv-style file (.dev.vars, .env) read as wrangler reads it, or undefined when there is none. */
function envFile(file: string): Record<string, string> | undefined {
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : undefined;
}
