import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { jobIdFor, RESULTS_QUEUE_NAME } from './redis-connection';
import type { ResultSink, SinkEntry, SinkOutcome } from './result-sink';

/** The job name of a result event in the queue. */
export const RESULT_JOB_NAME = 'result';

/** Options for {@link BullmqResultProducer}. */
export interface BullmqResultProducerOptions {
  /** A producer connection (`connectRedis({ role: 'producer' })`); owned by the caller. */
  connection: Redis;
  logger: Logger;
  /** Default `competency-results`; tests use a unique name. */
  queueName?: string;
  /** Tries per job, including the first (RESULTS_ATTEMPTS). */
  attempts: number;
  /** First retry delay, doubled on each retry (RESULTS_BACKOFF_MS). */
  backoffMs: number;
}

/**
 * The producer side of the results queue, and the relay's {@link ResultSink} when Redis is
 * configured: adds each outbox row as a job of queue `competency-results` with
 * `jobId = attemptId` (see `jobIdFor`), so adding the same attempt again is a no-op while the job is
 * kept (completed jobs are kept a day). Jobs retry with exponential backoff. A batch is one
 * `addBulk` (one round trip, all-or-nothing); it is delivered when Redis has acknowledged it.
 */
export class BullmqResultProducer implements ResultSink {
  readonly kind = 'queue';
  /** The BullMQ queue (for Bull Board and queue metrics). */
  readonly queue: Queue;
  private readonly jobOptions: JobsOptions;

  constructor(private readonly options: BullmqResultProducerOptions) {
    const log = options.logger.child({ component: 'result-producer' });
    this.queue = new Queue(options.queueName ?? RESULTS_QUEUE_NAME, {
      connection: options.connection,
    });
    // Connection errors are logged once by `connectRedis`; without a listener they would throw.
    this.queue.on('error', (err) => log.debug({ err: err.message }, 'queue error'));
    this.jobOptions = {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 100_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }

  isAvailable(): boolean {
    return this.options.connection.status === 'ready';
  }

  async deliver(entries: readonly SinkEntry[]): Promise<SinkOutcome[]> {
    await this.queue.addBulk(
      entries.map((e) => ({
        name: RESULT_JOB_NAME,
        data: e.data,
        opts: { ...this.jobOptions, jobId: jobIdFor(e.attemptId) },
      })),
    );
    return entries.map(() => ({ ok: true }));
  }

  /** Closes the queue (not the connection, which the caller owns). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}
