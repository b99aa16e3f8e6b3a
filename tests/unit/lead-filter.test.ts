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
