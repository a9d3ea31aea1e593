import type { Kysely, Selectable } from 'kysely';
import type { ResultEvent } from './result-event';
import type { CompetencyResultsTable, ResultsDatabase } from './results-database';
import type { ResultStore, ResultSummary, SaveOutcome, StoredResult } from './result-store';

/** Options for {@link KyselyResultStore}. */
export interface KyselyResultStoreOptions {
  /** Clock for `storedAt`, injectable for tests. */
  now?: () => Date;
}

const passedToRow = (passed: boolean | null): number | null =>
  passed === null ? null : passed ? 1 : 0;
const passedFromRow = (passed: number | null): boolean | null =>
  passed === null ? null : Boolean(Number(passed));

/**
 * {@link ResultStore} on any Kysely dialect (SQLite now, PostgreSQL with the same queries): table
 * `competency_results`, created by `migrateResultsDatabase`. The Kysely instance is injected and
 * owned by the caller. `save` is `INSERT … ON CONFLICT (attempt_id) DO NOTHING`: atomic, so two
 * workers racing on the same attempt store it once.
 */
export class KyselyResultStore implements ResultStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<ResultsDatabase>,
    options: KyselyResultStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async save(event: ResultEvent): Promise<SaveOutcome> {
    const result = await this.db
      .insertInto('competency_results')
      .values({
        attempt_id: event.attemptId,
        schema_version: event.schemaVersion,
        contest_id: event.contestId,
        mode: event.mode,
        user_id: event.userId,
        unit_code: event.unitCode,
        started_at: event.startedAt,
        submitted_at: event.submittedAt,
        duration_ms: event.durationMs,
        score: event.score,
        correct: event.correct,
        total: event.total,
        passed: passedToRow(event.passed),
        by_topic: JSON.stringify(event.byTopic),
        answers: JSON.stringify(event.answers),
        tiebreak: event.tiebreak ?? null,
        stored_at: this.now().toISOString(),
      })
      .onConflict((oc) => oc.column('attempt_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'stored' : 'duplicate';
  }

  async get(attemptId: string): Promise<StoredResult | undefined> {
    if (typeof attemptId !== 'string') return undefined;
    const row = await this.db
      .selectFrom('competency_results')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
    return row ? { event: toEvent(row), storedAt: row.stored_at } : undefined;
  }

  async listForUser(userId: string, options: { limit?: number } = {}): Promise<ResultSummary[]> {
    if (typeof userId !== 'string') return [];
    const limit = Math.max(1, Math.min(Math.trunc(options.limit ?? 10) || 10, 100));
    const rows = await this.db
      .selectFrom('competency_results')
      .select([
        'attempt_id',
        'contest_id',
        'mode',
        'submitted_at',
        'score',
        'correct',
        'total',
        'passed',
      ])
      .where('user_id', '=', userId)
      .orderBy('submitted_at', 'desc')
      .orderBy('attempt_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      attemptId: r.attempt_id,
      contestId: r.contest_id,
      mode: r.mode as ResultSummary['mode'],
      submittedAt: r.submitted_at,
      score: Number(r.score),
      correct: Number(r.correct),
      total: Number(r.total),
      passed: passedFromRow(r.passed),
    }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('competency_results')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toEvent(row: Selectable<CompetencyResultsTable>): ResultEvent {
  return {
    schemaVersion: Number(row.schema_version) as ResultEvent['schemaVersion'],
    attemptId: row.attempt_id,
    contestId: row.contest_id,
    mode: row.mode as ResultEvent['mode'],
    userId: row.user_id,
    unitCode: row.unit_code,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    durationMs: Number(row.duration_ms),
    score: Number(row.score),
    correct: Number(row.correct),
    total: Number(row.total),
    passed: passedFromRow(row.passed),
    byTopic: JSON.parse(row.by_topic) as ResultEvent['byTopic'],
    answers: JSON.parse(row.answers) as ResultEvent['answers'],
    ...(row.tiebreak === null ? {} : { tiebreak: Number(row.tiebreak) }),
  };
}
