// functions/channels/smtp-read.ts replaces worker-mailer's reply reader, which spins forever once the
// server has closed the connection. Its behaviour is tested in workerd (tests/worker/channels.test.ts);
// this says when an upgrade changed the code it replaces, so the replacement is looked at again.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

it("still replaces worker-mailer's reply reader: the library's own still spins at the end of the stream", () => {
  const library = readFileSync(createRequire(import.meta.url).resolve('worker-mailer'), 'utf8');
  const source = readFileSync('functions/channels/smtp-read.ts', 'utf8');
  const spins = source.match(/SPINS_AT_END = '([^']+)'/)![1];
  expect(library).toContain(`let{value:t}=await this.reader.read();${spins}`);
  expect(JSON.parse(readFileSync('node_modules/worker-mailer/package.json', 'utf8')).version).toBe('1.2.1');
});
