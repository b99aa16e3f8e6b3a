// The operator log as the owner's staff page words it (src/lib/inbox/log-words.ts).
import { describe, expect, it } from 'vitest';
import { FIRST_PASSWORD } from '../../functions/staff/log.ts';
import { logWords } from '../../src/lib/inbox/log-words.ts';

describe('the operator log in words', () => {
  it('says how many: leads forgotten or exported, sessions a passkey removal or a password change ended', () => {
    expect(logWords({ action: 'forget-customer', detail: '3' })).toBe('删除一位客户的数据（3 条报修）');
    expect(logWords({ action: 'export-leads', detail: '12' })).toBe('导出报修（12 条报修）');
    // The admin API reading one lead: its reference.
    expect(logWords({ action: 'export-leads', detail: 'BX-261204-123456' })).toBe('导出报修 BX-261204-123456');
    expect(logWords({ action: 'remove-passkey', detail: '2' })).toBe('删除通行密钥（用它登录的另外 2 个会话随之退出）');
    expect(logWords({ action: 'remove-passkey', detail: '0' })).toBe('删除通行密钥');
    // Before migration 0018 the detail was the user's name, which the entry already names.
    expect(logWords({ action: 'remove-passkey', detail: '工12' })).toBe('删除通行密钥 工12');
    expect(logWords({ action: 'change-password', detail: '1' })).toBe('修改了自己的密码（另外 1 个会话随之退出）');
    expect(logWords({ action: 'change-password', detail: '0' })).toBe('修改了自己的密码');
  });

  it('words the setup link: a first password ended nothing, a new one ended the old sign-ins', () => {
    expect(logWords({ action: 'complete-setup', detail: FIRST_PASSWORD })).toBe('用设置链接设了密码（第一次）');
    expect(logWords({ action: 'complete-setup', detail: '2' })).toBe('用设置链接设了新密码（原来的登录和通行密钥随之失效）');
    expect(logWords({ action: 'add-staff', detail: '李师傅' })).toBe('添加员工 李师傅');
    expect(logWords({ action: 'revoke-session', detail: null })).toBe('结束一个会话');
  });
});
