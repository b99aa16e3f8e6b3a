// worker-mailer 1.2.1 reads a server's reply with `let { value } = await reader.read(); if (!value)
// continue;`. At the end of the stream — the server closed the connection, as it does after a 421 —
// every read resolves at once with no value, so that loop spins forever on resolved promises: the
// library's own timeout is a timer, which never gets to run, and the Worker is killed before the
// failure is recorded (the next try then mails the recipients it had reached again). This reads a
// reply the same way but fails at the end of the stream. Checked by tests/worker/channels.test.ts
// (a server that closes the connection mid-send) and tests/unit/smtp-read.test.ts (the library's
// code is still the one this replaces: an upgrade says so).
import { WorkerMailer } from 'worker-mailer';

/** The loop this replaces, as worker-mailer 1.2.1 writes it. */
const SPINS_AT_END = 'if(!t)continue';

/** One reply of the server. A reply in Chinese may be split inside a character between two reads:
 *  the decoder keeps the character's first bytes for the next (`stream`). */
export async function read(this: { reader: ReadableStreamDefaultReader<Uint8Array> }): Promise<string> {
  const decoder = new TextDecoder();
  let reply = '';
  for (;;) {
    const { value, done } = await this.reader.read();
    if (done) throw new Error('the SMTP server closed the connection');
    if (!value) continue;
    reply += decoder.decode(value, { stream: true });
    if (!reply.endsWith('\n')) continue;
    // A reply ends with a line whose code is not followed by "-" (250-… continues, 250 ends).
    const lines = reply.split(/\r?\n/);
    if (!/^\d+-/.test(lines[lines.length - 2])) return reply;
  }
}

const proto = WorkerMailer.prototype as unknown as { read: () => Promise<string> };
if (String(proto.read).includes(SPINS_AT_END)) proto.read = read;
