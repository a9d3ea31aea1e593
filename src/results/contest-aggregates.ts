import type { Kysely } from 'kysely';
import { rankingComparator } from '../quiz';
import { MAX_PARAMS, runBatchedStatement } from './batched-statement';
import type { AttemptColumns, ParticipantAttemptColumns, ResultsDatabase } from './results-schema';

/*
 * Incremental contest aggregates (tables `contest_*`, created by migration 0003): what the
 * reports read instead of scanning and parsing every stored result. See `src/reports/ports.ts`
 * for the rules: a contest result counts toward the unit recorded with it; summary figures and
 * item analysis use each person's first attempt (earliest `startedAt`, ties: smallest attempt id);
 * attempt counts include every attempt. Each person's best attempt (for the ranking) is kept too:
 * first by `rankingComparator` without the tiebreak answer (score descending, then duration
 * ascending), then the earliest by the first-attempt rule. Both attempts are copied whole (but for
 * their answers) into the person's row, so that the participant list reads that table alone.
 */

/** What the aggregates need to know about one stored contest result. */
export interface ContestResultFacts extends AttemptOrder {
  readonly attemptId: string;
  readonly contestId: string;
  readonly userId: string;
  readonly unitCode: string | null;
  readonly startedAt: string;
  readonly submittedAt: string;
  readonly score: number;
  readonly passed: boolean | null;
  readonly durationMs: number;
  readonly correct: number;
  readonly total: number;
  readonly tiebreak?: number | undefined;
  readonly byTopic: Readonly<Record<string, { readonly correct: number; readonly total: number }>>;
  readonly answers: readonly { readonly questionId: string; readonly correct: boolean }[];
}

/** What orders attempts: the first-attempt rule and the best-attempt rule. */
export interface AttemptOrder {
  readonly attemptId: string;
  readonly startedAt: string;
  readonly score: number;
  readonly durationMs: number;
}

/** The columns of one attempt in a participant row, unprefixed (see `ParticipantAttemptColumns`). */
export const ATTEMPT_COLUMN_NAMES = [
  'attempt_id',
  'started_at',
  'submitted_at',
  'duration_ms',
  'score',
  'correct',
  'total',
  'passed',
  'tiebreak',
  'by_topic',
] as const satisfies readonly (keyof ParticipantAttemptColumns)[];

/**
 * Whether attempt `a` comes before `b` for the first-attempt rule. Instants are ISO 8601 UTC with
 * milliseconds, so they compare as strings; attempt ids compare as JavaScript strings, never in SQL
 * (a PostgreSQL collation could order them differently).
 */
export function isEarlierAttempt(
  a: Pick<AttemptOrder, 'startedAt' | 'attemptId'>,
  b: Pick<AttemptOrder, 'startedAt' | 'attemptId'>,
): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.attemptId < b.attemptId);
}

const ranking = rankingComparator(undefined);

/** Whether attempt `a` ranks above `b` (see the header: the best-attempt rule). */
export function isBetterAttempt(a: AttemptOrder, b: AttemptOrder): boolean {
  const order = ranking(a, b);
  return order < 0 || (order === 0 && isEarlierAttempt(a, b));
}

type Numeric<T extends string> = Record<T, number>;
interface UnitKey {
  contest_id: string;
  unit_code: string;
}
type UnitRow = UnitKey & Numeric<'attempts' | 'people' | 'passed' | 'duration_ms_sum'>;
type ScoreRow = UnitKey & { score: number } & Numeric<'n'>;
type TopicRow = UnitKey & { topic: string } & Numeric<'n' | 'correct' | 'total'>;
type QuestionRow = UnitKey & { question_id: string } & Numeric<
    'n' | 'sum_x' | 'sum_rest' | 'sum_x_rest' | 'sum_rest_sq'
  >;

const keyOf = (...parts: (string | number)[]): string => JSON.stringify(parts);

