import type { Kysely } from 'kysely';
import type { DeadLetter, DeadLetterSource, DeadLetterStore } from './dead-letter-store';
import type { ResultsDatabase } from './results-schema';

/**
 * {@link DeadLetterStore} on any Kysely dialect: table `result_dead_letters`, created by
 * `migrateResultsDatabase`, keyed by delivery id (`ON CONFLICT (id) DO NOTHING`). The Kysely
 * instance is injected and owned by the caller.
 */
export class KyselyDeadLetterStore implements DeadLetterStore {
  constructor(private readonly db: Kysely<ResultsDatabase>) {}

  async add(letter: DeadLetter): Promise<'added' | 'duplicate'> {
    const result = await this.db
      .insertInto('result_dead_letters')
      .values({
        id: letter.id,
        attempt_id: letter.attemptId,
        source: letter.source,
        reason: letter.reason.slice(0, 10_000),
        payload: letter.payload,
        received_at: letter.receivedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'added' : 'duplicate';
  }

  async list(options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const limit = Math.max(1, Math.min(Math.trunc(options.limit ?? 50) || 50, 1000));
    const rows = await this.db
      .selectFrom('result_dead_letters')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      attemptId: r.attempt_id,
      source: r.source as DeadLetterSource,
      reason: r.reason,
      payload: r.payload,
      receivedAt: r.received_at,
    }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('result_dead_letters')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
