/** One outbox row as handed to a sink. */
export interface SinkEntry {
  readonly attemptId: string;
  /** The event parsed from the row's JSON (or the raw text if it does not parse). */
  readonly data: unknown;
}

/** What became of one entry: delivered (acknowledged by the receiver) or not, and why. */
export type SinkOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * Where the relay hands outbox rows: the BullMQ queue, or the consumer in-process.
 *
 * Contract: `deliver` resolves with one outcome per entry, in order; `ok: true` means the receiver
 * has durably accepted the entry (Redis acknowledged the job, or the consumer finished it), so the
 * relay may mark the row sent. It may reject, which counts as every entry failing. Delivering an
 * entry twice must be harmless (the job id, or the consumer's upsert, absorbs it).
 */
export interface ResultSink {
  /** For logs: `queue` or `in-process`. */
  readonly kind: string;
  deliver(entries: readonly SinkEntry[]): Promise<SinkOutcome[]>;
  /** False when the sink knows delivery would fail now (Redis disconnected); the relay waits. */
  isAvailable(): boolean;
}
