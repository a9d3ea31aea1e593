import type { Logger } from '../logger';
import type { DeadLetterSource, DeadLetterStore } from './dead-letter-store';
import { checkResultEvent } from './result-event';
import type { ResultStore } from './result-store';

/** One delivery of a result event, from the queue or straight from the outbox. */
export interface ResultDelivery {
  /** The delivery id: the job id, or the attempt id for an outbox delivery. */
  readonly id: string;
  readonly source: DeadLetterSource;
  /** The payload as received: validated here. */
  readonly data: unknown;
}

export type ConsumeOutcome =
  | { readonly outcome: 'stored' | 'duplicate'; readonly attemptId: string }
  | { readonly outcome: 'dead-lettered'; readonly reason: string };

/** Options for {@link ResultConsumer}. */
export interface ResultConsumerOptions {
  results: ResultStore;
  deadLetters: DeadLetterStore;
  logger: Logger;
  /** Clock for dead letters, injectable for tests. */
  now?: () => Date;
}

/**
 * The one consumer of result events, used by the BullMQ worker and by the in-process relay alike:
 * validates the payload against the result event schema, then upserts it into the result store by
 * attempt id (a re-delivery resolves to `duplicate` and changes nothing). A payload that fails the
 * schema is written to the dead-letter store with the reason and resolves to `dead-lettered`; it
 * must not be retried. Rejects only when a store fails (the caller retries the delivery later).
 */
export class ResultConsumer {
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: ResultConsumerOptions) {
    this.log = options.logger.child({ component: 'result-consumer' });
    this.now = options.now ?? (() => new Date());
  }

  async consume(delivery: ResultDelivery): Promise<ConsumeOutcome> {
    const checked = checkResultEvent(delivery.data);
    if (!checked.ok) {
      const attemptId = attemptIdOf(delivery.data);
      const added = await this.options.deadLetters.add({
        id: delivery.id,
        attemptId,
        source: delivery.source,
        reason: checked.reason,
        payload: payloadText(delivery.data),
        receivedAt: this.now().toISOString(),
      });
      this.log.warn(
        {
          deliveryId: delivery.id,
          source: delivery.source,
          attemptId,
          reason: checked.reason,
          added,
        },
        'result event dead-lettered',
      );
      return { outcome: 'dead-lettered', reason: checked.reason };
    }
    const attemptId = checked.event.attemptId;
    const outcome = await this.options.results.save(checked.event);
    this.log.debug({ deliveryId: delivery.id, attemptId, outcome }, 'result event consumed');
    return { outcome, attemptId };
  }
}

function attemptIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as { attemptId?: unknown }).attemptId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null;
}

function payloadText(data: unknown): string {
  if (typeof data === 'string') return data;
  try {
    return JSON.stringify(data) ?? 'null';
  } catch {
    return String(data);
  }
}
