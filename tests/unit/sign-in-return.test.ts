// Where a sign-in goes on to (src/contract/sign-in-return.ts): an inbox page only, never elsewhere.
import { describe, expect, it } from 'vitest';
import { inboxPage, signInPage } from '../../src/contract/sign-in-return.ts';

describe('the page a sign-in goes on to', () => {
  it('is a page of the inbox', () => {
    expect(inboxPage('/admin/leads/0d6c2b8e-1a2b-4c3d-9e8f-001122334455/')).toBe(
      '/admin/leads/0d6c2b8e-1a2b-4c3d-9e8f-001122334455/',
    );
    expect(inboxPage('/admin/staff/')).toBe('/admin/staff/');
    expect(signInPage('/admin/leads/abc/')).toBe('/admin/sign-in/?next=%2Fadmin%2Fleads%2Fabc%2F');
    expect(signInPage('/admin/')).toBe('/admin/sign-in/');
  });

  it('is never another site, another path, the sign-in itself, or anything with a query', () => {
    for (const next of [
      '//evil.example/admin/',
      'https://evil.example/admin/',
      '/admin//evil.example',
      '/admin/../api/leads',
      '/\\evil.example',
      '/admin/sign-in/',
      '/admin/setup/',
      '/admin/?q=1',
      '/progress/',
      'admin/leads/x/',
      '',
      null,
      undefined,
    ])
      expect(inboxPage(next), String(next)).toBeUndefined();
    expect(signInPage('//evil.example/')).toBe('/admin/sign-in/');
  });
});
