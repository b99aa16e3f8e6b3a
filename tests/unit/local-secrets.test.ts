import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { keptOnce, localSetting } from '../../scripts/local-secrets.ts';

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

it('reads a setting as the local wrangler dev does: .dev.vars alone when there is one, else the environment over .env', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baoxiu-local-settings-'));
  try {
    expect(localSetting('LEAD_RETENTION_DAYS', dir, {})).toBeUndefined();
    writeFileSync(join(dir, '.env'), 'LEAD_RETENTION_DAYS=30\n');
    expect(localSetting('LEAD_RETENTION_DAYS', dir, {})).toBe('30');
    expect(localSetting('LEAD_RETENTION_DAYS', dir, { LEAD_RETENTION_DAYS: '60' })).toBe('60');
    writeFileSync(join(dir, '.dev.vars'), 'SMTP_HOST=127.0.0.1\n');
    expect(localSetting('LEAD_RETENTION_DAYS', dir, { LEAD_RETENTION_DAYS: '60' })).toBeUndefined();
    writeFileSync(join(dir, '.dev.vars'), 'LEAD_RETENTION_DAYS="90"\n');
    expect(localSetting('LEAD_RETENTION_DAYS', dir, { LEAD_RETENTION_DAYS: '60' })).toBe('90');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
