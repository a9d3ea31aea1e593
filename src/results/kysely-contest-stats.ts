import type { Kysely } from 'kysely';
import type {
  ContestStatsSource,
  ParticipantAttempt,
  ParticipantRow,
  QuestionStats,
  UnitContestStats,
} from '../reports/ports';
import { ATTEMPT_COLUMN_NAMES } from './contest-aggregates';
import type { ContestParticipantsTable, ResultsDatabase } from './results-schema';

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
 * `KyselyResultStore.save` maintains (tables `contest_*`, migrations 0003 and 0005), never
 * `competency_results`. The Kysely instance is injected and
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

  /**
   * Sums the given units' rows, or, when they are more than half of the units with results (a
   * report on the root unit), subtracts the other units' rows from the contest's totals.
   */
  async questionStats(contestId: string, unitCodes: readonly string[]): Promise<QuestionStats[]> {
    const wanted = unique(unitCodes);
    if (wanted.length === 0) return [];
    const present = await this.db
      .selectFrom('contest_unit_stats')
      .select('unit_code')
      .where('contest_id', '=', contestId)
      .execute();
    const asked = new Set(wanted);
    const others = present.map((r) => r.unit_code).filter((u) => !asked.has(u));
    const inside = present.length - others.length;
    const sums = new Map<string, Mutable<QuestionStats>>();
    const add = (
      rows: readonly (Record<'n' | SumColumn, number | string> & { question_id: string })[],
      sign: 1 | -1,
    ) => {
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
        q.n += sign * Number(r.n);
        q.sumX += sign * Number(r.sum_x);
        q.sumRest += sign * Number(r.sum_rest);
        q.sumXRest += sign * Number(r.sum_x_rest);
        q.sumRestSquared += sign * Number(r.sum_rest_sq);
      }
    };
    if (others.length < inside) {
      add(
        await this.db
          .selectFrom('contest_questions')
          .select(['question_id', 'n', ...SUM_COLUMNS])
          .where('contest_id', '=', contestId)
          .where('n', '>', 0)
          .execute(),
        1,
      );
      for (const units of unitChunks(others))
        add(await this.unitQuestionSums(contestId, units), -1);
    } else if (inside > 0) {
      for (const units of unitChunks(wanted)) add(await this.unitQuestionSums(contestId, units), 1);
    }
    return [...sums.values()].filter((q) => q.n > 0);
  }

  private unitQuestionSums(contestId: string, units: readonly string[]) {
    return this.db
      .selectFrom('contest_unit_questions')
      .select((eb) => [
        'question_id',
        eb.fn.sum<number | string>('n').as('n'),
        ...SUM_COLUMNS.map((c) => eb.fn.sum<number | string>(c).as(c)),
      ])
      .where('contest_id', '=', contestId)
      .where('unit_code', 'in', units)
      .where('n', '>', 0)
      .groupBy('question_id')
      .execute() as Promise<(Record<'n' | SumColumn, number | string> & { question_id: string })[]>;
  }

  /** Reads the participant rows alone: each holds its first and best attempts (no answers). */
  async participants(contestId: string, unitCodes: readonly string[]): Promise<ParticipantRow[]> {
    const participants: ParticipantRow[] = [];
    for (const units of unitChunks(unitCodes)) {
      const rows = await this.db
        .selectFrom('contest_participants')
        .select(PARTICIPANT_COLUMNS)
        .where('contest_id', '=', contestId)
        .where('unit_code', 'in', units)
        .execute();
      for (const r of rows) {
        const first = firstAttempt(r);
        participants.push({
          userId: r.user_id,
          unitCode: r.unit_code!,
          attempts: Number(r.attempts),
          first,
          best: r.best_attempt_id === r.first_attempt_id ? first : bestAttempt(r),
        });
      }
    }
    return participants;
  }

  async participantIds(contestId: string): Promise<ReadonlySet<string>> {
    const rows = await this.db
      .selectFrom('contest_participants')
      .select('user_id')
      .where('contest_id', '=', contestId)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const SUM_COLUMNS = ['sum_x', 'sum_rest', 'sum_x_rest', 'sum_rest_sq'] as const;
type SumColumn = (typeof SUM_COLUMNS)[number];

const PARTICIPANT_COLUMNS = [
  'user_id',
  'unit_code',
  'attempts',
  ...(['first_', 'best_'] as const).flatMap((prefix) =>
    ATTEMPT_COLUMN_NAMES.map((name) => `${prefix}${name}` as const),
  ),
] as const;

type Row = Pick<ContestParticipantsTable, (typeof PARTICIPANT_COLUMNS)[number]>;

const firstAttempt = (r: Row): ParticipantAttempt =>
  attempt(
    r.first_attempt_id,
    r.first_started_at,
    r.first_submitted_at,
    r.first_duration_ms,
    r.first_score,
    r.first_correct,
    r.first_total,
    r.first_passed,
    r.first_tiebreak,
    r.first_by_topic,
  );

const bestAttempt = (r: Row): ParticipantAttempt =>
  attempt(
    r.best_attempt_id,
    r.best_started_at,
    r.best_submitted_at,
    r.best_duration_ms,
    r.best_score,
    r.best_correct,
    r.best_total,
    r.best_passed,
    r.best_tiebreak,
    r.best_by_topic,
  );

/**
 * A participant attempt from its columns. `byTopic` is parsed on first read (then kept): the
 * ranking and the workbook never read it, and parsing 60,000 small JSON objects took a third of a
 * root-unit read.
 */
function attempt(
  attemptId: string,
  startedAt: string,
  submittedAt: string,
  durationMs: number | string,
  score: number,
  correct: number,
  total: number,
  passed: number | null,
  tiebreak: number | string | null,
  byTopicJson: string,
): ParticipantAttempt {
  let byTopic: ParticipantAttempt['byTopic'] | undefined;
  const a = {
    attemptId,
    startedAt,
    submittedAt,
    durationMs: Number(durationMs),
    score: Number(score),
    correct: Number(correct),
    total: Number(total),
    passed: passed === null ? null : Number(passed) === 1,
    get byTopic() {
      return (byTopic ??= JSON.parse(byTopicJson) as ParticipantAttempt['byTopic']);
    },
  };
  return tiebreak === null ? a : Object.assign(a, { tiebreak: Number(tiebreak) });
}
