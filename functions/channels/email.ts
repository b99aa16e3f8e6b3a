// E-mail: over SMTP with worker-mailer (Cloudflare TCP sockets; implicit TLS for smtps://, STARTTLS
// where the server offers it, which is why a password needs smtps://: index.ts), or through
// Cloudflare's send_email binding with a MIME message from mimetext (mime.ts). One message a
// recipient either way; plain-text and HTML parts; worker-mailer and mimetext encode the Chinese subject.
import { LogLevel, WorkerMailer } from 'worker-mailer';
import { toEach, type Channel } from './channel.ts';
import { asHtml, asText, leadMessage } from './message.ts';
import { bindingMime, foldedSubject } from './mime.ts';
import './smtp-read.ts';

export interface SmtpSettings {
  url: URL; // smtp://user:pass@host:port or smtps://…
  from: string;
  to: string[];
  timeoutMs?: number;
}

export function smtpEmail(cfg: SmtpSettings): Channel {
  const secure = cfg.url.protocol === 'smtps:';
  return {
    name: 'email-smtp',
    async send(lead, _env, delivery) {
      const message = leadMessage(lead, delivery);
      const username = decodeURIComponent(cfg.url.username);
      const timeoutMs = cfg.timeoutMs ?? 10_000;
      let mailer: WorkerMailer;
      try {
        mailer = await WorkerMailer.connect({
          host: cfg.url.hostname,
          port: smtpPort(cfg.url),
          secure,
          startTls: !secure,
          ...(username
            ? { credentials: { username, password: decodeURIComponent(cfg.url.password) }, authType: ['plain', 'login'] }
            : {}),
          logLevel: LogLevel.NONE,
          socketTimeoutMs: timeoutMs,
          responseTimeoutMs: timeoutMs,
        });
      } catch (err) {
        throw new Error(`email-smtp: ${messageOf(err)}`);
      }
      // A server that refuses one address (RCPT) would otherwise hold the mail back from every other.
      // A recipient waits up to six replies: the RSET after the last one's failure, MAIL, RCPT, DATA,
      // the message, then QUIT.
      const startBy = delivery.until === undefined ? Infinity : delivery.until - 6 * timeoutMs;
      try {
        await toEach('email-smtp', delivery.to ?? cfg.to, startBy, (address) =>
          mailer.send({
            from: mailbox(cfg.from),
            to: address,
            subject: message.subject,
            text: asText(message),
            html: asHtml(message),
            // Folded: worker-mailer keeps a Subject header given (its own is one encoded word of ~250).
            headers: { 'X-Baoxiu-Delivery': delivery.id, Subject: foldedSubject(message.subject) },
          }),
        );
      } finally {
        await mailer.close().catch(() => {});
      }
    },
  };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The port of an SMTP_URL: its own, else 465 for smtps:// and 587 (submission) for smtp://. */
export const smtpPort = (url: URL) => Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587);

/** `报修 <leads@example.com>` → { name, email }; a bare address as it is. */
function mailbox(address: string): string | { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(address);
  return m ? { name: m[1].replace(/^"|"$/g, ''), email: m[2] } : address.trim();
}

export function bindingEmail(cfg: { from: string; to: string[] }): Channel {
  return {
    name: 'email-binding',
    async send(lead, env, delivery) {
      const binding = env.SEND_EMAIL;
      if (!binding) throw new Error('email-binding: no send_email binding named SEND_EMAIL');
      const { EmailMessage } = await import('cloudflare:email');
      const message = leadMessage(lead, delivery);
      const to = delivery.to ?? cfg.to;
      // The header may name the sender (报修 <leads@…>); the envelope is the bare address.
      const sender = mailbox(cfg.from);
      const envelope = typeof sender === 'string' ? sender : sender.email;
      // The binding takes one recipient per message.
      const raw = bindingMime(message, sender, to, delivery.id);
      // One call a recipient, with no reply to wait for beyond it.
      await toEach('email-binding', to, Infinity, (address) => binding.send(new EmailMessage(envelope, address, raw)));
    },
  };
}
