// What every channel says about a lead, in one place: a subject, labelled lines, and the same as
// escaped HTML and escaped Markdown. The operator-facing text carries the full phone to call back.
import { html, raw } from 'hono/html';
import { shownPhone } from '../leads/phone-forms.ts';
import { beijingTime } from '../web/beijing-time.ts';
import type { StoredLead } from '../rows.ts';
import type { Outgoing } from './channel.ts';

export interface LeadMessage {
  subject: string;
  lines: [label: string, value: string][];
  /** The lead's page in the inbox. */
  link?: string;
}

/** `about`: the delivery this message is for — its link, the operator's name, and whether it says
 *  the lead was cancelled. */
export function leadMessage(lead: StoredLead, about: Pick<Outgoing, 'link' | 'kind' | 'operator'> = {}): LeadMessage {
  const { link, kind, operator = '报修' } = about;
  // A lead's notice late in its retries (the channel was down) may go out after the lead was
  // cancelled: the row is read afresh at each attempt, so the notice says so.
  const late = kind !== 'cancel' && lead.stage === 'cancelled';
  const lines: [string, string | null][] = [
    ['进度', kind === 'cancel' ? '客户已在进度页取消这条报修' : late ? '这条报修在本通知送达前已取消，无需上门' : null],
    ['单号', lead.reference],
    ['地区', lead.region_name],
    ['品牌', lead.brand_name],
    ['称呼', lead.name],
    ['电话', shownPhone(lead.phone)],
    ['问题', lead.description],
    ['地址', lead.address],
    ['方便上门时间', lead.preferred_time],
    ['提交时间', `${beijingTime(lead.created_at)}（北京时间）`],
  ];
  return {
    subject: `[${operator}] ${kind === 'cancel' ? '客户取消' : late ? '已取消的报修' : '新报修'} ${lead.reference} · ${lead.region_name}${lead.brand_name ? ` · ${lead.brand_name}` : ''}`,
    lines: lines.filter((l): l is [string, string] => Boolean(l[1])),
    link,
  };
}

const LINK_LABEL = '在收件箱处理';

export const asText = (m: LeadMessage) =>
  [...m.lines.map(([k, v]) => `${k}：${v}`), ...(m.link ? [`${LINK_LABEL}：${m.link}`] : [])].join('\n');

/** Hono's html template escapes every value. */
export const asHtml = (m: LeadMessage) =>
  String(
    html`<!doctype html>
      <html lang="zh-CN">
        <body>
          <h2>${m.subject}</h2>
          <table>
            ${raw(
              m.lines
                .map(([k, v]) =>
                  String(
                    html`<tr>
                      <th align="left">${k}</th>
                      <td>${v}</td>
                    </tr>`,
                  ),
                )
                .join(''),
            )}
          </table>
          ${m.link ? html`<p><a href="${m.link}">${LINK_LABEL}</a></p>` : ''}
        </body>
      </html>`,
  );

/** Customer text for a chat: no tag (Feishu's <at user_id="all"> would call the whole group, WeCom's
 *  <font> restyle) and no address a client would make a link of (http://…, www.…, evil.cn/pay): angle
 *  brackets, the scheme's colon and a dot before letters become full-width, the text still readable
 *  (3.5 stays as it is). */
const chatSafe = (s: string) =>
  s
    .replace(/</g, '＜')
    .replace(/>/g, '＞')
    .replace(/:\/\//g, '：//')
    .replace(/([\p{L}\p{N}-])\.(?=[a-z])/giu, '$1．');

/** Plain text for a chat (Feishu's text message): the lines chat-safe; the inbox link, ours, stays one. */
export const asChatText = (m: LeadMessage) =>
  [m.subject, ...m.lines.map(([k, v]) => `${k}：${chatSafe(v)}`), ...(m.link ? [`${LINK_LABEL}：${m.link}`] : [])].join('\n');

/** Markdown for the IM robots: customer text cannot add links, emphasis or tags such as WeCom's
 *  <font>: chat-safe, and the rest backslash-escaped. */
const escapeMarkdown = (s: string) =>
  chatSafe(s)
    .replace(/[\\`*_[\]()~]/g, (c) => `\\${c}`)
    // Every line break CommonMark knows (a plain form post sends CRLF): none may start a line of its own.
    .replace(/\r\n?|\n/g, ' ');

/** The link is ours (an https URL with a UUID path), not the customer's: written as a Markdown link. */
export const asMarkdown = (m: LeadMessage) =>
  [
    `### ${escapeMarkdown(m.subject)}`,
    ...m.lines.map(([k, v]) => `> **${k}**：${escapeMarkdown(v)}`),
    ...(m.link ? [`[${LINK_LABEL}](${m.link})`] : []),
  ].join('\n');
