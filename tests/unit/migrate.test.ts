// Local D1 migrations (scripts/wrangler-dev.ts migrate): a fresh state gets them all from one
// `wrangler d1 execute`, and must end as `wrangler d1 migrations apply` would leave it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { migrate } from '../../scripts/wrangler-dev.ts';

const MIGRATIONS = readdirSync('migrations')
  .filter((name) => name.endsWith('.sql'))
  .sort();
const schema = (db: DatabaseSync) =>
  db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name",
    )
    .all();

it('gives a fresh local state every migration at once, recorded so that wrangler finds none left to apply', () => {
  const state = mkdtempSync(join(tmpdir(), 'baoxiu-migrate-'));
  try {
    migrate(state);
    // The schema the migrations make one after another in SQLite (D1's engine).
    const expected = new DatabaseSync(':memory:');
    for (const name of MIGRATIONS) expected.exec(readFileSync(join('migrations', name), 'utf8'));
    const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const [file] = readdirSync(dir).filter((name) => name.endsWith('.sqlite'));
    const local = new DatabaseSync(join(dir, file), { readOnly: true });
    try {
      expect(schema(local)).toEqual(schema(expected));
      expect(
        local
          .prepare('SELECT name FROM d1_migrations ORDER BY id')
          .all()
          .map((row) => row.name),
      ).toEqual(MIGRATIONS);
    } finally {
      local.close();
    }
    // Now a state with something in it: wrangler's own `d1 migrations apply`, with nothing to do.
    expect(migrate(state)).toContain('No migrations to apply');
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}, 120_000);
