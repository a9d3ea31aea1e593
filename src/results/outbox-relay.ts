import type { Logger } from '../logger';
import type { ResultSink, SinkOutcome } from './result-sink';
import type { OutboxEntry, SqliteOutbox } from './sqlite-outbox';

/** Options for {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  outbox: SqliteOutbox;
  sink: ResultSink;
  logger: Logger;
  /** First retry delay of a row that failed, doubled per failure (RESULTS_BACKOFF_MS). */
  backoffMs: number;
  /** Longest retry delay; default 30 s. */
  maxBackoffMs?: number;
  /** Rows handed over at once; default 500. */
  batchSize?: number;
  /** How often to look for rows written by other connections; default 250 ms. */
  pollMs?: number;
  /**
   * How long to let submissions gather after a wake-up before handing them over; default 5 ms.
   * One batch of many rows costs about as much as a batch of one.
   */
  lingerMs?: number;
  /** A hand-over that takes longer counts as failed (it may still land: harmless); default 10 s. */
  deliveryTimeoutMs?: number;
  /** How long sent rows are kept before they are pruned; default 7 days. */
  retentionMs?: number;
  /** Clock (epoch ms), injectable for tests. */
  now?: () => number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Moves result events from the outbox to the sink (the BullMQ queue, or the consumer in-process),
 * oldest first, in batches. A row is marked sent only after the sink acknowledged it; a failed row
 * is retried after an exponential backoff (capped), forever: a queue outage delays results and
 * never drops one. If the process dies between the acknowledgement and the mark, the row is sent
 * again on restart and the job id / upsert absorbs the duplicate.
 *
 * `start()` runs the loop: it drains full batches back to back, then sleeps until `notify()` (call
 * it after committing a submission) or the poll interval. `runOnce()` does one batch (tests).
 */
export class OutboxRelay {
  private readonly log: Logger;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly lingerMs: number;
  private readonly maxBackoffMs: number;
  private readonly deliveryTimeoutMs: number;
  private readonly retentionMs: number;
  private readonly now: () => number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private notified = false;
  private lastPrune = 0;
  private waitingForSink = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.log = options.logger.child({ component: 'outbox-relay', sink: options.sink.kind });
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 250;
    this.lingerMs = options.lingerMs ?? 5;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 10_000;
    this.retentionMs = options.retentionMs ?? 7 * DAY_MS;
    this.now = options.now ?? Date.now;
  }

  /** Starts the loop; idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now (new rows were committed). */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Stops the loop after the batch in flight, if any. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Hands over one batch of due rows. Resolves with the number of rows marked sent; never rejects
   * for a sink failure (the rows are rescheduled), only for a database error.
   */
  async runOnce(): Promise<number> {
    const { outbox, sink } = this.options;
    const started = this.now();
    this.prune(started);
    if (!sink.isAvailable()) {
      // Said once per outage, and only when something waits (not while connecting at start).
      const backlog = this.waitingForSink ? 0 : outbox.backlog();
      if (backlog > 0) {
        this.log.warn({ backlog }, 'queue unavailable: results wait in the outbox');
        this.waitingForSink = true;
      }
      return 0;
    }
    const rows = outbox.due(started, this.batchSize);
    if (rows.length === 0) return 0;
    const outcomes = await this.deliver(rows);
    const now = this.now();
    const sent: number[] = [];
    const failures: { id: number; error: string; retryAt: number }[] = [];
    rows.forEach((row, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: 'no outcome from the sink' };
      if (outcome.ok) sent.push(row.id);
      else
        failures.push({ id: row.id, error: outcome.error, retryAt: now + this.backoff(row.tries) });
    });
    outbox.markSent(sent, now);
    outbox.markFailed(failures);
    if (failures.length > 0) {
      this.log.warn(
        { failed: failures.length, sent: sent.length, error: failures[0]!.error },
        'results not handed over; will retry',
      );
    } else if (this.waitingForSink) {
      this.log.info({ backlog: outbox.backlog() }, 'queue available again: relaying the outbox');
    }
    this.waitingForSink = failures.length > 0;
    this.log.debug({ sent: sent.length, ms: now - started }, 'outbox batch relayed');
    return sent.length;
  }

  private async deliver(rows: readonly OutboxEntry[]): Promise<SinkOutcome[]> {
    const entries = rows.map((r) => ({ attemptId: r.attemptId, data: parsePayload(r.payload) }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no acknowledgement within ${this.deliveryTimeoutMs} ms`)),
        this.deliveryTimeoutMs,
      );
    });
    const delivery = this.options.sink.deliver(entries);
    // A delivery that lost the race may still settle later; that must not be an unhandled rejection.
    delivery.catch(() => undefined);
    try {
      return await Promise.race([delivery, timeout]);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return rows.map(() => ({ ok: false, error }));
    } finally {
      clearTimeout(timer);
    }
  }

  private backoff(previousTries: number): number {
    return Math.min(this.options.backoffMs * 2 ** Math.min(previousTries, 20), this.maxBackoffMs);
  }

  private prune(now: number): void {
    if (now - this.lastPrune < 3600_000) return;
    this.lastPrune = now;
    const removed = this.options.outbox.pruneSent(now - this.retentionMs);
    if (removed > 0) this.log.info({ removed }, 'pruned sent outbox rows');
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.notified = false;
      let sent = 0;
      try {
        sent = await this.runOnce();
      } catch (err) {
        this.log.error({ err }, 'outbox relay failed; retrying');
      }
      if (!this.running) break;
      if (sent >= this.batchSize) continue;
      if (!this.notified) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
      if (this.running && this.lingerMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
      }
    }
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    // The consumer dead-letters it with the reason.
    return payload;
  }
}
