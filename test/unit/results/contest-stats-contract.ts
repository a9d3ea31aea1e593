import type { ContestStatsSource, UnitContestStats } from '../../../src/reports/ports';
import type { ResultEvent, ResultStore } from '../../../src/results';
import {
  contestResult,
  participantAttempt,
  type ContestResultSpec,
} from '../../helpers/contest-results';

/** A result store and the stats source reading the same database, fresh and empty per test. */
export interface ContestStatsUnderTest {
  results: ResultStore;
  stats: ContestStatsSource;
}

const scores = (entries: Record<number, number>): number[] => {
  const counts = new Array<number>(101).fill(0);
  for (const [score, n] of Object.entries(entries)) counts[Number(score)] = n;
  return counts;
};

const byUnit = (stats: UnitContestStats[]) =>
  [...stats].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
const byId = <T extends { questionId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.questionId.localeCompare(b.questionId));

/** A small contest: two units, a second attempt, a practice, another contest, no unit. */
export const SMALL: ResultEvent[] = [
  contestResult({
    attempt: 'a1',
    user: 'u1',
    unit: 'A',
    startedSec: 0,
    answers: [
      ['a-1', true],
      ['a-2', false],
      ['b-1', true],
    ],
    tiebreak: 500,
  }),
  contestResult({
    attempt: 'a2',
    user: 'u1',
    unit: 'A',
    startedSec: 100,
    answers: [
      ['a-1', true],
      ['a-2', true],
      ['b-1', true],
    ],
  }),
  contestResult({
    attempt: 'a3',
    user: 'u2',
    unit: 'A',
    startedSec: 10,
    durationMs: 90_000,
    answers: [
      ['a-1', false],
      ['a-3', false],
      ['b-1', true],
    ],
  }),
  contestResult({
    attempt: 'a4',
    user: 'u3',
    unit: 'B',
    startedSec: 20,
    durationMs: 30_000,
    answers: [
      ['a-1', true],
      ['a-2', true],
      ['b-2', false],
    ],
  }),
  contestResult({
    attempt: 'p1',
    user: 'u4',
    unit: 'A',
    contest: null,
    startedSec: 0,
    answers: [['a-1', true]],
  }),
  contestResult({
    attempt: 'o1',
    user: 'u1',
    unit: 'A',
    contest: 'thi-2027',
    startedSec: 0,
    answers: [['a-1', true]],
  }),
  contestResult({ attempt: 'n1', user: 'u5', unit: null, startedSec: 5, answers: [['a-1', true]] }),
];

