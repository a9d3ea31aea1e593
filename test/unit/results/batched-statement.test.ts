import { Kysely, sql, SqliteDialect } from 'kysely';
import type { ResultsDatabase } from '../../../src/results';
import { runBatchedStatement } from '../../../src/results/batched-statement';
import { openSqliteDatabase } from '../../../src/storage';

describe('runBatchedStatement', () => {
  let db: Kysely<ResultsDatabase>;
  beforeEach(async () => {
    db = new Kysely<ResultsDatabase>({
      dialect: new SqliteDialect({ database: openSqliteDatabase({ file: ':memory:' }) }),
    });
    await sql`CREATE TABLE contest_unit_scores (contest_id text, unit_code text, score integer, n bigint, PRIMARY KEY (contest_id, unit_code, score))`.execute(
      db,
    );
  });
  afterEach(() => db.destroy());

  const rowsOf = (n: number, contest: string) =>
    Array.from({ length: n }, (_, i) => ({
      contest_id: contest,
      unit_code: `u${i}`,
      score: i,
      n: i * 2,
    }));
  const upsert = (rows: ReturnType<typeof rowsOf>) =>
    runBatchedStatement(db, 'scores', rows, (chunk) =>
      db
        .insertInto('contest_unit_scores')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .columns(['contest_id', 'unit_code', 'score'])
            .doUpdateSet((eb) => ({ n: eb('contest_unit_scores.n', '+', eb.ref('excluded.n')) })),
        )
        .returning(['unit_code', 'n']),
    );

  it('writes every row once, in order, whatever the count (chunk sizes seen before included)', async () => {
    for (const n of [0, 1, 7, 300, 1100, 300]) {
      const rows = rowsOf(n, `c${n}`);
      const returned = await upsert(rows);
      expect(returned.map((r) => r.unit_code)).toEqual(rows.map((r) => r.unit_code));
    }
    const stored = await db
      .selectFrom('contest_unit_scores')
      .select([(eb) => eb.fn.countAll().as('rows'), (eb) => eb.fn.sum('n').as('n')])
      .where('contest_id', '=', 'c300')
      .executeTakeFirstOrThrow();
    // c300 got the same 300 rows twice: the second time added to the first.
    expect([Number(stored.rows), Number(stored.n)]).toEqual([300, 2 * 299 * 300]);
  });

  it('refuses a statement that binds more than its rows', async () => {
    await expect(
      runBatchedStatement(db, 'extra', rowsOf(3, 'c'), (chunk) =>
        db
          .insertInto('contest_unit_scores')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['contest_id', 'unit_code', 'score']).doUpdateSet({ n: 5 }),
          ),
      ),
    ).rejects.toThrow('statement extra binds more than');
  });
});
