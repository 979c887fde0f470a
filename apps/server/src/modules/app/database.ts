import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.types.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** PostgreSQL server; without it, embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Embedded data folder; `memory://` keeps everything in memory (tests). */
  dataDir: string;
  /** Schema to use on the server (tests get a fresh one each); `public` by default. */
  schema?: string;
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Db;
  engine: 'embedded' | 'server';
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * One database for both engines: the same migrations and the same Kysely queries run on
 * embedded PGlite and on a PostgreSQL server. Dates come back as `YYYY-MM-DD` strings on
 * both (pg would otherwise make local-midnight Date objects), and bigint as number.
 */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return (value: string) => value;
          if (oid === INT8_OID) return (value: string) => Number(value);
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection closed by the server (a restart, a failover, pg_terminate_backend)
    // is dropped from the pool and replaced on the next query; unhandled, the pool's error event
    // would end the process.
    pool.on('error', (error) =>
      process.stderr.write(`PostgreSQL closed an idle connection: ${error.message}\n`),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'server', close: () => db.destroy() };
  }

  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir, {
    parsers: {
      [pgliteTypes.DATE]: (value: string) => value,
      [pgliteTypes.INT8]: (value: string) => Number(value),
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, engine: 'embedded', close: () => db.destroy() };
}
