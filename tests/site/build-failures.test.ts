// The build refuses content that would mislead customers, and says why.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, buildWith, replace } from './helpers.ts';

describe('the build fails with a clear message', () => {
  it('when an independent brand claims to be official', async () => {
    const { code, output } = await buildWith((dir) => append(join(dir, 'brands/jianxia.md'), '\n本店是坚匣官方售后服务中心。\n'));
    expect(code).not.toBe(0);
    expect(output).toContain('Brand "jianxia" is serviced independently, but its content claims a tie to the brand owner');
    expect(output).toContain('"官方"');
    expect(output).toContain('relationship: authorized');
  });

  it('when an authorization has expired, or a region code does not exist', async () => {
    const expired = await buildWith((dir) =>
      replace(join(dir, 'brands/qimen.md'), 'validUntil: 2030-12-31', 'validUntil: 2020-01-01'),
    );
    expect(expired.code).not.toBe(0);
    expect(expired.output).toMatch(/authorization from 栖门智能科技有限公司（虚构） \(QM-SQ-2026-0001\) expired on 2020-01-01/);
    const unknown = await buildWith((dir) => replace(join(dir, 'coverage/nuanchuan.yaml'), '"620200"', '"629999"'));
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain('region code 629999 is not a GB/T 2260 region');
  });

  it('when a coverage place is ambiguous, listing the candidates', async () => {
    const { code, output } = await buildWith((dir) => append(join(dir, 'coverage/nuanchuan.yaml'), '  - place: 鼓楼区\n'));
    expect(code).not.toBe(0);
    expect(output).toContain('place "鼓楼区" is ambiguous');
    expect(output).toContain('350102 福建省 福州市 鼓楼区');
  });
});
