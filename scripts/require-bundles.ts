// npm run build (scripts/build.ts preloads this): wrangler's and miniflare's CommonJS bundles (15 and
// 6 MB), which the Cloudflare adapter and its Vite plugin import from ESM, loaded with `require`.
// Imported as they are, Node parses each whole to tell its format (their package.json has no
// "type") and then scans it again with its CommonJS lexer for the names to export: ~0.5 s of the
// build's thread before Astro's first step (docs/bench-journal.md, 2026-12-03). Loaded with
// `require`, a bundle is compiled once, and its exports are the names it really exports.
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const BUNDLES = new Set(['wrangler', 'miniflare']);
const SCHEME = 'baoxiu-require:';

registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    // Only an ESM import of a file whose format Node would have to guess (null: no "type").
    if (!BUNDLES.has(specifier) || !context.conditions.includes('import') || resolved.format != null) return resolved;
    if (!resolved.url.startsWith('file:')) return resolved;
    return { url: SCHEME + resolved.url, format: 'module', shortCircuit: true };
  },
  load(url, context, next) {
    if (!url.startsWith(SCHEME)) return next(url, context);
    const file = fileURLToPath(url.slice(SCHEME.length));
    const exported = createRequire(file)(file) as Record<string, unknown>;
    // As Node's own import of CommonJS: module.exports as the default, and each of its names.
    const names = Object.keys(exported).filter((name) => name !== 'default');
    const source = [
      `import { createRequire } from 'node:module';`,
      `const exported = createRequire(${JSON.stringify(file)})(${JSON.stringify(file)});`,
      `export default exported;`,
      ...names.map((name, i) => `const v${i} = exported[${JSON.stringify(name)}];\nexport { v${i} as ${JSON.stringify(name)} };`),
    ].join('\n');
    return { format: 'module', source, shortCircuit: true };
  },
});
