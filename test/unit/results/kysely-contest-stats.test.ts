import { Kysely, sql, SqliteDialect } from 'kysely';
import {
  KyselyContestStats,
  KyselyReportAuditLog,
  KyselyResultStore,
  migrateResultsDatabase,
  openSqliteResultsDatabase,
  type ResultsDatabase,
  type SqliteResultsDatabase,
} from '../../../src/results';
import { openSqliteDatabase } from '../../../src/storage';
import { contestResult } from '../../helpers/contest-results';
import { makeTempDir } from '../../helpers/temp-dir';
import {
  BEFORE_AGGREGATES,
  contestBackfillContract,
  rowsBeforeAggregates,
} from './contest-backfill-contract';
import { contestStatsContract } from './contest-stats-contract';
import { checkAggregatesMatchOracle } from './contest-stats-property';
import { reportAuditLogContract } from './report-audit-log-contract';

/** A SQLite file in a temp dir, opened without migrations. */
function openBare(file: string): Kysely<ResultsDatabase> {
  return new Kysely<ResultsDatabase>({
    dialect: new SqliteDialect({ database: openSqliteDatabase({ file }) }),
  });
}

contestStatsContract('KyselyContestStats on SQLite', async () => {
  const tmp = makeTempDir();
  const database = await openSqliteResultsDatabase(`${tmp.dir}/results.sqlite`);
  return {
    results: new KyselyResultStore(database.db),
    stats: new KyselyContestStats(database.db),
    async close() {
      await database.close();
      tmp.remove();
    },
  };
});

describe('contest aggregates on SQLite', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let database: SqliteResultsDatabase;
  beforeAll(async () => {
    tmp = makeTempDir();
    database = await openSqliteResultsDatabase(`${tmp.dir}/results.sqlite`);
  });
  afterAll(async () => {
    await database.close();
    tmp.remove();
  });

  it('equal the figures computed from scratch, whatever the arrival order and batches', async () => {
    await checkAggregatesMatchOracle(
      (maxBatch) => ({
        results: new KyselyResultStore(database.db, { maxBatch }),
        stats: new KyselyContestStats(database.db),
      }),
      150,
    );
  });
});

contestBackfillContract('SQLite', async () => {
  const tmp = makeTempDir();
  const db = openBare(`${tmp.dir}/results.sqlite`);
  return {
    db,
    async close() {
      await db.destroy();
      tmp.remove();
    },
  };
});

describe('the contest aggregates migrations on SQLite', () => {
  it('rebuilds the small aggregate tables WITHOUT ROWID (0006) keeping their rows', async () => {
    const tables = [
      'contest_unit_stats',
      'contest_unit_scores',
      'contest_unit_topics',
      'contest_unit_questions',
      'contest_questions',
    ];
    const tmp = makeTempDir();
    try {
      const file = `${tmp.dir}/results.sqlite`;
      const old = openBare(file);
      await migrateResultsDatabase(old, '0005_participant_attempts');
      const store = new KyselyResultStore(old);
      const answers = [
        ['a-1', true],
        ['a-2', false],
        ['b-1', true],
      ] as const;
      for (const [i, unit] of ['A', 'B', 'A', null].entries()) {
        await store.save(
          contestResult({ attempt: `x${i}`, user: `u${i % 3}`, unit, startedSec: 9 - i, answers }),
        );
      }
      const dump = async (db: Kysely<ResultsDatabase>) => {
        const out: Record<string, unknown[]> = {};
        for (const t of tables) {
          out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY 1, 2, 3`.execute(db)).rows;
        }
        return out;
      };
      const before = await dump(old);
      expect(before['contest_unit_questions']).toHaveLength(6);
      await migrateResultsDatabase(old);
      expect(await dump(old)).toEqual(before);
      const { rows } = await sql<{
        name: string;
        sql: string;
      }>`SELECT name, sql FROM sqlite_master WHERE name LIKE 'contest%' AND type = 'table'`.execute(
        old,
      );
      expect(
        rows
          .filter((r) => /WITHOUT ROWID$/.test(r.sql))
          .map((r) => r.name)
          .sort(),
      ).toEqual([...tables].sort());
      await store.save(
        contestResult({ attempt: 'x9', user: 'u9', unit: 'B', startedSec: 1, answers }),
      );
      const stats = await new KyselyContestStats(old).unitStats('thi-2026', ['A', 'B']);
      expect(stats.map((u) => [u.unitCode, u.attempts, u.people]).sort()).toEqual([
        ['A', 2, 1],
        ['B', 2, 2],
      ]);
      await old.destroy();
    } finally {
      tmp.remove();
    }
  });

  // Two processes upgrading one file: the second can take the write lock after the first has
  // committed a step but before it has recorded it, and then runs the step again (0005 adds
  // columns and backfills).
  it('does not count stored rows again nor fail when migrations 0003–0005 run a second time', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.dir}/results.sqlite`;
      const old = openBare(file);
      await migrateResultsDatabase(old, BEFORE_AGGREGATES);
      await old
        .insertInto('competency_results')
        .values(await rowsBeforeAggregates())
        .execute();
      await migrateResultsDatabase(old);
      await sql`DELETE FROM results_migration WHERE name > ${BEFORE_AGGREGATES}`.execute(old);
      await old.destroy();
      const again = await openSqliteResultsDatabase(file);
      const stats = await new KyselyContestStats(again.db).unitStats('thi-2026', ['A', 'B']);
      expect(stats.map((u) => [u.unitCode, u.attempts, u.people]).sort()).toEqual([
        ['A', 3, 1],
        ['B', 2, 2],
      ]);
      const participants = await new KyselyContestStats(again.db).participants('thi-2026', ['B']);
      expect(participants.map((p) => [p.userId, p.first.attemptId, p.best.score]).sort()).toEqual([
        ['u1', 'a0', 100],
        ['u3', 'a4', 67],
      ]);
      await again.close();
    } finally {
      tmp.remove();
    }
  });
});

reportAuditLogContract('KyselyReportAuditLog on SQLite', async () => {
  const tmp = makeTempDir();
  const database = await openSqliteResultsDatabase(`${tmp.dir}/results.sqlite`);
  return {
    log: new KyselyReportAuditLog(database.db),
    async close() {
      await database.close();
      tmp.remove();
    },
  };
});
