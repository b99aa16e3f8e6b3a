// scripts/require-bundles.ts, which `npm run build` preloads: wrangler and miniflare imported from
// ESM are loaded with `require`, and export what they would have exported imported as they are.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** What an ESM module sees importing a package, with or without the hooks preloaded. */
function imported(specifier: string, hooks: boolean) {
  const script = `
    import { createRequire } from 'node:module';
    const ns = await import(${JSON.stringify(specifier)});
    const required = createRequire(import.meta.url)(${JSON.stringify(specifier)});
    console.log(JSON.stringify({
      url: import.meta.resolve(${JSON.stringify(specifier)}),
      names: Object.keys(ns).filter((n) => n !== 'module.exports').sort(),
      sameDefault: ns.default === required,
      sameValues: Object.keys(required).every((n) => n === 'default' || ns[n] === required[n]),
    }));`;
  const args = [...(hooks ? ['--import', './scripts/require-bundles.ts'] : []), '--input-type=module', '-e', script];
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  expect(res.stderr).toBe('');
  return JSON.parse(res.stdout) as { url: string; names: string[]; sameDefault: boolean; sameValues: boolean };
}

describe('wrangler and miniflare, imported from ESM by the build', () => {
  for (const specifier of ['wrangler', 'miniflare']) {
    it(`load ${specifier} with require, exporting the same names and values as Node's own import`, () => {
      const hooked = imported(specifier, true);
      const plain = imported(specifier, false);
      expect(hooked.url).toMatch(/^baoxiu-require:file:\/\/.*\.js$/);
      expect(plain.url).toBe(hooked.url.slice('baoxiu-require:'.length));
      expect(hooked.names).toContain('default');
      expect(hooked.names).toEqual(plain.names);
      expect(hooked.sameDefault && hooked.sameValues).toBe(true);
    });
  }

  it('leave every other package as Node imports it', () => {
    expect(imported('vite', true).url).toBe(imported('vite', false).url);
  });
});
