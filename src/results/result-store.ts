import type { ResultEvent } from './result-event';

/** A stored result: the event as received, and when the store first received it. */
export interface StoredResult {
  readonly event: ResultEvent;
  /** ISO 8601 UTC of the first (and only) write. */
  readonly storedAt: string;
}

/** One line of a person's results list (`/ketqua`). */
export interface ResultSummary {
  readonly attemptId: string;
  readonly contestId: string | null;
  readonly mode: ResultEvent['mode'];
  /** ISO 8601 UTC. */
  readonly submittedAt: string;
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean | null;
}

/** What {@link ResultStore.save} did. */
export type SaveOutcome = 'stored' | 'duplicate';

/**
 * The reporting store of competency results, keyed by attempt id.
 *
 * Contract:
 * - `save` writes a validated event unless a result for its `attemptId` exists; it then resolves to
 *   `'duplicate'` and changes nothing (not even `storedAt`), whatever the second event says, so a
 *   re-delivered event is harmless. It rejects only for storage failures (retry later).
 * - `get` returns the result of one attempt, or `undefined`.
 * - `listForUser` returns a person's results newest first (`submittedAt`, then attempt id), at most
 *   `limit` (default 10, capped at 100).
 * - `count` is the number of stored results.
 */
export interface ResultStore {
  save(event: ResultEvent): Promise<SaveOutcome>;
  get(attemptId: string): Promise<StoredResult | undefined>;
  listForUser(userId: string, options?: { limit?: number }): Promise<ResultSummary[]>;
  count(): Promise<number>;
}
