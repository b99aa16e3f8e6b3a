// `npm start` and `npm run dev` told something they cannot use: one English line, exit 1, no stack.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
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

describe('the local commands, given a PORT something already listens on', () => {
  for (const [command, script] of [
    ['npm start', 'scripts/start.ts'],
    ['npm run dev', 'scripts/dev.ts'],
  ]) {
    it(`${command} says so before building or starting anything, with the way round it`, async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const port = (taken.address() as { port: number }).port;
      try {
        // Asynchronous: this process must go on answering on the port while the command looks at it.
        const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: String(port) } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const code = await new Promise((resolve) => child.on('exit', resolve));
        expect([code, stderr.trim()]).toEqual([
          1,
          `${command}: port ${port} is in use (another npm start or npm run dev?): stop that, or choose another, e.g. PORT=${port + 1}`,
        ]);
        expect(stdout).not.toContain('Building');
      } finally {
        taken.close();
      }
    });
  }
});
