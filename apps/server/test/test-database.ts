import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { describe } from 'vitest';
import { repositoryRoot } from '../src/modules/app/config.ts';
import { createDatabase, type DatabaseHandle } from '../src/modules/app/database.ts';
import { migrate } from '../src/modules/app/migrations.ts';
import { seedIndicatorCatalogue } from '../src/modules/seed/indicators.ts';
import { seedReferenceUnits } from '../src/modules/seed/reference-units.ts';
import { seedReportTemplates } from '../src/modules/seed/report-templates.ts';

export type Engine = 'embedded' | 'server';

/** Always the embedded engine; the PostgreSQL server too when DATABASE_URL is set (CI sets it). */
export const engines: Engine[] = process.env.DATABASE_URL ? ['embedded', 'server'] : ['embedded'];

export const sharedDataDir =
  process.env.BINHDANG_SHARED_DATA_DIR ?? path.join(repositoryRoot, '..', 'shared', 'data');

/** `describe` once per engine, named after it. */
export function describeEachEngine(name: string, body: (engine: Engine) => void) {
  for (const engine of engines) describe(`${name} [${engine}]`, () => body(engine));
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new schema on the server that is
 * dropped on close. With `seed`, the reference registry from ../shared/data is loaded.
 */
export async function createTestDatabase(
  engine: Engine,
  options: { seed?: boolean } = {},
): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  let dropSchema: (() => Promise<void>) | null = null;
  if (engine === 'embedded') {
    handle = await createDatabase({ dataDir: 'memory://' });
  } else {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 1 });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    handle = await createDatabase({
      databaseUrl: process.env.DATABASE_URL,
      dataDir: '',
      schema,
      poolSize: 4,
    });
    dropSchema = async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
      await admin.close();
    };
  }
  await migrate(handle.db);
  if (options.seed) {
    await seedReferenceUnits(handle.db, sharedDataDir);
    await seedIndicatorCatalogue(handle.db, sharedDataDir);
    await seedReportTemplates(handle.db);
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropSchema?.();
    },
  };
}
