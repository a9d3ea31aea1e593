import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { RESULTS_QUEUE_NAME } from './redis-connection';
import type { ResultConsumer } from './result-consumer';

/** Options for {@link BullmqResultWorker}. */
export interface BullmqResultWorkerOptions {
  /** A worker connection (`connectRedis({ role: 'worker' })`); owned by the caller. */
  connection: Redis;
  consumer: ResultConsumer;
  logger: Logger;
  /** Default `competency-results`; tests use a unique name. */
  queueName?: string;
  /** Jobs processed at once (RESULTS_CONCURRENCY). */
  concurrency: number;
  /**
   * Job lock in ms (RESULTS_LOCK_MS): the jobs of a worker that died go back to the queue after
   * about this long (the stalled-job check runs at the same interval).
   */
  lockMs: number;
}

/**
 * The consumer side of the results queue: a BullMQ `Worker` that runs each job through the
 * {@link ResultConsumer}. A job whose payload fails the schema is dead-lettered by the consumer and
 * then failed with `UnrecoverableError` (never retried; it stays visible as failed in Bull Board);
 * a store failure throws, so BullMQ retries the job with its backoff. Jobs of a killed worker are
 * taken up again once their lock expires; the upsert makes the replay harmless.
 */
export class BullmqResultWorker {
  readonly worker: Worker;
  private readonly log: Logger;

  constructor(options: BullmqResultWorkerOptions) {
    this.log = options.logger.child({ component: 'result-worker' });
    const { consumer } = options;
    this.worker = new Worker(
      options.queueName ?? RESULTS_QUEUE_NAME,
      async (job: Job) => {
        const result = await consumer.consume({
          id: job.id ?? `${job.name}:unknown`,
          source: 'queue',
          data: job.data as unknown,
        });
        if (result.outcome === 'dead-lettered') throw new UnrecoverableError(result.reason);
        return result.outcome;
      },
      {
        connection: options.connection,
        concurrency: options.concurrency,
        lockDuration: options.lockMs,
        stalledInterval: options.lockMs,
        // A job survives several worker crashes before BullMQ gives up on it.
        maxStalledCount: 10,
        // After a Redis outage, take jobs again within a second (BullMQ's default waits 15 s).
        runRetryDelay: 1000,
      },
    );
    this.worker.on('error', (err) => this.log.debug({ err: err.message }, 'worker error'));
    this.worker.on('failed', (job, err) => {
      if (err instanceof UnrecoverableError || err.name === 'UnrecoverableError') return;
      const final = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
      this.log.warn(
        { jobId: job?.id, attemptsMade: job?.attemptsMade, final, err: err.message },
        final ? 'result job failed for good (retry it from Bull Board)' : 'result job will retry',
      );
    });
  }

  /** Resolves once connected to Redis. */
  async waitUntilReady(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Stops taking jobs and waits for the ones in progress (not the connection: the caller's). */
  async close(): Promise<void> {
    await this.worker.close();
  }
}