function bump<R extends object>(
  map: Map<string, R>,
  key: string,
  make: () => R,
  add: Readonly<Record<string, number>>,
): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  const target = row as Record<string, unknown>;
  for (const [name, value] of Object.entries(add)) {
    target[name] = (target[name] as number) + value;
  }
}

/** Changes to the aggregate tables, summed in memory and written by {@link applyDelta}. */
class AggregateDelta {
  readonly units = new Map<string, UnitRow>();
  readonly scores = new Map<string, ScoreRow>();
  readonly topics = new Map<string, TopicRow>();
  readonly questions = new Map<string, QuestionRow>();
  /** The same sums over every unit of the contest. */
  readonly questionTotals = new Map<string, Omit<QuestionRow, 'unit_code'>>();

  private unit(
    contestId: string,
    unitCode: string,
    add: Partial<Numeric<'attempts' | 'people' | 'passed' | 'duration_ms_sum'>>,
  ): void {
    bump(
      this.units,
      keyOf(contestId, unitCode),
      () => ({
        contest_id: contestId,
        unit_code: unitCode,
        attempts: 0,
        people: 0,
        passed: 0,
        duration_ms_sum: 0,
      }),
      add,
    );
  }

  /** One more attempt attributed to the unit. */
  countAttempt(contestId: string, unitCode: string | null): void {
    if (unitCode !== null) this.unit(contestId, unitCode, { attempts: 1 });
  }

  /** Adds (`sign` 1) or removes (-1) a first attempt's contributions. */
  firstAttempt(f: ContestResultFacts, sign: 1 | -1): void {
    const { contestId: c, unitCode: u } = f;
    if (u === null) return;
    const passed = f.passed === true ? sign : 0;
    this.unit(c, u, { people: sign, passed, duration_ms_sum: sign * f.durationMs });
    bump(
      this.scores,
      keyOf(c, u, f.score),
      () => ({ contest_id: c, unit_code: u, score: f.score, n: 0 }),
      { n: sign },
    );
    for (const [topic, t] of Object.entries(f.byTopic)) {
      bump(
        this.topics,
        keyOf(c, u, topic),
        () => ({ contest_id: c, unit_code: u, topic, n: 0, correct: 0, total: 0 }),
        { n: sign, correct: sign * t.correct, total: sign * t.total },
      );
    }
    for (const answer of f.answers) {
      const x = answer.correct ? 1 : 0;
      const rest = f.correct - x;
      const sums = {
        n: sign,
        sum_x: sign * x,
        sum_rest: sign * rest,
        sum_x_rest: sign * x * rest,
        sum_rest_sq: sign * rest * rest,
      };
      const zero = { n: 0, sum_x: 0, sum_rest: 0, sum_x_rest: 0, sum_rest_sq: 0 };
      const q = answer.questionId;
      bump(
        this.questions,
        keyOf(c, u, q),
        () => ({ contest_id: c, unit_code: u, question_id: q, ...zero }),
        sums,
      );
      bump(
        this.questionTotals,
        keyOf(c, q),
        () => ({ contest_id: c, question_id: q, ...zero }),
        sums,
      );
    }
  }
}

/** `rows` in chunks of at most `MAX_PARAMS` bound values. */
export function chunked<T>(rows: readonly T[], perRow = 1): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * Rows of `map` with some non-zero counter, in key order: concurrent writers on PostgreSQL then
 * lock the rows they share in the same order and cannot deadlock each other.
 */
