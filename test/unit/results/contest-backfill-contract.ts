import type { Kysely } from 'kysely';
import {
  KyselyContestStats,
  KyselyResultStore,
  migrateResultsDatabase,
  openSqliteResultsDatabase,
  type ResultsDatabase,
} from '../../../src/results';
import { contestResult } from '../../helpers/contest-results';
import { SMALL } from './contest-stats-contract';

/** The last migration before the contest aggregates existed. */
export const BEFORE_AGGREGATES = '0002_result_dead_letters';

/** Results as a database at migration 0002 holds them: the SMALL contest, an earlier attempt too. */
export async function rowsBeforeAggregates() {
  const source = await openSqliteResultsDatabase(':memory:');
  try {
    const store = new KyselyResultStore(source.db);
    for (const e of SMALL) await store.save(e);
    // Saved after u1's a1 and a2 but started before both: the backfill must still pick it.
    await store.save(
      contestResult({
        attempt: 'a0',
        user: 'u1',
        unit: 'B',
        startedSec: -30,
        answers: [['b-1', false]],
      }),
    );
    return await source.db.selectFrom('competency_results').selectAll().execute();
  } finally {
    await source.close();
  }
}

/**
 * Migration 0003 on a database that already holds results: the aggregates of the stored contest
 * rows are built, and later saves keep them up to date. `open` gives an empty database, not
 * migrated.
 */
export function contestBackfillContract(
  name: string,
  open: () => Promise<{ db: Kysely<ResultsDatabase>; close(): Promise<void> }>,
): void {
  describe(`${name} (contest aggregates backfill)`, () => {
    let s: { db: Kysely<ResultsDatabase>; close(): Promise<void> };
    beforeEach(async () => {
      s = await open();
    });
    afterEach(() => s.close());

    it('aggregates the rows stored before the migration, then keeps going', async () => {
      await migrateResultsDatabase(s.db, BEFORE_AGGREGATES);
      await s.db
        .insertInto('competency_results')
        .values(await rowsBeforeAggregates())
        .execute();
      await migrateResultsDatabase(s.db);
      const stats = new KyselyContestStats(s.db);
      const units = async () =>
        (await stats.unitStats('thi-2026', ['A', 'B'])).sort((a, b) =>
          a.unitCode.localeCompare(b.unitCode),
        );
      expect(await units()).toEqual([
        expect.objectContaining({
          unitCode: 'A',
          attempts: 3,
          people: 1,
          passed: 0,
          durationMsSum: 90_000,
        }),
        expect.objectContaining({
          unitCode: 'B',
          attempts: 2,
          people: 2,
          passed: 1,
          durationMsSum: 90_000,
        }),
      ]);
      expect(
        (await stats.participants('thi-2026', ['B']))
          .map((p) => [p.userId, p.first.attemptId, p.best.attemptId, p.attempts])
          .sort(),
      ).toEqual([
        ['u1', 'a0', 'a2', 3],
        ['u3', 'a4', 'a4', 1],
      ]);
      const questions = await stats.questionStats('thi-2026', ['A']);
      expect(questions.sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual([
        { questionId: 'a-1', n: 1, sumX: 0, sumRest: 1, sumXRest: 0, sumRestSquared: 1 },
        { questionId: 'a-3', n: 1, sumX: 0, sumRest: 1, sumXRest: 0, sumRestSquared: 1 },
        { questionId: 'b-1', n: 1, sumX: 1, sumRest: 0, sumXRest: 0, sumRestSquared: 0 },
      ]);
      expect(await stats.unitStats('thi-2027', ['A'])).toEqual([
        expect.objectContaining({ attempts: 1, people: 1 }),
      ]);
      expect(await stats.participantIds('thi-2026')).toEqual(new Set(['u1', 'u2', 'u3', 'u5']));

      // u2's earlier attempt arrives after the migration: it displaces the backfilled a3.
      const store = new KyselyResultStore(s.db);
      await store.save(
        contestResult({
          attempt: 'a5',
          user: 'u2',
          unit: 'B',
          startedSec: 1,
          answers: [['a-1', true]],
        }),
      );
      expect(await units()).toEqual([
        expect.objectContaining({
          unitCode: 'A',
          attempts: 3,
          people: 0,
          passed: 0,
          durationMsSum: 0,
        }),
        expect.objectContaining({
          unitCode: 'B',
          attempts: 3,
          people: 3,
          passed: 2,
          durationMsSum: 150_000,
        }),
      ]);
      expect(await stats.questionStats('thi-2026', ['A'])).toEqual([]);
    });
  });
}
