import {
  Kysely,
  PostgresAdapter,
  DummyDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import {
  KyselyDeadLetterStore,
  KyselyResultStore,
  openSqliteResultsDatabase,
  type ResultsDatabase,
} from '../../../src/results';
import { makeResultEvent } from '../../helpers/result-events';
import { makeTempDir } from '../../helpers/temp-dir';
import { resultStoreContract } from './result-store-contract';

resultStoreContract('KyselyResultStore on SQLite', async () => {
  const database = await openSqliteResultsDatabase(':memory:');
  let now = new Date('2026-11-02T00:00:00.000Z');
  return {
    results: new KyselyResultStore(database.db, { now: () => now }),
    deadLetters: new KyselyDeadLetterStore(database.db),
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: () => database.close(),
  };
});

describe('the reporting database', () => {
  it('migrates on open, once, also when two connections open the same file together', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.dir}/results.sqlite`;
      const [a, b] = await Promise.all([
        openSqliteResultsDatabase(file),
        openSqliteResultsDatabase(file),
      ]);
      await new KyselyResultStore(a.db).save(makeResultEvent(1));
      expect(await new KyselyResultStore(b.db).count()).toBe(1);
      const names = a.sqlite
        .prepare('SELECT name FROM results_migration ORDER BY name')
        .all()
        .map((r) => (r as { name: string }).name);
      expect(names).toEqual([
        '0001_competency_results',
        '0002_result_dead_letters',
        '0003_contest_aggregates',
        '0004_report_access_log',
        '0005_participant_attempts',
        '0006_clustered_aggregates',
      ]);
      await Promise.all([a.close(), b.close()]);
      const again = await openSqliteResultsDatabase(file);
      expect(await new KyselyResultStore(again.db).count()).toBe(1);
      await again.close();
    } finally {
      tmp.remove();
    }
  });

  it('writes the same upsert for PostgreSQL (dialect-agnostic queries)', async () => {
    const queries: string[] = [];
    const pg = new Kysely<ResultsDatabase>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      log: (e) => {
        queries.push(e.query.sql);
      },
    });
    await new KyselyResultStore(pg).save(makeResultEvent(1));
    await new KyselyResultStore(pg).listForUser('user-1');
    expect(queries[0]).toMatch(
      /^insert into "competency_results" \(.+\) values \(\$1, .+\) on conflict \("attempt_id"\) do nothing returning "attempt_id"$/,
    );
    expect(queries[1]).toMatch(/order by "submitted_at" desc, "attempt_id" desc limit \$2$/);
    await pg.destroy();
  });
});
