// npm run typecheck: every TypeScript project of the repository checked, and the pages with astro
// check, two at a time — each check is one thread, and one after the other they took 46.5 s (55.8
// CPU-s) of CI on this two-core machine. A check's output is printed when it ends; the command fails
// when any check failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const tsc = (project: string) => ['node_modules/typescript/bin/tsc', '-p', project];
const CHECKS = [
  // The longest first, so that the others fill the other core beside it.
  ['node_modules/astro/bin/astro.mjs', 'check', '--tsconfig', 'src/tsconfig.json'],
  tsc('tests/tsconfig.json'),
  tsc('functions/tsconfig.json'),
  tsc('tests/worker/tsconfig.json'),
  tsc('src/lib/tsconfig.json'),
  tsc('src/scripts/tsconfig.json'),
];

const run = (args: string[]) =>
  new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const ok = code === 0;
      process.stdout.write(`${ok ? '✓' : '✗'} ${args.slice(1).join(' ')}\n${ok && args[1] !== 'check' ? '' : output}`);
      resolve(ok);
    });
  });

const queue = [...CHECKS];
const worker = async () => {
  let ok = true;
  for (let args = queue.shift(); args; args = queue.shift()) ok = (await run(args)) && ok;
  return ok;
};
const results = await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
process.exit(results.every(Boolean) ? 0 : 1);
