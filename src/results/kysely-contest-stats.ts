import type { Kysely } from 'kysely';
import { rankingComparator } from '../quiz';
import type {
  ContestStatsSource,
  ParticipantAttempt,
  ParticipantRow,
  QuestionStats,
  UnitContestStats,
} from '../reports/ports';
import { isEarlierAttempt } from './contest-aggregates';
import type { ResultsDatabase } from './results-database';

// Unit codes per `IN (…)` list: a root unit's subtree (~700 codes) takes two statements.
const UNITS_PER_QUERY = 500;

const unique = (codes: readonly string[]): string[] => [...new Set(codes)];

function unitChunks(codes: readonly string[]): string[][] {
  const all = unique(codes);
  const chunks: string[][] = [];
  for (let i = 0; i < all.length; i += UNITS_PER_QUERY) {
    chunks.push(all.slice(i, i + UNITS_PER_QUERY));
  }
  return chunks;
}

type Topics = Record<string, { correct: number; total: number }>;

/**
 * {@link ContestStatsSource} on any Kysely dialect, reading the contest aggregates that
 * `KyselyResultStore.save` maintains (tables `contest_*`, migration 0003) and, for the participant
 * list, `competency_results` without its `answers` column. The Kysely instance is injected and
 * owned by the caller. Unit code lists of any length are split into several queries; an empty
 * list gives an empty result without a query. Rejects only when the database fails.
 */
export class KyselyContestStats implements ContestStatsSource {
  constructor(private readonly db: Kysely<ResultsDatabase>) {}

  async unitStats(contestId: string, unitCodes: readonly string[]): Promise<UnitContestStats[]> {
    const stats: UnitContestStats[] = [];
    for (const units of unitChunks(unitCodes)) {
      const [rows, scores, topics] = await Promise.all([
        this.db
          .selectFrom('contest_unit_stats')
          .select(['unit_code', 'attempts', 'people', 'passed', 'duration_ms_sum'])
          .where('contest_id', '=', contestId)
          .where('unit_code', 'in', units)
          .where('attempts', '>', 0)
          .execute(),
        this.db
          .selectFrom('contest_unit_scores')
          .select(['unit_code', 'score', 'n'])
          .where('contest_id', '=', contestId)
          .where('unit_code', 'in', units)
          .where('n', '>', 0)
          .execute(),
        this.db
          .selectFrom('contest_unit_topics')
          .select(['unit_code', 'topic', 'correct', 'total'])
          .where('contest_id', '=', contestId)
          .where('unit_code', 'in', units)
          .where('n', '>', 0)
          .execute(),
      ]);
      const scoreCounts = new Map<string, number[]>();
      for (const s of scores) {
        let counts = scoreCounts.get(s.unit_code);
        if (!counts) scoreCounts.set(s.unit_code, (counts = new Array<number>(101).fill(0)));
        counts[Number(s.score)] = Number(s.n);
      }
      const byUnit = new Map<string, [string, { correct: number; total: number }][]>();
      for (const t of topics) {
        let list = byUnit.get(t.unit_code);
        if (!list) byUnit.set(t.unit_code, (list = []));
        list.push([t.topic, { correct: Number(t.correct), total: Number(t.total) }]);
      }
      for (const r of rows) {
        stats.push({
          unitCode: r.unit_code,
          attempts: Number(r.attempts),
          people: Number(r.people),
          scoreCounts: scoreCounts.get(r.unit_code) ?? new Array<number>(101).fill(0),
          passed: Number(r.passed),
          durationMsSum: Number(r.duration_ms_sum),
          // fromEntries defines own properties, so any topic id (even `__proto__`) is kept as is.
          topics: Object.fromEntries(byUnit.get(r.unit_code) ?? []) as Topics,
        });
      }
    }
    return stats;
  }

