// The build refuses content that would mislead customers, and says why: every problem at once, so an
// operator fixes them all after one build (one build here, too: each takes ~15 s of CI).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { append, buildWith, replace } from './helpers.ts';

const LONG_ID = 'a-brand-whose-file-name-is-far-too-longxx';

describe('the build fails with a clear message for each problem of the content', () => {
  let build: Awaited<ReturnType<typeof buildWith>>;
  beforeAll(async () => {
    build = await buildWith((dir) => {
      append(join(dir, 'brands/jianxia.md'), '\n本店是坚匣官方售后服务中心。\n');
      replace(join(dir, 'brands/qimen.md'), 'validUntil: 2030-12-31', 'validUntil: 2020-01-01');
      replace(join(dir, 'coverage/nuanchuan.yaml'), '"620200"', '"629999"');
      // An entry that does not resolve is still read for claims.
      append(join(dir, 'coverage/nuanchuan.yaml'), '  - place: 鼓楼区\n    note: 厂家授权网点\n');
      // Read with a warning: a town covers its county, where pages end.
      append(join(dir, 'coverage/nuanchuan.yaml'), '  - place: 文昌市龙楼镇\n');
      rmSync(join(dir, 'routes.yaml')); // optional: its absence is no problem, and no warning
      // An id longer than the lead form takes: every lead for it would be refused.
      writeFileSync(
        join(dir, `brands/${LONG_ID}.md`),
        '---\nname: 长名（虚构）\ncategory: 家电\nrelationship: independent\n---\n长名是一个虚构的示例品牌。\n',
      );
    });
  }, 180_000);

  it('fails, and lists the six problems', () => {
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('6 problems in the content:');
  });

  it("when a brand's id is longer than the lead form takes", () => {
    expect(build.output).toContain(
      `brands/${LONG_ID}: the id (its file name, or slug) has 41 characters; the lead form takes at most 40.`,
    );
  });

  it('and nothing else: no routes.yaml is not a problem, nor a warning', () => {
    expect(build.output).not.toContain('routes.yaml');
    expect(build.output).not.toMatch(/collection "routing" does not exist/);
  });

  it('when an independent brand claims to be official', () => {
    expect(build.output).toContain('Brand "jianxia" is serviced independently, but its content claims a tie to the brand owner');
    expect(build.output).toContain('"官方"');
    expect(build.output).toContain('relationship: authorized');
  });

  it('when an authorization has expired, or a region code does not exist', () => {
    expect(build.output).toMatch(/authorization from 栖门智能科技有限公司（虚构） \(QM-SQ-2026-0001\) expired on 2020-01-01/);
    expect(build.output).toContain('region code 629999 is not a GB/T 2260 region');
  });

  it('when a coverage place is ambiguous, listing the candidates', () => {
    expect(build.output).toContain('place "鼓楼区" is ambiguous');
    expect(build.output).toContain('350102 福建省 福州市 鼓楼区');
  });

  it('warns of a coverage place read with a guess, saying what to write to keep that reading', () => {
    expect(build.output).toMatch(/place "文昌市龙楼镇" → 469005 海南省 文昌市 \(covers all of 文昌市, where pages end/);
    expect(build.output).toContain(
      'To keep this reading without this warning, write code: "469005" with towns: [龙楼镇] instead.',
    );
  });

  it('when a coverage note claims a tie to the brand owner, even on an entry that did not resolve', () => {
    expect(build.output).toContain('Brand "nuanchuan" is serviced independently');
    expect(build.output).toContain('coverage/nuanchuan 鼓楼区 note');
  });
});