/** The contract of every {@link ContestStatsSource} adapter fed by its result store. */
export function contestStatsContract(
  name: string,
  open: () => Promise<ContestStatsUnderTest & { close(): Promise<void> }>,
): void {
  describe(`${name} (contest stats contract)`, () => {
    let s: ContestStatsUnderTest & { close(): Promise<void> };
    beforeEach(async () => {
      s = await open();
    });
    afterEach(() => s.close());

    const saveAll = async (events: readonly ResultEvent[]) => {
      for (const e of events) await s.results.save(e);
    };

    it('gives nothing for an empty unit list or an unknown contest', async () => {
      await saveAll(SMALL);
      expect(await s.stats.unitStats('thi-2026', [])).toEqual([]);
      expect(await s.stats.questionStats('thi-2026', [])).toEqual([]);
      expect(await s.stats.participants('thi-2026', [])).toEqual([]);
      expect(await s.stats.unitStats('nope', ['A', 'B'])).toEqual([]);
      expect(await s.stats.questionStats('nope', ['A'])).toEqual([]);
      expect(await s.stats.participants('nope', ['A'])).toEqual([]);
      expect(await s.stats.participantIds('nope')).toEqual(new Set());
    });

    it('sums first attempts per unit and counts every attempt', async () => {
      await saveAll(SMALL);
      expect(byUnit(await s.stats.unitStats('thi-2026', ['A', 'B', 'C', 'A']))).toEqual([
        {
          unitCode: 'A',
          attempts: 3,
          people: 2,
          scoreCounts: scores({ 67: 1, 33: 1 }),
          passed: 1,
          durationMsSum: 150_000,
          topics: { a: { correct: 1, total: 4 }, b: { correct: 2, total: 2 } },
        },
        {
          unitCode: 'B',
          attempts: 1,
          people: 1,
          scoreCounts: scores({ 67: 1 }),
          passed: 1,
          durationMsSum: 30_000,
          topics: { a: { correct: 2, total: 2 }, b: { correct: 0, total: 1 } },
        },
      ]);
      expect(await s.stats.unitStats('thi-2027', ['A'])).toEqual([
        expect.objectContaining({ unitCode: 'A', attempts: 1, people: 1 }),
      ]);
      expect(await s.stats.participantIds('thi-2026')).toEqual(new Set(['u1', 'u2', 'u3', 'u5']));
    });

    it('sums item-analysis figures over the given units, by question', async () => {
      await saveAll(SMALL);
      const q = (
        questionId: string,
        n: number,
        sumX: number,
        sumRest: number,
        sumXRest: number,
        sumRestSquared: number,
      ) => ({
        questionId,
        n,
        sumX,
        sumRest,
        sumXRest,
        sumRestSquared,
      });
      expect(byId(await s.stats.questionStats('thi-2026', ['A']))).toEqual([
        q('a-1', 2, 1, 2, 1, 2),
        q('a-2', 1, 0, 2, 0, 4),
        q('a-3', 1, 0, 1, 0, 1),
        q('b-1', 2, 2, 1, 1, 1),
      ]);
      expect(byId(await s.stats.questionStats('thi-2026', ['A', 'B']))).toEqual([
        q('a-1', 3, 2, 3, 2, 3),
        q('a-2', 2, 1, 3, 1, 5),
        q('a-3', 1, 0, 1, 0, 1),
        q('b-1', 2, 2, 1, 1, 1),
        q('b-2', 1, 0, 2, 0, 4),
      ]);
    });

    it('lists each person once with first and best attempt and the attempt count', async () => {
      await saveAll(SMALL);
      const rows = await s.stats.participants('thi-2026', ['A']);
      expect([...rows].sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
        {
          userId: 'u1',
          unitCode: 'A',
          attempts: 2,
          first: {
            attemptId: 'a1',
            startedAt: SMALL[0]!.startedAt,
            submittedAt: SMALL[0]!.submittedAt,
            durationMs: 60_000,
            score: 67,
            correct: 2,
            total: 3,
            passed: true,
            tiebreak: 500,
            byTopic: { a: { correct: 1, total: 2 }, b: { correct: 1, total: 1 } },
          },
          best: expect.objectContaining({ attemptId: 'a2', score: 100, passed: true }),
        },
        {
          userId: 'u2',
          unitCode: 'A',
          attempts: 1,
          first: expect.objectContaining({ attemptId: 'a3', score: 33, passed: false }),
          best: expect.objectContaining({ attemptId: 'a3' }),
        },
      ]);
      expect(rows.find((r) => r.userId === 'u1')!.best).not.toHaveProperty('tiebreak');
    });

    it.each([
      ['one by one', false],
      ['in one batch', true],
    ])('moves the first attempt to an earlier one that arrives later (%s)', async (_, together) => {
      const later = contestResult({
        attempt: 'm2',
        user: 'u1',
        unit: 'B',
        startedSec: 100,
        answers: [['a-1', true]],
      });
      const earlier = contestResult({
        attempt: 'm1',
        user: 'u1',
        unit: 'A',
        startedSec: 50,
        durationMs: 45_000,
        answers: [['a-1', false]],
      });
      if (together) {
        expect(await Promise.all([s.results.save(later), s.results.save(earlier)])).toEqual([
          'stored',
          'stored',
        ]);
      } else {
        await s.results.save(later);
        expect(await s.stats.participants('thi-2026', ['B'])).toHaveLength(1);
        await s.results.save(earlier);
      }
      expect(byUnit(await s.stats.unitStats('thi-2026', ['A', 'B']))).toEqual([
        {
          unitCode: 'A',
          attempts: 1,
          people: 1,
          scoreCounts: scores({ 0: 1 }),
          passed: 0,
          durationMsSum: 45_000,
          topics: { a: { correct: 0, total: 1 } },
        },
        {
          unitCode: 'B',
          attempts: 1,
          people: 0,
          scoreCounts: scores({}),
          passed: 0,
          durationMsSum: 0,
          topics: {},
        },
      ]);
      expect(await s.stats.questionStats('thi-2026', ['B'])).toEqual([]);
      expect(await s.stats.questionStats('thi-2026', ['A'])).toEqual([
        { questionId: 'a-1', n: 1, sumX: 0, sumRest: 0, sumXRest: 0, sumRestSquared: 0 },
      ]);
      expect(await s.stats.participants('thi-2026', ['B'])).toEqual([]);
      expect(await s.stats.participants('thi-2026', ['A'])).toEqual([
        {
          userId: 'u1',
          unitCode: 'A',
          attempts: 2,
          first: participantAttempt(earlier),
          best: participantAttempt(later),
        },
      ]);
    });

    it('keeps whole first and best attempts as they change with late arrivals', async () => {
      const at = (
        attempt: string,
        startedSec: number,
        right: number,
        extra: Partial<ContestResultSpec> = {},
      ) =>
        contestResult({
          attempt,
          user: 'u1',
          unit: attempt === 'w0' ? 'B' : 'A',
          startedSec,
          answers: [
            ['a-1', right > 0],
            ['b-1', right > 1],
            ['b-2', right > 2],
          ],
          ...extra,
        });
      const weak = at('w2', 200, 1, { durationMs: 30_000 });
      const strong = at('w1', 100, 2, { tiebreak: 42, durationMs: 90_000 });
      const earliest = at('w0', 50, 0, { passed: null });
      const best = at('w3', 300, 3, { durationMs: 75_000 });
      const read = async () => {
        const rows = await s.stats.participants('thi-2026', ['A', 'B']);
        expect(rows).toHaveLength(1);
        return rows[0];
      };
      // Each arrival changes the first attempt, the best one, or both.
      await s.results.save(weak);
      expect(await read()).toEqual({
        userId: 'u1',
        unitCode: 'A',
        attempts: 1,
        first: participantAttempt(weak),
        best: participantAttempt(weak),
      });
      await s.results.save(strong);
      expect(await read()).toEqual({
        userId: 'u1',
        unitCode: 'A',
        attempts: 2,
        first: participantAttempt(strong),
        best: participantAttempt(strong),
      });
      await Promise.all([s.results.save(best), s.results.save(earliest)]);
      expect(await read()).toEqual({
        userId: 'u1',
        unitCode: 'B',
        attempts: 4,
        first: participantAttempt(earliest),
        best: participantAttempt(best),
      });
      expect((await read())?.first).toEqual(expect.objectContaining({ passed: null, score: 0 }));
      expect((await read())?.first).not.toHaveProperty('tiebreak');
    });

    it('takes the smallest attempt id as first when two attempts start together', async () => {
      const spec = { user: 'u1', unit: 'A', startedSec: 7 };
      await s.results.save(contestResult({ ...spec, attempt: 'x-2', answers: [['a-1', true]] }));
      await s.results.save(contestResult({ ...spec, attempt: 'x-1', answers: [['a-1', false]] }));
      await s.results.save(contestResult({ ...spec, attempt: 'x-3', answers: [['a-1', false]] }));
      const [row] = await s.stats.participants('thi-2026', ['A']);
      expect(row?.first.attemptId).toBe('x-1');
      expect(row?.attempts).toBe(3);
      expect((await s.stats.unitStats('thi-2026', ['A']))[0]?.scoreCounts[0]).toBe(1);
    });

    it('picks the best attempt by score, then shorter duration, then the earlier one', async () => {
      const right = [['a-1', true]] as const;
      await saveAll([
        contestResult({
          attempt: 'k1',
          user: 'u1',
          unit: 'A',
          startedSec: 0,
          answers: [['a-1', false]],
        }),
        contestResult({
          attempt: 'k2',
          user: 'u1',
          unit: 'A',
          startedSec: 10,
          durationMs: 50_000,
          answers: right,
        }),
        contestResult({
          attempt: 'k4',
          user: 'u1',
          unit: 'A',
          startedSec: 30,
          durationMs: 40_000,
          answers: right,
        }),
        contestResult({
          attempt: 'k3',
          user: 'u1',
          unit: 'A',
          startedSec: 20,
          durationMs: 40_000,
          answers: right,
        }),
        contestResult({
          attempt: 'k5',
          user: 'u1',
          unit: 'A',
          startedSec: 40,
          durationMs: 60_000,
          answers: right,
        }),
      ]);
      const [row] = await s.stats.participants('thi-2026', ['A']);
      expect(row?.first.attemptId).toBe('k1');
      expect(row?.best.attemptId).toBe('k3');
      expect(row?.attempts).toBe(5);
    });

    it('keeps a result without pass mark as passed null and leaves the figures alone on a duplicate', async () => {
      const event = contestResult({
        attempt: 'd1',
        user: 'u1',
        unit: 'A',
        startedSec: 0,
        passed: null,
        answers: [['a-1', true]],
      });
      expect(await s.results.save(event)).toBe('stored');
      const before = await s.stats.unitStats('thi-2026', ['A', 'B']);
      const other = contestResult({
        attempt: 'd1',
        user: 'u9',
        unit: 'B',
        startedSec: -100,
        answers: [['b-1', false]],
      });
      expect(await Promise.all([s.results.save(event), s.results.save(other)])).toEqual([
        'duplicate',
        'duplicate',
      ]);
      expect(await s.stats.unitStats('thi-2026', ['A', 'B'])).toEqual(before);
      expect(before).toEqual([
        expect.objectContaining({ unitCode: 'A', attempts: 1, people: 1, passed: 0 }),
      ]);
      expect((await s.stats.participants('thi-2026', ['A']))[0]?.first.passed).toBeNull();
      expect(await s.stats.participantIds('thi-2026')).toEqual(new Set(['u1']));
    });

    it('answers for a whole tree of 700 units', async () => {
      const units = Array.from({ length: 700 }, (_, i) => `U${String(i).padStart(3, '0')}`);
      const picked = [0, 350, 499, 500, 699];
      await Promise.all(
        picked.map((u, i) =>
          s.results.save(
            contestResult({
              attempt: `t${i}`,
              user: `p${i}`,
              unit: units[u]!,
              startedSec: i,
              answers: [['a-1', i % 2 === 0]],
            }),
          ),
        ),
      );
      const stats = await s.stats.unitStats('thi-2026', units);
      expect(stats.map((u) => u.unitCode).sort()).toEqual(picked.map((u) => units[u]));
      expect(await s.stats.questionStats('thi-2026', units)).toEqual([
        { questionId: 'a-1', n: 5, sumX: 3, sumRest: 0, sumXRest: 0, sumRestSquared: 0 },
      ]);
      expect((await s.stats.participants('thi-2026', units)).map((p) => p.userId).sort()).toEqual([
        'p0',
        'p1',
        'p2',
        'p3',
        'p4',
      ]);
    });
  });
}
