import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * Applies the numbered, forward-only SQL files in `migrations/` that have not run yet, each
 * in its own transaction together with its row in `schema_migrations`. A session-level
 * advisory lock keeps two app processes starting at once from applying the same file twice.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((name) => /^\d{4}-.+\.sql$/.test(name)).sort();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(4242001)`.execute(connection);
    try {
      await sql`create table if not exists schema_migrations (
        version text primary key, applied_at timestamptz not null default now())`.execute(connection);
      const applied = new Set(
        (await connection.selectFrom('schema_migrations').select('version').execute()).map(
          (row) => row.version,
        ),
      );
      const appliedNow: string[] = [];
      for (const file of files) {
        if (applied.has(file)) continue;
        const text = await readFile(path.join(migrationsDir, file), 'utf8');
        await connection.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await trx.insertInto('schema_migrations').values({ version: file }).execute();
        });
        appliedNow.push(file);
      }
      return appliedNow;
    } finally {
      await sql`select pg_advisory_unlock(4242001)`.execute(connection);
    }
  });
}
