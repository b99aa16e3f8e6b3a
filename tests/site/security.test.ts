// What the build does for security and privacy: scripts as files (a CSP without 'unsafe-inline'),
// Turnstile only when PUBLIC_TURNSTILE_SITE_KEY is set, the retention period on /privacy/. The build
// with those settings (~15 s of CI) also shows what a build leaves in its cache and in the Worker's
// folder, and which search index it uses when a brand file is named otherwise.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workerDirOf } from '../../scripts/worker-dir.ts';
import { buildWith, read, replace } from './helpers.ts';

const PAGE = 'hunan/xiangxi/jishou/index.html';

describe('the sample build', () => {
  it('has no inline executable script: every script is a file, JSON-LD stays inline as data', () => {
    for (const path of [PAGE, 'index.html', 'privacy/index.html', 'thanks/index.html']) {
      const tags = read(path).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, `${path}: ${tag}`).toMatch(/\bsrc="\/_astro\/|type="application\/ld\+json"/);
    }
    expect(read(PAGE)).toContain('<script type="application/ld+json">');
  });

  it('has no Turnstile widget, so the form needs no JavaScript', () => {
    expect(read(PAGE)).not.toContain('cf-turnstile');
    expect(read(PAGE)).not.toContain('提交本表单需要启用 JavaScript');
    expect(read(PAGE)).not.toContain('challenges.cloudflare.com');
  });

  it('says on /privacy/ what is collected, why, for how long (180 days) and how to ask for deletion', () => {
    const html = read('privacy/index.html');
    expect(html).toContain('我们收集什么');
    expect(html).toContain('为什么收集');
    expect(html).toMatch(/data-retention-days="180"[^>]*>报修记录自提交之日起保存 180 天/);
    // And tells the Worker's daily job, which keeps no lead longer than that.
    expect(JSON.parse(read('catalog.json')).retentionDays).toBe(180);
    expect(html).toContain('加密保存');
    expect(html).toContain('要求删除');
  });
});

describe('build settings', () => {
  let build: Awaited<ReturnType<typeof buildWith>>;
  beforeAll(async () => {
    // One build for several settings (each costs CI a build): with a brand file whose name the content
    // layer slugs (Qi Men.md → qi-men), which the search index begun with the build reads otherwise.
    const renamed = (dir: string) => {
      renameSync(join(dir, 'brands', 'qimen.md'), join(dir, 'brands', 'Qi Men.md'));
      replace(join(dir, 'coverage', 'qimen.yaml'), 'brand: qimen', 'brand: qi-men');
      // A chunk an earlier build left in the Worker's folder (buildWith builds into <root>/out).
      const chunks = join(workerDirOf(join(dirname(dir), 'out')), 'chunks');
      mkdirSync(chunks, { recursive: true });
      writeFileSync(join(chunks, 'earlier_build.mjs'), 'export {};\n');
    };
    build = await buildWith(renamed, { PUBLIC_TURNSTILE_SITE_KEY: '1x00000000000000000000AA', LEAD_RETENTION_DAYS: '90' }, [
      PAGE,
      'privacy/index.html',
      'catalog.json',
    ]);
  }, 180_000);

  it('PUBLIC_TURNSTILE_SITE_KEY adds the widget and its script; LEAD_RETENTION_DAYS shows on /privacy/', () => {
    const { code, output, pages } = build;
    expect(code, output).toBe(0);
    expect(pages[PAGE]).toMatch(/<div class="cf-turnstile" data-sitekey="1x00000000000000000000AA"/);
    // Without JavaScript the widget cannot show: the form says so before it is filled in.
    expect(pages[PAGE]).toMatch(
      /<noscript><p class="notice">提交本表单需要启用 JavaScript（人机验证）；未启用的，请直接拨打 <a href="tel:4000000000">/,
    );
    expect(pages[PAGE]).toContain('src="https://challenges.cloudflare.com/turnstile/v0/api.js"');
    expect(pages['privacy/index.html']).toContain('保存 90 天');
    expect(JSON.parse(pages['catalog.json']).retentionDays).toBe(90);
  });

  it("leaves the search index begun with the build when it read the content otherwise: the records endpoint's are indexed", () => {
    // scripts/search-index.ts: used only when made from the brands and coverage the pages are (the
    // whole-country build the recall searches uses it: tests/recall/recall.test.ts).
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/\d+ records in \d+ ms \(beside the pages\)/);
    expect(build.output).not.toMatch(/records in \d+ ms, begun/);
    // The early index stopped and its folder (beside the kept index) removed.
    expect(build.cached.filter((f) => f.includes('early'))).toEqual([]);
  });

  it("leaves only this build's modules in the Worker's folder, every one of which a deploy uploads", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.worker).toContain('entry.mjs');
    expect(build.worker).toContain('wrangler.json');
    expect(build.worker.filter((f) => f.includes('earlier_build'))).toEqual([]);
  });

  it('pre-bundles no dependency for the dev server that syncs content (scripts/no-prebundle.ts)', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.prebundled).toEqual([]);
  });
});
