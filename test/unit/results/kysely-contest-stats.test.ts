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
