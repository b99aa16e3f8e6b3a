import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../functions/leads/phone.ts';
import * as z from 'zod';
import { fieldErrors, parseLead } from '../../functions/leads/schema.ts';
import { newReference } from '../../functions/leads/reference.ts';

const valid = { name: '王先生', phone: '13812341234', region: '433101', description: '打不开', consent: 'on' };

describe('phone numbers', () => {
  it.each([
    ['13812341234', '+8613812341234'],
    ['138 1234 1234', '+8613812341234'],
    ['+86 138-1234-1234', '+8613812341234'],
    ['0743-8521234', '+867438521234'],
    ['（010）62345678', '+861062345678'],
  ])('normalizes %s to %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each(['12345', '1381234123', '400-000-0000', '+1 650 253 0000', 'abc', ''])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('masks for logs', () => {
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskPhone('+867438521234')).toBe('074****1234');
  });
});

describe('lead schema', () => {
  it('accepts a form post and normalizes it', () => {
    const lead = parseLead({ ...valid, brand: '', address: '  ', requestId: '' }).data!;
    expect(lead).toMatchObject({ phone: '+8613812341234', consent: true });
    expect(lead.brand).toBeUndefined();
    expect(lead.address).toBeUndefined();
    expect(lead.requestId).toBeUndefined();
  });

  it("answers in Chinese even where zod's own message applies, and leaves zod's global locale alone", () => {
    const notAnObject = parseLead('name=王先生');
    expect(notAnObject.error?.issues[0].message).toMatch(/无效输入/);
    // Another schema parsed in the same process keeps zod's default (English) messages.
    expect(z.string().safeParse(1).error?.issues[0].message).toMatch(/^Invalid input/);
  });

  it('explains every problem in Chinese, one message per field', () => {
    const result = parseLead({
      name: 'x'.repeat(21),
      phone: '1',
      region: '4331',
      description: '',
      consent: false,
      requestId: 'nope',
    });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors).toEqual({
      name: '称呼最多 20 个字',
      phone: '请填写有效的手机号或固定电话（固话请带区号）',
      region: '请选择所在地区',
      description: '请简单描述需要维修的问题',
      consent: '请阅读并同意隐私政策后提交',
      requestId: '请求编号无效，请刷新页面后重试',
    });
  });

  it('requires consent, whatever the spelling of "no"', () => {
    for (const consent of [undefined, '', 'off', false, 'false']) {
      expect(parseLead({ ...valid, consent }).success).toBe(false);
    }
  });

  it('only takes a same-site page path', () => {
    expect(parseLead({ ...valid, page: '/hunan/' }).success).toBe(true);
    expect(parseLead({ ...valid, page: '//evil.example/' }).success).toBe(false);
    expect(parseLead({ ...valid, page: 'https://evil.example/' }).success).toBe(false);
  });
});

describe('references', () => {
  it('are dated by the day in Beijing, and six random digits', () => {
    expect(newReference(new Date('2026-11-22T10:00:00Z'))).toMatch(/^BX-261122-\d{6}$/);
    // The day in Beijing: 07:30 there on 23 November is still the 22nd in UTC.
    expect(newReference(new Date('2026-11-22T23:30:00Z'))).toMatch(/^BX-261123-\d{6}$/);
    const many = new Set(Array.from({ length: 200 }, () => newReference()));
    expect(many.size).toBeGreaterThan(195);
  });
});
