import type { ResultConsumer } from './result-consumer';
import type { ResultSink, SinkEntry, SinkOutcome } from './result-sink';

/**
 * The embedded mode's sink (no Redis): hands each outbox row straight to the {@link ResultConsumer}
 * in this process, one after the other. An entry is delivered once the consumer stored it, found
 * it already stored, or dead-lettered it; a store failure leaves that row for the relay to retry.
 */
export class InProcessResultSink implements ResultSink {
  readonly kind = 'in-process';

  constructor(private readonly consumer: ResultConsumer) {}

  isAvailable(): boolean {
    return true;
  }

  async deliver(entries: readonly SinkEntry[]): Promise<SinkOutcome[]> {
    const outcomes: SinkOutcome[] = [];
    for (const entry of entries) {
      try {
        await this.consumer.consume({ id: entry.attemptId, source: 'outbox', data: entry.data });
        outcomes.push({ ok: true });
      } catch (err) {
        outcomes.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return outcomes;
  }
}
