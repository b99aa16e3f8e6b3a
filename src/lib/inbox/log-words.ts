// The operator log in words, as the owner's staff page lists it (functions/staff/log.ts keeps it).
import { FIRST_PASSWORD, type Action, type LogEntry } from '../../../functions/staff/log.ts';

const ACTIONS: Record<Action, string> = {
  'add-staff': '添加员工',
  'disable-staff': '停用员工',
  'setup-link': '发放设置链接',
  'revoke-session': '结束一个会话',
  'forget-customer': '删除一位客户的数据',
  'add-passkey': '添加通行密钥',
  'remove-passkey': '删除通行密钥',
  'complete-setup': '用设置链接设了新密码（原来的登录和通行密钥随之失效）',
  'export-leads': '导出报修',
  'enable-staff': '重新启用员工',
  'change-password': '修改了自己的密码',
};

/** One entry in words: a new user's first password ended nothing; a forget says how many leads, an
 *  export how many (or, the admin API reading one lead, its reference), a passkey's removal or a
 *  password's change how many sessions it ended (a passkey's: a count since migration 0018). */
export function logWords(e: Pick<LogEntry, 'action' | 'detail'>): string {
  if (e.action === 'complete-setup' && e.detail === FIRST_PASSWORD) return '用设置链接设了密码（第一次）';
  const what = ACTIONS[e.action] ?? e.action;
  if (!e.detail || e.action === 'complete-setup') return what;
  const count = /^\d+$/.test(e.detail);
  if (e.action === 'remove-passkey' && count)
    return e.detail === '0' ? what : `${what}（用它登录的另外 ${e.detail} 个会话随之退出）`;
  if (e.action === 'change-password' && count) return e.detail === '0' ? what : `${what}（另外 ${e.detail} 个会话随之退出）`;
  if (e.action === 'forget-customer' || (e.action === 'export-leads' && count)) return `${what}（${e.detail} 条报修）`;
  return `${what} ${e.detail}`;
}
