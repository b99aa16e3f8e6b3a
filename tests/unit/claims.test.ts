import { describe, expect, it } from 'vitest';
import { brandClaims, describeClaims, operatorClaims } from '../../src/lib/claims.ts';

describe('impersonation claims', () => {
  it.each([
    '官方售后',
    '厂家直修',
    '原厂配件',
    '总部直派',
    '授权网点',
    '特约维修',
    'Official service',
    'the manufacturer',
    'Authorised centre',
    'HQ hotline',
  ])('finds "%s"', (text) => {
    expect(brandClaims([{ where: 'x', text }])).toHaveLength(1);
  });

  it('passes plain service text', () => {
    expect(brandClaims([{ where: 'x', text: '上门开锁、换锁，维修前核验身份。Highly rated.' }])).toEqual([]);
  });

  it('lets an operator mention authorization, never being the brand owner', () => {
    expect(operatorClaims([{ where: 'x', text: '某品牌授权服务商' }])).toEqual([]);
    expect(operatorClaims([{ where: 'x', text: '某品牌官方售后' }])).toHaveLength(1);
  });

  it('says where and what', () => {
    const message = describeClaims(
      'Brand "a":',
      brandClaims([{ where: 'brands/a.md description', text: '我们是官方售后中心' }]),
      'Fix it.',
    );
    expect(message).toContain('brands/a.md description: "官方"');
    expect(message).toContain('Fix it.');
  });
});