function changedRows<R extends object>(map: Map<string, R>, counters: readonly (keyof R)[]): R[] {
  return [...map.entries()]
    .filter(([, row]) => counters.some((name) => row[name] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

/** Writes a delta: one `INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c` per table chunk. */
async function applyDelta(db: Kysely<ResultsDatabase>, delta: AggregateDelta): Promise<void> {
  const units = changedRows(delta.units, ['attempts', 'people', 'passed', 'duration_ms_sum']);
  await runBatchedStatement(db, 'contest_unit_stats', units, (chunk) =>
    db
      .insertInto('contest_unit_stats')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['contest_id', 'unit_code']).doUpdateSet((eb) => ({
          attempts: eb('contest_unit_stats.attempts', '+', eb.ref('excluded.attempts')),
          people: eb('contest_unit_stats.people', '+', eb.ref('excluded.people')),
          passed: eb('contest_unit_stats.passed', '+', eb.ref('excluded.passed')),
          duration_ms_sum: eb(
            'contest_unit_stats.duration_ms_sum',
            '+',
            eb.ref('excluded.duration_ms_sum'),
          ),
        })),
      ),
  );
  await runBatchedStatement(db, 'contest_unit_scores', changedRows(delta.scores, ['n']), (chunk) =>
    db
      .insertInto('contest_unit_scores')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['contest_id', 'unit_code', 'score']).doUpdateSet((eb) => ({
          n: eb('contest_unit_scores.n', '+', eb.ref('excluded.n')),
        })),
      ),
  );
  const topics = changedRows(delta.topics, ['n', 'correct', 'total']);
  await runBatchedStatement(db, 'contest_unit_topics', topics, (chunk) =>
    db
      .insertInto('contest_unit_topics')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['contest_id', 'unit_code', 'topic']).doUpdateSet((eb) => ({
          n: eb('contest_unit_topics.n', '+', eb.ref('excluded.n')),
          correct: eb('contest_unit_topics.correct', '+', eb.ref('excluded.correct')),
          total: eb('contest_unit_topics.total', '+', eb.ref('excluded.total')),
        })),
      ),
  );
  const sums = ['n', 'sum_x', 'sum_rest', 'sum_x_rest', 'sum_rest_sq'] as const;
  const questions = changedRows(delta.questions, sums);
  await runBatchedStatement(db, 'contest_unit_questions', questions, (chunk) =>
    db
      .insertInto('contest_unit_questions')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['contest_id', 'unit_code', 'question_id']).doUpdateSet((eb) => ({
          n: eb('contest_unit_questions.n', '+', eb.ref('excluded.n')),
          sum_x: eb('contest_unit_questions.sum_x', '+', eb.ref('excluded.sum_x')),
          sum_rest: eb('contest_unit_questions.sum_rest', '+', eb.ref('excluded.sum_rest')),
          sum_x_rest: eb('contest_unit_questions.sum_x_rest', '+', eb.ref('excluded.sum_x_rest')),
          sum_rest_sq: eb(
            'contest_unit_questions.sum_rest_sq',
            '+',
            eb.ref('excluded.sum_rest_sq'),
          ),
        })),
      ),
  );
  const totals = changedRows(delta.questionTotals, sums);
  await runBatchedStatement(db, 'contest_questions', totals, (chunk) =>
    db
      .insertInto('contest_questions')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['contest_id', 'question_id']).doUpdateSet((eb) => ({
          n: eb('contest_questions.n', '+', eb.ref('excluded.n')),
          sum_x: eb('contest_questions.sum_x', '+', eb.ref('excluded.sum_x')),
          sum_rest: eb('contest_questions.sum_rest', '+', eb.ref('excluded.sum_rest')),
          sum_x_rest: eb('contest_questions.sum_x_rest', '+', eb.ref('excluded.sum_x_rest')),
          sum_rest_sq: eb('contest_questions.sum_rest_sq', '+', eb.ref('excluded.sum_rest_sq')),
        })),
      ),
  );
}

