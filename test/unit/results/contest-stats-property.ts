import fc from 'fast-check';
import type {
  ContestStatsSource,
  ParticipantRow,
  QuestionStats,
  UnitContestStats,
} from '../../../src/reports/ports';
import type { ResultEvent, ResultStore } from '../../../src/results';
import { contestResult, participantAttempt } from '../../helpers/contest-results';

const UNITS = ['A', 'B', 'C'] as const;
const CONTESTS = ['c1', 'c2'] as const;
const QUESTIONS = ['t1-q1', 't1-q2', 't2-q3', 't2-q4', 't3-q5'];

/** A result spec over a small space, so that users, instants and attempt ids collide often. */
const resultArb = fc.record({
  attempt: fc.integer({ min: 0, max: 14 }),
  user: fc.integer({ min: 0, max: 3 }),
  unit: fc.constantFrom<string | null>(...UNITS, null),
  contest: fc.constantFrom<string | null>(...CONTESTS, null),
  startedSec: fc.integer({ min: 0, max: 4 }),
  durationSec: fc.integer({ min: 1, max: 3 }),
  answers: fc
    .subarray(QUESTIONS, { minLength: 0 })
    .chain((qs) => fc.tuple(...qs.map((q) => fc.tuple(fc.constant(q), fc.boolean())))),
  passed: fc.option(fc.boolean()),
  tiebreak: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
});

const scenarioArb = fc.record({
  results: fc.array(resultArb, { minLength: 1, maxLength: 30 }),
  /** Sizes of the groups saved together (the store batches a group's saves). */
  groups: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 30 }),
  maxBatch: fc.integer({ min: 1, max: 6 }),
});

type Spec = typeof resultArb extends fc.Arbitrary<infer T> ? T : never;

function toEvent(run: string, spec: Spec): ResultEvent {
  return contestResult({
    attempt: `${run}-a${spec.attempt}`,
    user: `u${spec.user}`,
    unit: spec.unit,
    contest: spec.contest === null ? null : `${run}-${spec.contest}`,
    startedSec: spec.startedSec,
    durationMs: spec.durationSec * 1000,
    answers: spec.answers,
    passed: spec.contest === null ? null : spec.passed,
    ...(spec.tiebreak === undefined ? {} : { tiebreak: spec.tiebreak }),
  });
}

const earlier = (a: ResultEvent, b: ResultEvent) =>
  a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.attemptId < b.attemptId);

/** The figures computed from scratch, straight from the rules in `src/reports/ports.ts`. */
export function oracle(
  stored: readonly ResultEvent[],
  contestId: string,
  units: readonly string[],
) {
  const inContest = stored.filter((e) => e.mode === 'contest' && e.contestId === contestId);
  const firsts = new Map<string, ResultEvent>();
  for (const e of inContest) {
    const seen = firsts.get(e.userId);
    if (!seen || earlier(e, seen)) firsts.set(e.userId, e);
  }
  const wanted = new Set(units);
  const unitStats: UnitContestStats[] = [];
  for (const unit of wanted) {
    const attempts = inContest.filter((e) => e.unitCode === unit).length;
    if (attempts === 0) continue;
    const mine = [...firsts.values()].filter((e) => e.unitCode === unit);
    const scoreCounts = new Array<number>(101).fill(0);
    const topics: Record<string, { correct: number; total: number }> = {};
    for (const e of mine) {
      scoreCounts[e.score]!++;
      for (const [topic, t] of Object.entries(e.byTopic)) {
        const sum = (topics[topic] ??= { correct: 0, total: 0 });
        sum.correct += t.correct;
        sum.total += t.total;
      }
    }
    unitStats.push({
      unitCode: unit,
      attempts,
      people: mine.length,
      scoreCounts,
      passed: mine.filter((e) => e.passed === true).length,
      durationMsSum: mine.reduce((s, e) => s + e.durationMs, 0),
      topics,
    });
  }
  const questions = new Map<string, QuestionStats & Record<string, unknown>>();
  const participants: ParticipantRow[] = [];
  for (const first of firsts.values()) {
    if (first.unitCode === null || !wanted.has(first.unitCode)) continue;
    for (const a of first.answers) {
      const x = a.correct ? 1 : 0;
      const rest = first.correct - x;
      const q = questions.get(a.questionId) ?? {
        questionId: a.questionId,
        n: 0,
        sumX: 0,
        sumRest: 0,
        sumXRest: 0,
        sumRestSquared: 0,
      };
      questions.set(a.questionId, {
        questionId: a.questionId,
        n: q.n + 1,
        sumX: q.sumX + x,
        sumRest: q.sumRest + rest,
        sumXRest: q.sumXRest + x * rest,
        sumRestSquared: q.sumRestSquared + rest * rest,
      });
    }
    const all = inContest.filter((e) => e.userId === first.userId);
    const best = [...all].sort(
      (a, b) => b.score - a.score || a.durationMs - b.durationMs || (earlier(a, b) ? -1 : 1),
    )[0]!;
    participants.push({
      userId: first.userId,
      unitCode: first.unitCode,
      attempts: all.length,
      first: participantAttempt(first),
      best: participantAttempt(best),
    });
  }
  return {
    unitStats,
    questionStats: [...questions.values()],
    participants,
    participantIds: new Set(inContest.map((e) => e.userId)),
  };
}

const sortBy = <T>(rows: readonly T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** What a source says, in a stable order, for comparison with {@link oracle}. */
async function observe(stats: ContestStatsSource, contestId: string, units: readonly string[]) {
  return {
    unitStats: sortBy(await stats.unitStats(contestId, units), (u) => u.unitCode),
    questionStats: sortBy(await stats.questionStats(contestId, units), (q) => q.questionId),
    participants: sortBy(await stats.participants(contestId, units), (p) => p.userId),
    participantIds: await stats.participantIds(contestId),
  };
}

function sorted(o: ReturnType<typeof oracle>) {
  return {
    unitStats: sortBy(o.unitStats, (u) => u.unitCode),
    questionStats: sortBy(o.questionStats, (q) => q.questionId),
    participants: sortBy(o.participants, (p) => p.userId),
    participantIds: o.participantIds,
  };
}

/**
 * Property: whatever results arrive, in whatever order and batches, with re-deliveries (the same
 * attempt id again, possibly with other content), the store's aggregates read through the stats
 * source equal the oracle's figures over the results that were stored (the first delivery of each
 * attempt id). Every run uses its own contest and attempt ids, so one database serves all runs.
 */
export async function checkAggregatesMatchOracle(
  open: (maxBatch: number) => { results: ResultStore; stats: ContestStatsSource },
  numRuns: number,
): Promise<void> {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(scenarioArb, async ({ results, groups, maxBatch }) => {
      const run = `r${++runs}`;
      const { results: store, stats } = open(maxBatch);
      const events = results.map((spec) => toEvent(run, spec));
      let at = 0;
      for (let g = 0; at < events.length; g++) {
        const size = groups[g % groups.length]!;
        await Promise.all(events.slice(at, at + size).map((e) => store.save(e)));
        at += size;
      }
      const stored = new Map<string, ResultEvent>();
      for (const e of events) if (!stored.has(e.attemptId)) stored.set(e.attemptId, e);
      for (const contest of CONTESTS) {
        const contestId = `${run}-${contest}`;
        for (const units of [[...UNITS], ['A'], ['B', 'C', 'nowhere']]) {
          const expected = sorted(oracle([...stored.values()], contestId, units));
          expect(await observe(stats, contestId, units)).toEqual(expected);
        }
      }
    }),
    { numRuns },
  );
}
