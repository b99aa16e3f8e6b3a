// The raw message for Cloudflare's send_email binding, made with mimetext: a plain-text and an HTML
// part, each in base64 in lines of 76 (RFC 2045). mimetext's default labels a part 7bit and leaves
// its text as it is, but UTF-8 Chinese is not 7bit, and a description of 2,000 characters on one
// line passes SMTP's 998 octets a line (RFC 5321), which a relay may break mid-character. mimetext
// writes the header; the encoding (js-base64, mimetext's own) and the line breaks are done here.
// Its browser build: CRLF between lines, as RFC 5322 has them (the Node build takes os.EOL, \n).
// The subject is folded here too (foldedSubject; the SMTP channel's too).
import { createMimeMessage } from 'mimetext/browser';
import { asHtml, asText, type LeadMessage } from './message.ts';

type MimeMessage = ReturnType<typeof createMimeMessage>;

const utf8 = new TextEncoder();

/** The subject as RFC 2047 encoded words, one a line (folded), each of whole characters and its
 *  line under 76 characters: mimetext and worker-mailer write one word of any length (a 50-character
 *  Chinese subject is one of 200). 39 bytes of UTF-8 make 52 of base64, 64 with =?UTF-8?B?…?=, 73
 *  after `Subject: `. */
export function foldedSubject(subject: string): string {
  const words = [''];
  for (const ch of subject) {
    if (utf8.encode(words.at(-1)! + ch).length > 39) words.push('');
    words[words.length - 1] += ch;
  }
  const base64 = (w: string) => btoa(Array.from(utf8.encode(w), (b) => String.fromCharCode(b)).join(''));
  return words.map((w) => `=?UTF-8?B?${base64(w)}?=`).join('\r\n ');
}

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
  return mime.asRaw().replace(/^Subject: [^\r\n]*/m, () => `Subject: ${foldedSubject(message.subject)}`);
}
