// The send_email binding's message (functions/channels/mime.ts), read back by a real MIME parser.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { bindingMime } from '../../functions/channels/mime.ts';
import type { LeadMessage } from '../../functions/channels/message.ts';

const description = '保险柜打不开，'.repeat(300) + '\n第二行 <b>不是标签</b>';
const message: LeadMessage = {
  subject: '[安家修（示例）] 新报修 BX-261203-123456 · 湖南省 湘西土家族苗族自治州 吉首市 · 坚匣',
  lines: [
    ['单号', 'BX-261203-123456'],
    ['问题', description],
  ],
  link: 'https://baoxiu.example.com/admin/leads/x/',
};

describe('the send_email binding message', () => {
  it('carries both parts in base64 and the subject folded, in lines of at most 78, and reads back as written', async () => {
    const raw = bindingMime(message, { name: '报修派单', email: 'leads@baoxiu.test' }, ['dispatch@baoxiu.test'], 'd-1');
    // RFC 5322: at most 998 octets a line, 78 recommended; RFC 2045: base64 lines of at most 76.
    const long = raw.split('\r\n').filter((l) => Buffer.byteLength(l) > 78);
    expect(long).toEqual([]);
    // RFC 2047: an encoded word is at most 75 characters; the subject is folded over several.
    const words = raw.match(/=\?UTF-8\?B\?[^?]*\?=/gi)!;
    expect(words.length).toBeGreaterThan(2);
    expect(words.filter((w) => w.length > 75)).toEqual([]);
    expect(raw.match(/Content-Transfer-Encoding: base64/g)).toHaveLength(2);
    expect(raw).not.toMatch(/[^\x00-\x7f]/); // nothing but ASCII on the wire
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(message.subject);
    expect(mail.from?.value).toEqual([{ name: '报修派单', address: 'leads@baoxiu.test' }]);
    expect(mail.headers.get('x-baoxiu-delivery')).toBe('d-1');
    expect(mail.text).toContain(`问题：${description}`);
    expect(mail.html).toContain('第二行 &lt;b&gt;不是标签&lt;/b&gt;');
    expect(mail.html).toContain('href="https://baoxiu.example.com/admin/leads/x/"');
  });
});
