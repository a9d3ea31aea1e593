import type { Kysely } from 'kysely';
import {
  aggregateContestResults,
  ATTEMPT_COLUMN_NAMES,
  chunked,
  prefixed,
  readFacts,
  writeParticipants,
} from './contest-aggregates';
import type { ParticipantAttemptColumns, ResultsDatabase } from './results-schema';

/*
 * Backfills of the contest aggregates, run by migration 0005 under the database's write lock. Each
 * one checks first whether its work is done, so that a step run again (a second SQLite process
 * starting together) changes nothing.
 */

const PAGE = 1000;

/**
 * Aggregates the contest results stored before the aggregate tables existed: does nothing when
 * some participant is recorded already (the aggregates are being maintained, or another process has
 * just backfilled them). Reads the rows in pages and feeds them through
 * {@link aggregateContestResults}, so a backfill and the live path cannot disagree.
 */
export async function backfillContestAggregates(db: Kysely<ResultsDatabase>): Promise<void> {
  const done = await db.selectFrom('contest_participants').select('user_id').limit(1).execute();
  if (done.length > 0) return;
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('competency_results')
      .select('attempt_id')
      .where('mode', '=', 'contest')
      .where('contest_id', 'is not', null)
      .orderBy('attempt_id')
      .limit(PAGE);
    if (after !== null) query = query.where('attempt_id', '>', after);
    const page = (await query.execute()).map((r) => r.attempt_id);
    if (page.length === 0) return;
    const facts = await readFacts(db, page);
    await aggregateContestResults(
      db,
      page.map((id) => facts.get(id)!),
    );
    after = page[page.length - 1]!;
  }
}

/**
 * Copies the first and best attempts into the participant rows written before migration 0005 (the
 * rows whose `first_by_topic` is null), from `competency_results`, in pages by key. Does nothing
 * when every row has them. Throws when a participant's attempt is missing from
 * `competency_results` (the aggregates would be corrupt).
 */
export async function backfillParticipantAttempts(db: Kysely<ResultsDatabase>): Promise<void> {
  let after: { contestId: string; userId: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('contest_participants')
      .selectAll()
      .where('first_by_topic', 'is', null)
      .orderBy('contest_id')
      .orderBy('user_id')
      .limit(PAGE);
    if (after !== null) {
      const { contestId, userId } = after;
      query = query.where((eb) =>
        eb(eb.refTuple('contest_id', 'user_id'), '>', eb.tuple(contestId, userId)),
      );
    }
    const page = await query.execute();
    if (page.length === 0) return;
    const attempts = await readAttempts(
      db,
      page.flatMap((p) => [p.first_attempt_id, p.best_attempt_id]),
    );
    const attempt = (id: string): ParticipantAttemptColumns => {
      const found = attempts.get(id);
      if (!found) throw new Error(`contest_participants names attempt ${id}, which is not stored`);
      return found;
    };
    await writeParticipants(
      db,
      page.map((p) => ({
        ...p,
        ...prefixed('first_', attempt(p.first_attempt_id)),
        ...prefixed('best_', attempt(p.best_attempt_id)),
      })),
    );
    const last = page[page.length - 1]!;
    after = { contestId: last.contest_id, userId: last.user_id };
  }
}

/** The participant columns of stored attempts, by attempt id (never their answers). */
async function readAttempts(
  db: Kysely<ResultsDatabase>,
  attemptIds: readonly string[],
): Promise<Map<string, ParticipantAttemptColumns>> {
  const found = new Map<string, ParticipantAttemptColumns>();
  for (const chunk of chunked([...new Set(attemptIds)])) {
    const rows = await db
      .selectFrom('competency_results')
      .select([...ATTEMPT_COLUMN_NAMES])
      .where('attempt_id', 'in', chunk)
      .execute();
    for (const r of rows) found.set(r.attempt_id, r);
  }
  return found;
}
