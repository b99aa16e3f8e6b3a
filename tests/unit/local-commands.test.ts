// `npm start` and `npm run dev` told something they cannot use: one English line, exit 1, no stack.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (script: string, port: string) =>
  spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, PORT: port }, timeout: 20_000 });

describe('the local commands, given a PORT that is no port', () => {
  for (const [command, script] of [
    ['npm start', 'scripts/start.ts'],
    ['npm run dev', 'scripts/dev.ts'],
  ]) {
    it(`${command} says so before building or starting anything`, () => {
      const res = run(script, 'abc');
      expect(res.status).toBe(1);
      expect(res.stderr.trim()).toBe(`${command}: PORT must be a port number (1–65535), not "abc"`);
      expect(res.stdout).not.toContain('Building');
    });
  }
});
