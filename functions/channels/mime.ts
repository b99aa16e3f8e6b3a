// The raw message for Cloudflare's send_email binding, made with mimetext: a plain-text and an HTML
// part, each in base64 in lines of 76 (RFC 2045). mimetext's default labels a part 7bit and leaves
// its text as it is, but UTF-8 Chinese is not 7bit, and a description of 2,000 characters on one
// line passes SMTP's 998 octets a line (RFC 5321), which a relay may break mid-character. mimetext
// writes the header; the encoding (js-base64, mimetext's own) and the line breaks are done here.
// Its browser build: CRLF between lines, as RFC 5322 has them (the Node build takes os.EOL, \n).
import { createMimeMessage } from 'mimetext/browser';
import { asHtml, asText, type LeadMessage } from './message.ts';

type MimeMessage = ReturnType<typeof createMimeMessage>;

/** Text in its canonical form (CRLF line breaks, RFC 2046), base64 in lines of 76. */
const base64Lines = (mime: MimeMessage, text: string) =>
  mime.toBase64(text.replace(/\r?\n/g, '\r\n')).replace(/.{76}(?=.)/g, '$&\r\n');

export function bindingMime(
  message: LeadMessage,
  from: string | { name: string; email: string },
  to: string[],
  deliveryId: string,
): string {
  const mime = createMimeMessage();
  mime.setSender(typeof from === 'string' ? from : { name: from.name, addr: from.email });
  mime.setRecipients(to);
  mime.setSubject(message.subject);
  mime.setHeader('X-Baoxiu-Delivery', deliveryId);
  mime.addMessage({ contentType: 'text/plain', encoding: 'base64', data: base64Lines(mime, asText(message)) });
  mime.addMessage({ contentType: 'text/html', encoding: 'base64', data: base64Lines(mime, asHtml(message)) });
  return mime.asRaw();
}
