import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workerDirOf } from '../../scripts/worker-dir.ts';

export const DIST = 'dist';
export const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
export const exists = (path: string) => existsSync(join(DIST, path));

/** JSON-LD blocks of a built page. */
export function jsonLd(path: string): Record<string, any>[] {
  return [...read(path).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

/**
 * Builds the site from a copy of the sample content changed by `edit`, with extra build settings
 * `env`; resolves with the result and its output, the built pages that `keep` names (path → HTML),
 * the dependencies Vite pre-bundled into the build's cache (its folders: deps, deps_ssr), and what
 * else is in the cache folder.
 */
export async function buildWith(
  edit: (dir: string) => void,
  env: Record<string, string> = {},
  keep: string[] = [],
): Promise<{
  code: number;
  output: string;
  pages: Record<string, string>;
  prebundled: string[];
  cached: string[];
  /** The files of the build's Worker folder (workerDirOf), relative to it. */
  worker: string[];
}> {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-content-'));
  const content = join(root, 'content');
  const worker = workerDirOf(join(root, 'out'));
  cpSync('src/content', content, { recursive: true });
  edit(content);
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', 'build'], {
      env: {
        ...process.env,
        ...env,
        BAOXIU_CONTENT_DIR: content,
        BAOXIU_OUT_DIR: join(root, 'out'),
        BAOXIU_CACHE_DIR: join(root, 'cache'),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = Object.fromEntries(keep.map((p) => [p, readFileSync(join(root, 'out', p), 'utf8')]));
    const vite = join(root, 'cache', 'vite');
    return {
      code: 0,
      output: `${stdout}\n${stderr}`,
      pages,
      prebundled: existsSync(vite) ? readdirSync(vite).filter((f) => f.startsWith('deps')) : [],
      cached: readdirSync(join(root, 'cache')),
      worker: readdirSync(worker, { recursive: true }).map(String),
    };
  } catch (err: any) {
    return { code: err.code ?? 1, output: `${err.stdout}\n${err.stderr}`, pages: {}, prebundled: [], cached: [], worker: [] };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(worker, { recursive: true, force: true });
  }
}

export const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, 'utf8') + text);
export const replace = (file: string, from: string, to: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
