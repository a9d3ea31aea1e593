import type { Insertable, Kysely, Selectable } from 'kysely';
import { runBatchedStatement } from './batched-statement';
import { aggregateContestResults } from './contest-aggregates';
import type { ResultEvent } from './result-event';
import type { CompetencyResultsTable, ResultsDatabase } from './results-schema';
import type { ResultStore, ResultSummary, SaveOutcome, StoredResult } from './result-store';

/** Options for {@link KyselyResultStore}. */
export interface KyselyResultStoreOptions {
  /** Clock for `storedAt`, injectable for tests. */
  now?: () => Date;
  /** Most results written by one transaction; default 200. */
  maxBatch?: number;
}

interface PendingSave {
  event: ResultEvent;
  resolve: (outcome: SaveOutcome) => void;
  reject: (err: unknown) => void;
}

const passedToRow = (passed: boolean | null): number | null =>
  passed === null ? null : passed ? 1 : 0;
const passedFromRow = (passed: number | null): boolean | null =>
  passed === null ? null : Boolean(Number(passed));

/**
 * {@link ResultStore} on any Kysely dialect (SQLite now, PostgreSQL with the same queries): table
 * `competency_results`, created by `migrateResultsDatabase`. The Kysely instance is injected and
 * owned by the caller.
 *
 * `save` is `INSERT … ON CONFLICT (attempt_id) DO NOTHING RETURNING attempt_id`: atomic, so two
 * workers racing on the same attempt store it once. Saves that arrive together (a worker's
 * concurrent jobs) are written by a few multi-row statements, one commit for all (group commit);
 * each promise settles once its row is committed. If a batch fails, its rows are retried one by
 * one so that only the failing save rejects.
 *
 * In the same transaction as the insert, newly stored contest results are folded into the
 * contest aggregates that reports read (`aggregateContestResults`); a duplicate changes nothing.
 */
export class KyselyResultStore implements ResultStore {
  private readonly now: () => Date;
  private readonly maxBatch: number;
  private pending: PendingSave[] = [];
  private flushing = false;

  constructor(
    private readonly db: Kysely<ResultsDatabase>,
    options: KyselyResultStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.maxBatch = Math.max(1, options.maxBatch ?? 200);
  }

  save(event: ResultEvent): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes pending saves in batches until none is left (saves made meanwhile join in). */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.insertBatch(batch);
        } catch {
          for (const item of batch) {
            await this.insertBatch([item]).catch((err: unknown) => item.reject(err));
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insertBatch(batch: readonly PendingSave[]): Promise<void> {
    const storedAt = this.now().toISOString();
    const firsts = new Map<string, ResultEvent>();
    for (const { event } of batch) {
      if (!firsts.has(event.attemptId)) firsts.set(event.attemptId, event);
    }
    // In attempt id order, so that two PostgreSQL writers wait on each other instead of deadlocking.
    const events = [...firsts.values()].sort((a, b) =>
      a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0,
    );
    const stored = await this.db.transaction().execute(async (trx) => {
      const rows = events.map((e) => toRow(e, storedAt));
      const inserted = await runBatchedStatement(trx, 'competency_results', rows, (chunk) =>
        trx
          .insertInto('competency_results')
          .values(chunk)
          .onConflict((oc) => oc.column('attempt_id').doNothing())
          .returning('attempt_id'),
      );
      const ids = new Set(inserted.map((r) => r.attempt_id));
      await aggregateContestResults(
        trx,
        events.filter(
          (e): e is ResultEvent & { contestId: string } =>
            ids.has(e.attemptId) && e.mode === 'contest' && e.contestId !== null,
        ),
      );
      return ids;
    });
    for (const item of batch) {
      // Only the first save of an attempt in the batch can have stored it.
      const first = stored.delete(item.event.attemptId);
      item.resolve(first ? 'stored' : 'duplicate');
    }
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

function toRow(event: ResultEvent, storedAt: string): Insertable<CompetencyResultsTable> {
  return {
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
    stored_at: storedAt,
  };
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
