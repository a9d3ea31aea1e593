import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import {
  KyselyDeadLetterStore,
  KyselyResultStore,
  migrateResultsDatabase,
  type ResultsDatabase,
} from '../../src/results';
import { resultStoreContract } from '../unit/results/result-store-contract';

/**
 * The result store's queries and migrations on PostgreSQL (the scale deployment), in a schema of
 * its own per test: the same contract as on SQLite. Needs the PostgreSQL that `.ci/run` starts.
 */
const PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const available =
  spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432'], { stdio: 'ignore' }).status === 0;

(available ? describe : describe.skip)('result store on PostgreSQL', () => {
  resultStoreContract('KyselyResultStore on PostgreSQL', async () => {
    const schema = `results_test_${randomUUID().replace(/-/g, '')}`;
    const admin = new Pool({ connectionString: PG_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = new Kysely<ResultsDatabase>({
      dialect: new PostgresDialect({
        pool: new Pool({ connectionString: PG_URL, max: 4, options: `-c search_path=${schema}` }),
      }),
    });
    await migrateResultsDatabase(db);
    let now = new Date('2026-11-02T00:00:00.000Z');
    return {
      results: new KyselyResultStore(db, { now: () => now }),
      deadLetters: new KyselyDeadLetterStore(db),
      setNow: (iso) => {
        now = new Date(iso);
      },
      async close() {
        const { rows } = await sql<{
          n: string;
        }>`SELECT COUNT(*) AS n FROM results_migration`.execute(db);
        expect(Number(rows[0]!.n)).toBe(2);
        await db.destroy();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  });
});
