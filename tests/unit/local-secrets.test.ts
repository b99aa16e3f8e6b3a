import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { keptOnce } from '../../scripts/local-secrets.ts';

it('keeps the first generated local secret when two first runs write one at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baoxiu-local-secrets-'));
  try {
    const file = join(dir, 'LEADS_ENCRYPTION_KEY');
    expect(keptOnce(file, 'local:first')).toBe('local:first');
    expect(keptOnce(file, 'local:second')).toBe('local:first');
    expect(readFileSync(file, 'utf8')).toBe('local:first\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