/** The aggregate facts of stored results, read back from their rows (the old first attempts). */
export async function readFacts(
  db: Kysely<ResultsDatabase>,
  attemptIds: readonly string[],
): Promise<Map<string, ContestResultFacts>> {
  const facts = new Map<string, ContestResultFacts>();
  for (const chunk of chunked(attemptIds)) {
    const rows = await db
      .selectFrom('competency_results')
      .select([
        'attempt_id',
        'contest_id',
        'user_id',
        'unit_code',
        'started_at',
        'submitted_at',
        'score',
        'passed',
        'duration_ms',
        'correct',
        'total',
        'tiebreak',
        'by_topic',
        'answers',
      ])
      .where('attempt_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      facts.set(r.attempt_id, {
        attemptId: r.attempt_id,
        contestId: r.contest_id ?? '',
        userId: r.user_id,
        unitCode: r.unit_code,
        startedAt: r.started_at,
        submittedAt: r.submitted_at,
        score: Number(r.score),
        passed: r.passed === null ? null : Number(r.passed) === 1,
        durationMs: Number(r.duration_ms),
        correct: Number(r.correct),
        total: Number(r.total),
        ...(r.tiebreak === null ? {} : { tiebreak: Number(r.tiebreak) }),
        byTopic: JSON.parse(r.by_topic) as ContestResultFacts['byTopic'],
        answers: JSON.parse(r.answers) as ContestResultFacts['answers'],
      });
    }
  }
  return facts;
}

/** One (contest, person) as this batch changes it. */
interface ParticipantChange {
  first: ContestResultFacts;
  best: ContestResultFacts;
  attempts: number;
}

type ParticipantRow = ResultsDatabase['contest_participants'];

/** The columns of `contest_participants` that {@link writeParticipants} rewrites, all but the key. */
const PARTICIPANT_COLUMNS = [
  'unit_code',
  'attempts',
  ...(['first_', 'best_'] as const).flatMap((prefix) =>
    ATTEMPT_COLUMN_NAMES.map((name) => `${prefix}${name}` as const),
  ),
] as const satisfies readonly (keyof ParticipantRow)[];

/** An attempt as `contest_participants` stores it (see `ParticipantAttemptColumns`). */
export function attemptColumns(f: ContestResultFacts): ParticipantAttemptColumns {
  return {
    attempt_id: f.attemptId,
    started_at: f.startedAt,
    submitted_at: f.submittedAt,
    duration_ms: f.durationMs,
    score: f.score,
    correct: f.correct,
    total: f.total,
    passed: f.passed === null ? null : f.passed ? 1 : 0,
    tiebreak: f.tiebreak ?? null,
    by_topic: JSON.stringify(f.byTopic),
  };
}

/** `columns` named for `prefix` (`first_` or `best_`). */
export function prefixed<P extends 'first_' | 'best_'>(
  prefix: P,
  columns: ParticipantAttemptColumns,
): AttemptColumns<P> {
  const row: Record<string, unknown> = {};
  for (const name of ATTEMPT_COLUMN_NAMES) row[prefix + name] = columns[name];
  return row as AttemptColumns<P>;
}

/** The columns of the attempt stored under `prefix` in a participant row. */
function unprefixed(row: ParticipantRow, prefix: 'first_' | 'best_'): ParticipantAttemptColumns {
  const columns: Record<string, unknown> = {};
  for (const name of ATTEMPT_COLUMN_NAMES) columns[name] = row[`${prefix}${name}`];
  return columns as unknown as ParticipantAttemptColumns;
}

const orderOf = (c: ParticipantAttemptColumns): AttemptOrder => ({
  attemptId: c.attempt_id,
  startedAt: c.started_at,
  score: Number(c.score),
  durationMs: Number(c.duration_ms),
});

function participantRow(
  contestId: string,
  userId: string,
  unitCode: string | null,
  attempts: number,
  first: ParticipantAttemptColumns,
  best: ParticipantAttemptColumns,
): ParticipantRow {
  return {
    contest_id: contestId,
    user_id: userId,
    unit_code: unitCode,
    attempts,
    ...prefixed('first_', first),
    ...prefixed('best_', best),
  };
}

