import { describe, expect, it } from 'vitest';
import { readFilter } from '../../functions/leads/filter.ts';

describe('a list filter from the query string', () => {
  it.each([
    ['', 100],
    ['limit=7', 7],
    ['limit=5000', 1000],
    ['limit=0', 1],
    // Not a number: the default, not the most a page may hold.
    ['limit=abc', 100],
    ['limit=2.5', 100],
  ])('%s → %i leads a page', (query, limit) => {
    expect(readFilter(new URLSearchParams(query), 1000, 100).filter.limit).toBe(limit);
  });
});

describe('a bad filter value', () => {
  it.each([
    ['from=yesterday', '日期的格式是 2026-11-30。', 'from and to are Beijing dates such as 2026-11-30.'],
    ['stage=finished', '没有这个进度。', 'stage must be one of new, contacted, scheduled, done, cancelled.'],
    ['status=trash', '文件夹只能是收件箱或垃圾。', 'status must be new or spam.'],
  ])('%s is said in Chinese to the inbox, in English to the admin API', (query, zh, en) => {
    expect(readFilter(new URLSearchParams(query)).error).toBe(zh);
    expect(readFilter(new URLSearchParams(query), 1000, 100, 'en').error).toBe(en);
  });
});
