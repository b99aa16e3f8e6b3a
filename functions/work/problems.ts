// What can be wrong when working a lead, by code: the handlers answer with the message (JSON) or send
// a browser back to the lead's page with ?problem=<code>, which shows it. Codes, not text, in URLs:
// nobody can make the inbox show words of their own through a link.
import { typedMinute } from '../web/beijing-time.ts';
import { STAGES, type Stage } from './stages.ts';

export const PROBLEMS = {
  stage: [400, '请选择新的进度。'],
  time: [400, '已预约需要填写约定的上门时间，如 2026-11-25 09:30。'],
  reason: [400, '取消需要填写原因。'],
  reasonLong: [400, '原因最多 200 个字。'],
  // A time or a reason under another stage would be dropped: said, not lost.
  timeUnused: [400, '上门时间只用于“已预约”：请选“已预约”，或清空上门时间。'],
  reasonUnused: [400, '取消原因只用于“已取消”：请选“已取消”，或清空取消原因。'],
  delivered: [409, '这条通知已经送达，不用重新发送。'],
  staff: [400, '没有这个员工。'],
  note: [400, '备注不能为空。'],
  noteLong: [400, '备注最多 1000 个字。'],
  confirm: [400, '请勾选确认后再删除。'],
  'not-found': [404, '没有这条报修（可能已按保留期删除）。'],
  'not-allowed': [409, '这条报修的当前进度不能这样改。'],
  conflict: [409, '这条报修刚被别人改过：请先查看它现在的进度，再决定是否保存。'],
  spam: [409, '这条报修在“垃圾”文件夹里：请先移回收件箱，再改进度。'],
  spamValue: [400, '请用页面上的按钮标记为垃圾或移回收件箱。'],
  unreadable: [409, '这条报修无法解密（写入它的密钥已不在 LEADS_ENCRYPTION_KEY 中），不能移回收件箱。'],
  timePast: [400, '上门时间已经过去一天以上，请检查日期。'],
  timeFar: [400, '上门时间在半年以后，请检查日期。'],
} as const satisfies Record<string, readonly [number, string]>;

export type Problem = keyof typeof PROBLEMS;

export const problemMessage = (code: string | null) =>
  code && Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code as Problem][1] : undefined;

/** What the stage form held, sent back with its problem for the lead's page to fill the form in again
 *  (a visit time picked on a phone is slow to pick twice): a stage and a time of their own formats
 *  only, read the same way from the post and from the link — no free text reaches the page. */
export function keptStage(from: { get(name: string): string | null | undefined }): { stage?: Stage; appointmentAt?: string } {
  const stage = from.get('stage') ?? '';
  const at = typedMinute(from.get('appointmentAt'));
  return {
    ...(STAGES.includes(stage as Stage) ? { stage: stage as Stage } : {}),
    ...(at ? { appointmentAt: at } : {}),
  };
}