/** Writes whole participant rows over the stored ones (or as new rows). */
export async function writeParticipants(
  db: Kysely<ResultsDatabase>,
  rows: readonly ParticipantRow[],
): Promise<void> {
  await runBatchedStatement(db, 'contest_participants', rows, (chunk) =>
    db
      .insertInto('contest_participants')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['contest_id', 'user_id'])
          .doUpdateSet((eb) =>
            Object.fromEntries(PARTICIPANT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          ),
      ),
  );
}

/**
 * Folds contest results that were just inserted (in the caller's transaction, `db`) into the
 * aggregates. Every result counts as an attempt of its unit and of its person. Per (contest,
 * person), the earliest new result becomes the first attempt unless the stored one is earlier;
 * when it displaces one, the old first attempt's contributions (read back from its row) are
 * removed and the new one's added. The best attempt is kept the same way.
 *
 * The participant rows are claimed with `INSERT … ON CONFLICT DO UPDATE` (a no-op update that
 * returns the stored row): on PostgreSQL that locks each (contest, person) until commit, so
 * concurrent writers of one person's attempts take turns; on SQLite the transaction holds the
 * write lock from its first insert. The rows that change are then written in one statement.
 */
export async function aggregateContestResults(
  db: Kysely<ResultsDatabase>,
  results: readonly ContestResultFacts[],
): Promise<void> {
  if (results.length === 0) return;
  const delta = new AggregateDelta();
  const changes = new Map<string, ParticipantChange>();
  for (const r of results) {
    delta.countAttempt(r.contestId, r.unitCode);
    const key = keyOf(r.contestId, r.userId);
    const seen = changes.get(key);
    if (!seen) {
      changes.set(key, { first: r, best: r, attempts: 1 });
      continue;
    }
    seen.attempts++;
    if (isEarlierAttempt(r, seen.first)) seen.first = r;
    if (isBetterAttempt(r, seen.best)) seen.best = r;
  }
  // In key order, so that concurrent PostgreSQL writers lock shared rows in the same order.
  const claims = [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rewrites: ParticipantRow[] = [];
  const displaced: { first: ContestResultFacts; old: string }[] = [];
  const claimed = claims.map(([, c]) => {
    const first = attemptColumns(c.first);
    const best = c.best === c.first ? first : attemptColumns(c.best);
    return participantRow(
      c.first.contestId,
      c.first.userId,
      c.first.unitCode,
      c.attempts,
      first,
      best,
    );
  });
  const stored = await runBatchedStatement(db, 'contest_participants_claim', claimed, (chunk) =>
    db
      .insertInto('contest_participants')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['contest_id', 'user_id'])
          .doUpdateSet((eb) => ({ attempts: eb.ref('contest_participants.attempts') })),
      )
      .returningAll(),
  );
  for (const row of stored) {
    const change = changes.get(keyOf(row.contest_id, row.user_id))!;
    if (row.first_attempt_id === change.first.attemptId) {
      // Inserted: the person's first attempts at the contest are in this batch.
      delta.firstAttempt(change.first, 1);
      continue;
    }
    const oldFirst = unprefixed(row, 'first_');
    const oldBest = unprefixed(row, 'best_');
    const moved = isEarlierAttempt(change.first, orderOf(oldFirst));
    if (moved) displaced.push({ first: change.first, old: row.first_attempt_id });
    rewrites.push(
      participantRow(
        row.contest_id,
        row.user_id,
        moved ? change.first.unitCode : row.unit_code,
        Number(row.attempts) + change.attempts,
        moved ? attemptColumns(change.first) : oldFirst,
        isBetterAttempt(change.best, orderOf(oldBest)) ? attemptColumns(change.best) : oldBest,
      ),
    );
  }
  if (displaced.length > 0) {
    const old = await readFacts(
      db,
      displaced.map((d) => d.old),
    );
    for (const { first, old: oldId } of displaced) {
      delta.firstAttempt(old.get(oldId)!, -1);
      delta.firstAttempt(first, 1);
    }
  }
  await writeParticipants(db, rewrites);
  await applyDelta(db, delta);
}
