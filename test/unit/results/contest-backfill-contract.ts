import type { Insertable, Kysely } from 'kysely';
import type { ParticipantRow } from '../../../src/reports/ports';
import {
  KyselyContestStats,
  KyselyResultStore,
  migrateResultsDatabase,
  openSqliteResultsDatabase,
  type ResultEvent,
  type ResultsDatabase,
} from '../../../src/results';
import { contestResult } from '../../helpers/contest-results';
import { SMALL } from './contest-stats-contract';
import { oracle } from './contest-stats-property';

/** The last migration before the contest aggregates existed. */
export const BEFORE_AGGREGATES = '0002_result_dead_letters';

/** The last migration before the participant rows held whole attempts. */
export const BEFORE_PARTICIPANT_ATTEMPTS = '0004_report_access_log';

/** The SMALL contest and, saved after u1's a1 and a2 but started before both, his a0. */
const EARLY_RESULTS = [
  ...SMALL,
  contestResult({
    attempt: 'a0',
    user: 'u1',
    unit: 'B',
    startedSec: -30,
    answers: [['b-1', false]],
  }),
];

/** Results as a database at migration 0002 holds them: {@link EARLY_RESULTS}, in that order. */
export async function rowsBeforeAggregates() {
  const source = await openSqliteResultsDatabase(':memory:');
  try {
    const store = new KyselyResultStore(source.db);
    for (const e of EARLY_RESULTS) await store.save(e);
    return await source.db.selectFrom('competency_results').selectAll().execute();
  } finally {
    await source.close();
  }
}

/** The participants of thi-2026 in units A and B by the rules, sorted by user id. */
const expectedParticipants = (results: readonly ResultEvent[]) =>
  oracle(results, 'thi-2026', ['A', 'B']).participants.sort((a, b) =>
    a.userId.localeCompare(b.userId),
  );

const byUser = (rows: readonly ParticipantRow[]) =>
  [...rows].sort((a, b) => a.userId.localeCompare(b.userId));

/**
 * The migrations on a database that already holds results: from 0002, the aggregates of the stored
 * contest rows are built; from 0004, the participant rows get their whole first and best attempts;
 * later saves keep them up to date. `open` gives an empty database, not migrated.
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
      expect(byUser(await stats.participants('thi-2026', ['A', 'B']))).toEqual(
        expectedParticipants(EARLY_RESULTS),
      );
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

    it('copies the first and best attempts into participant rows written before 0005', async () => {
      await migrateResultsDatabase(s.db, BEFORE_PARTICIPANT_ATTEMPTS);
      await s.db
        .insertInto('competency_results')
        .values(await rowsBeforeAggregates())
        .execute();
      // The participant rows as migration 0003 and the code of its time wrote them.
      const before = expectedParticipants(EARLY_RESULTS).map((p) => ({
        contest_id: 'thi-2026',
        user_id: p.userId,
        unit_code: p.unitCode,
        attempts: p.attempts,
        first_attempt_id: p.first.attemptId,
        first_started_at: p.first.startedAt,
        best_attempt_id: p.best.attemptId,
        best_started_at: p.best.startedAt,
        best_score: p.best.score,
        best_duration_ms: p.best.durationMs,
      }));
      expect(before.map((p) => p.user_id)).toEqual(['u1', 'u2', 'u3']);
      await s.db
        .insertInto('contest_participants')
        .values(before as unknown as Insertable<ResultsDatabase['contest_participants']>[])
        .execute();
      await migrateResultsDatabase(s.db);
      const stats = new KyselyContestStats(s.db);
      expect(byUser(await stats.participants('thi-2026', ['A', 'B']))).toEqual(
        expectedParticipants(EARLY_RESULTS),
      );

      // Later saves keep the copies: u2's earlier attempt displaces a3, u3's better one a4.
      const late = [
        contestResult({
          attempt: 'a5',
          user: 'u2',
          unit: 'B',
          startedSec: 1,
          tiebreak: 7,
          answers: [['a-1', true]],
        }),
        contestResult({
          attempt: 'a6',
          user: 'u3',
          unit: 'A',
          startedSec: 500,
          answers: [
            ['a-1', true],
            ['b-2', true],
          ],
        }),
      ];
      const store = new KyselyResultStore(s.db);
      for (const e of late) await store.save(e);
      const rows = byUser(await stats.participants('thi-2026', ['A', 'B']));
      expect(rows).toEqual(expectedParticipants([...EARLY_RESULTS, ...late]));
      expect(rows.map((p) => [p.userId, p.first.attemptId, p.best.attemptId])).toEqual([
        ['u1', 'a0', 'a2'],
        ['u2', 'a5', 'a5'],
        ['u3', 'a4', 'a6'],
      ]);
    });
  });
}