  async questionStats(contestId: string, unitCodes: readonly string[]): Promise<QuestionStats[]> {
    const sums = new Map<string, { -readonly [K in keyof QuestionStats]: QuestionStats[K] }>();
    for (const units of unitChunks(unitCodes)) {
      const rows = await this.db
        .selectFrom('contest_unit_questions')
        .select((eb) => [
          'question_id',
          eb.fn.sum<number | string>('n').as('n'),
          eb.fn.sum<number | string>('sum_x').as('sum_x'),
          eb.fn.sum<number | string>('sum_rest').as('sum_rest'),
          eb.fn.sum<number | string>('sum_x_rest').as('sum_x_rest'),
          eb.fn.sum<number | string>('sum_rest_sq').as('sum_rest_sq'),
        ])
        .where('contest_id', '=', contestId)
        .where('unit_code', 'in', units)
        .where('n', '>', 0)
        .groupBy('question_id')
        .execute();
      for (const r of rows) {
        let q = sums.get(r.question_id);
        if (!q) {
          q = {
            questionId: r.question_id,
            n: 0,
            sumX: 0,
            sumRest: 0,
            sumXRest: 0,
            sumRestSquared: 0,
          };
          sums.set(r.question_id, q);
        }
        q.n += Number(r.n);
        q.sumX += Number(r.sum_x);
        q.sumRest += Number(r.sum_rest);
        q.sumXRest += Number(r.sum_x_rest);
        q.sumRestSquared += Number(r.sum_rest_sq);
      }
    }
    return [...sums.values()];
  }

  /**
   * Each person's attempts are read in full (without answers); the best attempt is the first by
   * `rankingComparator(undefined)` (score descending, then duration ascending), and among attempts
   * that tie on both, the earliest by the first-attempt rule.
   */
  async participants(contestId: string, unitCodes: readonly string[]): Promise<ParticipantRow[]> {
    const compare = rankingComparator(undefined);
    const participants: ParticipantRow[] = [];
    for (const units of unitChunks(unitCodes)) {
      const rows = await this.db
        .selectFrom('contest_first_attempts as f')
        .innerJoin('competency_results as r', (join) =>
          join.onRef('r.contest_id', '=', 'f.contest_id').onRef('r.user_id', '=', 'f.user_id'),
        )
        .select([
          'f.attempt_id as first_attempt_id',
          'f.unit_code as first_unit_code',
          'r.attempt_id',
          'r.user_id',
          'r.started_at',
          'r.submitted_at',
          'r.duration_ms',
          'r.score',
          'r.correct',
          'r.total',
          'r.passed',
          'r.tiebreak',
          'r.by_topic',
        ])
        .where('f.contest_id', '=', contestId)
        .where('f.unit_code', 'in', units)
        .where('r.mode', '=', 'contest')
        .execute();
      type Row = (typeof rows)[number];
      const ranked = (r: Row) => ({
        score: Number(r.score),
        durationMs: Number(r.duration_ms),
        startedAt: r.started_at,
        attemptId: r.attempt_id,
      });
      const people = new Map<string, { first?: Row; best: Row; attempts: number }>();
      for (const r of rows) {
        const person = people.get(r.user_id);
        if (!person) {
          people.set(r.user_id, {
            first: r.attempt_id === r.first_attempt_id ? r : undefined,
            best: r,
            attempts: 1,
          });
          continue;
        }
        person.attempts++;
        if (r.attempt_id === r.first_attempt_id) person.first = r;
        const a = ranked(r);
        const b = ranked(person.best);
        const order = compare(a, b);
        if (order < 0 || (order === 0 && isEarlierAttempt(a, b))) person.best = r;
      }
      for (const [userId, person] of people) {
        // The first attempt's row is committed with its first-attempt row: it is always there.
        const first = person.first!;
        participants.push({
          userId,
          unitCode: first.first_unit_code!,
          attempts: person.attempts,
          first: toAttempt(first),
          best: toAttempt(person.best),
        });
      }
    }
    return participants;
  }

  async participantIds(contestId: string): Promise<ReadonlySet<string>> {
    const rows = await this.db
      .selectFrom('contest_first_attempts')
      .select('user_id')
      .where('contest_id', '=', contestId)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }
}

function toAttempt(r: {
  attempt_id: string;
  started_at: string;
  submitted_at: string;
  duration_ms: number | string;
  score: number;
  correct: number;
  total: number;
  passed: number | null;
  tiebreak: number | string | null;
  by_topic: string;
}): ParticipantAttempt {
  return {
    attemptId: r.attempt_id,
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
    durationMs: Number(r.duration_ms),
    score: Number(r.score),
    correct: Number(r.correct),
    total: Number(r.total),
    passed: r.passed === null ? null : Number(r.passed) === 1,
    ...(r.tiebreak === null ? {} : { tiebreak: Number(r.tiebreak) }),
    byTopic: JSON.parse(r.by_topic) as ParticipantAttempt['byTopic'],
  };
}
