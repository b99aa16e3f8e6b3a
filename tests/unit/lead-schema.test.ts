import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, readPhone } from '../../functions/leads/phone.ts';
import { dialable, nationalPhone, shownPhone, telHref } from '../../functions/leads/phone-forms.ts';
import * as z from 'zod';
import { fieldErrors, parseLead } from '../../functions/leads/schema.ts';
import { newReference } from '../../functions/leads/reference.ts';
import { leadEndpoint } from '../../src/contract/lead-fields.ts';

const valid = { name: '王先生', phone: '13812341234', region: '433101', description: '打不开', consent: 'on', abroad: 'on' };

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

  it.each([
    ['0731-88886666转8001', '+8673188886666;ext=8001'],
    ['0731-8888 6666 转 8001', '+8673188886666;ext=8001'],
    ['（0731）88886666分机8001', '+8673188886666;ext=8001'],
    ['0731-88886666分机号 8001', '+8673188886666;ext=8001'],
    ['0731-88886666#8001', '+8673188886666;ext=8001'],
    ['0731-88886666 ext. 8001', '+8673188886666;ext=8001'],
    ['021-58888888,123', '+862158888888;ext=123'],
  ])('keeps the extension of %s: %s', (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
  });

  it('says when a valid number is outside mainland China', () => {
    expect(readPhone('+852 9123 4567')).toEqual({ problem: 'abroad' });
    expect(readPhone('+1 650 253 0000')).toEqual({ problem: 'abroad' });
    expect(readPhone('1381234123')).toEqual({ problem: 'invalid' });
  });

  it('writes a stored number as a reader, a dialer and a tail need it', () => {
    expect(nationalPhone('+8613812341234')).toBe('13812341234');
    // A landline keeps its trunk 0 (dialled within China), and its extension after 转.
    expect(nationalPhone('+8673188886666')).toBe('073188886666');
    expect(nationalPhone('+8673188886666;ext=8001')).toBe('073188886666转8001');
    // As staff read it: the area code apart (three digits for 010 and 02x, four for the rest).
    expect(shownPhone('+8673188886666;ext=8001')).toBe('0731-88886666转8001');
    expect(shownPhone('+8676922334455')).toBe('0769-22334455');
    expect(shownPhone('+861088886666')).toBe('010-88886666');
    expect(shownPhone('+862088886666')).toBe('020-88886666');
    expect(shownPhone('+867378888666')).toBe('0737-8888666'); // a seven-digit local number
    expect(shownPhone('+8613812341234')).toBe('13812341234');
    expect(nationalPhone('+861062345678')).toBe('01062345678'); // Beijing: area code 10, not a mobile
    expect(maskPhone('+861062345678')).toBe('010****5678');
    expect(dialable('+8673188886666;ext=8001')).toBe('+8673188886666');
    expect(telHref('+8673188886666;ext=8001')).toBe('tel:+8673188886666,8001');
    expect(telHref('+8613812341234')).toBe('tel:+8613812341234');
  });

  it('masks for logs', () => {
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskPhone('+867438521234')).toBe('074****1234');
    expect(maskPhone('+8673188886666;ext=8001')).toBe('073****6666');
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
      abroad: '请勾选同意将报修信息存放在境外服务器后提交（页面上没有这一项的，请刷新页面）；不同意的，请直接拨打服务电话。',
      requestId: '请求编号无效，请刷新页面后重试',
    });
  });

  it('requires consent, whatever the spelling of "no", and the consent to storage abroad of its own', () => {
    for (const no of [undefined, '', 'off', false, 'false']) {
      expect(parseLead({ ...valid, consent: no }).success).toBe(false);
      expect(fieldErrors(parseLead({ ...valid, abroad: no }).error!)).toEqual({
        abroad: '请勾选同意将报修信息存放在境外服务器后提交（页面上没有这一项的，请刷新页面）；不同意的，请直接拨打服务电话。',
      });
    }
  });

  it('tells a customer with a number abroad that only mainland numbers are taken', () => {
    expect(fieldErrors(parseLead({ ...valid, phone: '+852 9123 4567' }).error!).phone).toBe(
      '目前只受理中国大陆的电话号码，请填写大陆手机号或固定电话',
    );
  });

  it('counts a line break once, as the form did, whichever way it was sent', () => {
    // 496 characters and four line breaks: what maxlength="500" lets a customer type.
    const typed = Array.from({ length: 5 }, () => '一'.repeat(99)).join('\n') + '一';
    expect([...typed].length).toBe(500);
    const posted = parseLead({ ...valid, description: typed.replaceAll('\n', '\r\n') });
    expect(posted.success).toBe(true);
    expect(posted.data!.description).toBe(typed);
    expect(parseLead({ ...valid, description: typed + '一' }).success).toBe(false);
  });

  it('keeps blanks inside a value, and drops those at its ends (a loop: a regex was quadratic in them)', () => {
    expect(parseLead({ ...valid, description: ' \u200B打不开   换锁 \uFEFF ' }).data!.description).toBe('打不开   换锁');
    expect(fieldErrors(parseLead({ ...valid, description: 'ab' + ' '.repeat(16_000) + 'c' }).error!).description).toBe(
      '问题描述最多 500 个字',
    );
  });

  it('takes emoji made with a zero-width joiner, and drops invisible marks a paste left at the ends', () => {
    const lead = parseLead({
      ...valid,
      description: '热水器又坏了🤦‍♂️',
      address: '\u200B乾州街道 1 号\uFEFF',
      name: '\u2060王先生',
    }).data!;
    expect(lead.description).toBe('热水器又坏了🤦‍♂️');
    expect(lead.address).toBe('乾州街道 1 号');
    expect(lead.name).toBe('王先生');
    // Inside a value they could disguise it: still refused, saying what to do.
    expect(fieldErrors(parseLead({ ...valid, name: '王\u200B先生' }).error!).name).toBe(
      '称呼含有看不见的特殊字符，请删掉后重新输入',
    );
  });

  it('only takes a same-site page path', () => {
    expect(parseLead({ ...valid, page: '/hunan/' }).success).toBe(true);
    expect(parseLead({ ...valid, page: '//evil.example/' }).success).toBe(false);
    expect(parseLead({ ...valid, page: 'https://evil.example/' }).success).toBe(false);
  });
});

describe("the form's endpoint", () => {
  it('is the Worker beside the pages unless the build names another, an empty setting included', () => {
    expect(leadEndpoint(undefined)).toBe('/api/leads');
    // GitHub Actions passes a variable left unset as "": the form would post to its own page.
    expect(leadEndpoint('')).toBe('/api/leads');
    expect(leadEndpoint(' ')).toBe('/api/leads');
    expect(leadEndpoint('https://api.example.cn/api/leads')).toBe('https://api.example.cn/api/leads');
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
