import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import {
  KyselyContestStats,
  KyselyDeadLetterStore,
  KyselyReportAuditLog,
  KyselyResultStore,
  migrateResultsDatabase,
  RESULTS_MIGRATIONS,
  type ResultsDatabase,
} from '../../src/results';
import { contestResult } from '../helpers/contest-results';
import { contestBackfillContract } from '../unit/results/contest-backfill-contract';
import { contestStatsContract } from '../unit/results/contest-stats-contract';
import { checkAggregatesMatchOracle } from '../unit/results/contest-stats-property';
import { reportAuditLogContract } from '../unit/results/report-audit-log-contract';
import { resultStoreContract } from '../unit/results/result-store-contract';

/**
 * The result store's queries and migrations on PostgreSQL (the scale deployment), in a schema of
 * its own per test: the same contracts as on SQLite. Needs the PostgreSQL that `.ci/run` starts.
 */
const PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const available =
  spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432'], { stdio: 'ignore' }).status === 0;

/** A Kysely on a fresh schema of its own, not migrated; `close` drops the schema. */
async function openSchema(): Promise<{ db: Kysely<ResultsDatabase>; close(): Promise<void> }> {
  const schema = `results_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new Pool({ connectionString: PG_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = new Kysely<ResultsDatabase>({
    dialect: new PostgresDialect({
      pool: new Pool({ connectionString: PG_URL, max: 4, options: `-c search_path=${schema}` }),
    }),
  });
  return {
    db,
    async close() {
      await db.destroy();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** A migrated schema; `close` also checks that every migration was recorded once. */
async function openMigrated(): Promise<{ db: Kysely<ResultsDatabase>; close(): Promise<void> }> {
  const s = await openSchema();
  await migrateResultsDatabase(s.db);
  return {
    db: s.db,
    async close() {
      const { rows } = await sql<{
        n: string;
      }>`SELECT COUNT(*) AS n FROM results_migration`.execute(s.db);
      expect(Number(rows[0]!.n)).toBe(RESULTS_MIGRATIONS.length);
      await s.close();
    },
  };
}

(available ? describe : describe.skip)('result store on PostgreSQL', () => {
  resultStoreContract('KyselyResultStore on PostgreSQL', async () => {
    const { db, close } = await openMigrated();
    let now = new Date('2026-11-02T00:00:00.000Z');
    return {
      results: new KyselyResultStore(db, { now: () => now }),
      deadLetters: new KyselyDeadLetterStore(db),
      setNow: (iso) => {
        now = new Date(iso);
      },
      close,
    };
  });

  contestStatsContract('KyselyContestStats on PostgreSQL', async () => {
    const { db, close } = await openMigrated();
    return { results: new KyselyResultStore(db), stats: new KyselyContestStats(db), close };
  });

  contestBackfillContract('PostgreSQL', openSchema);

  reportAuditLogContract('KyselyReportAuditLog on PostgreSQL', async () => {
    const { db, close } = await openMigrated();
    return { log: new KyselyReportAuditLog(db), close };
  });

  describe('contest aggregates on PostgreSQL', () => {
    let s: { db: Kysely<ResultsDatabase>; close(): Promise<void> };
    beforeAll(async () => {
      s = await openMigrated();
    });
    afterAll(() => s.close());

    it('equal the figures computed from scratch, whatever the arrival order and batches', async () => {
      await checkAggregatesMatchOracle(
        (maxBatch) => ({
          results: new KyselyResultStore(s.db, { maxBatch }),
          stats: new KyselyContestStats(s.db),
        }),
        40,
      );
    });

    it('stay right when two writers store one person’s attempts at the same time', async () => {
      // Two stores on one pool, as two worker processes: each transaction claims the person's
      // first-attempt row, so the later-started attempt never counts as first.
      const a = new KyselyResultStore(s.db);
      const b = new KyselyResultStore(s.db);
      const events = Array.from({ length: 40 }, (_, i) =>
        contestResult({
          attempt: `race-${String(i).padStart(2, '0')}`,
          user: `racer-${i % 4}`,
          unit: i % 2 === 0 ? 'A' : 'B',
          contest: 'race',
          startedSec: 40 - i,
          answers: [['a-1', i % 3 === 0]],
        }),
      );
      await Promise.all(events.map((e, i) => (i % 2 === 0 ? a : b).save(e)));
      const stats = new KyselyContestStats(s.db);
      const rows = await stats.participants('race', ['A', 'B']);
      expect(rows.map((r) => [r.userId, r.first.attemptId, r.attempts]).sort()).toEqual([
        ['racer-0', 'race-36', 10],
        ['racer-1', 'race-37', 10],
        ['racer-2', 'race-38', 10],
        ['racer-3', 'race-39', 10],
      ]);
      const units = await stats.unitStats('race', ['A', 'B']);
      expect(units.reduce((n, u) => n + u.people, 0)).toBe(4);
      expect(units.reduce((n, u) => n + u.attempts, 0)).toBe(40);
    });
  });
});
