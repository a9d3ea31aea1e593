/** Where a refused delivery came from. */
export type DeadLetterSource = 'queue' | 'outbox';

/** A delivery the consumer refused, to be read and fixed by an operator. */
export interface DeadLetter {
  /** The delivery's id: the BullMQ job id, or the attempt id of an in-process outbox delivery. */
  readonly id: string;
  /** The attempt id, when the payload had a readable one. */
  readonly attemptId: string | null;
  readonly source: DeadLetterSource;
  /** Why it was refused (every schema problem as `path: message`). */
  readonly reason: string;
  /** The payload as received, as JSON text. */
  readonly payload: string;
  /** ISO 8601 UTC. */
  readonly receivedAt: string;
}

/**
 * Dead letters: deliveries that can never succeed (schema-invalid events), kept with the reason
 * instead of being retried forever.
 *
 * Contract: `add` keeps the first letter for a delivery id and resolves to `'duplicate'` for a
 * repeat (a re-delivered bad job), changing nothing; it rejects only for storage failures. `list`
 * returns the newest first, at most `limit` (default 50, capped at 1000); `count` counts them all.
 */
export interface DeadLetterStore {
  add(letter: DeadLetter): Promise<'added' | 'duplicate'>;
  list(options?: { limit?: number }): Promise<DeadLetter[]>;
  count(): Promise<number>;
}
