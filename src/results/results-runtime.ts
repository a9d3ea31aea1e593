import type { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { SqliteDatabase } from '../storage';
import { ADMIN_QUEUES_PATH, createAdminQueuesHandler, type RawHandler } from './admin-queues';
import type { BullmqResultWorker } from './bullmq-result-worker';
import type { DeadLetterStore } from './dead-letter-store';
import { InProcessResultSink } from './in-process-result-sink';
import { KyselyDeadLetterStore } from './kysely-dead-letter-store';
import { KyselyResultStore } from './kysely-result-store';
import { OutboxRelay } from './outbox-relay';
import { ResultConsumer } from './result-consumer';
import type { ResultEvent } from './result-event';
import type { ResultStore } from './result-store';
import { openSqliteResultsDatabase } from './results-database';
import type { ResultsDatabase } from './results-schema';
import { registerResultsMetrics } from './results-metrics';
import { SqliteOutbox } from './sqlite-outbox';

/** The results settings of `AppConfig`. */
export interface ResultsSettings {
  /** Empty = embedded mode: the relay hands results to the consumer in this process. */
  redisUrl?: string;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  lockMs: number;
}

/**
 * The Redis and BullMQ adapters, loaded on first use. A plain `require`, not `import()`: under
 * tsx's CommonJS hook (`npm run dev`, the tests' child processes) `import()` goes through Node's
 * ESM loader, which does not resolve this project's `.ts` files.
 */
function loadQueueAdapters(): typeof import('./queue') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./queue') as typeof import('./queue');
}

/** Options for {@link startResults}. */
export interface StartResultsOptions {
  /** The bot's database: attempts and their outbox rows are written here together. */
  db: SqliteDatabase;
  /** The reporting store's SQLite file (`DATA_DIR/results.sqlite`). */
  resultsFile: string;
  settings: ResultsSettings;
  admin: { user: string; password?: string };
  logger: Logger;
  /** Registers the results gauges here when given (the server's `/metrics`). */
  registry?: Registry;
  /** Queue name; tests use a unique one. */
  queueName?: string;
  /** Relay tuning (tests): poll interval and longest retry delay. */
  relay?: { pollMs?: number; maxBackoffMs?: number; batchSize?: number };
}

/** The results pipeline of a bot process. */
export interface ResultsRuntime {
  readonly mode: 'embedded' | 'queue';
  readonly outbox: SqliteOutbox;
  readonly relay: OutboxRelay;
  readonly results: ResultStore;
  readonly deadLetters: DeadLetterStore;
  /** The reporting database (migrated), for the report adapters; closed by `close`. */
  readonly reportingDb: Kysely<ResultsDatabase>;
  /** The BullMQ queue; absent in the embedded mode. */
  readonly queue?: Queue;
  /** `/admin/queues` (Bull Board behind basic auth), for `createServer({ mounts })`. */
  readonly adminMount: { prefix: string; handle: RawHandler };
  /**
   * The submission hook: writes `event` into the outbox inside the caller's open transaction on
   * the bot database and wakes the relay once that transaction has committed.
   */
  enqueueInTransaction(db: SqliteDatabase, event: ResultEvent): void;
  /** Stops the relay, closes the queue, Redis and the reporting database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Builds and starts the results pipeline of a bot process: the outbox in the bot database, the
 * reporting store (`resultsFile`, migrated), and the relay, which hands rows to the BullMQ queue
 * when `settings.redisUrl` is set (the worker runs separately: `npm run worker`), else to the
 * consumer in this process. Never waits for Redis: without it results wait in the outbox.
 */
export async function startResults(options: StartResultsOptions): Promise<ResultsRuntime> {
  const { settings, logger } = options;
  const log = logger.child({ component: 'results' });
  const outbox = new SqliteOutbox(options.db);
  const store = await openSqliteResultsDatabase(options.resultsFile);
  const results = new KyselyResultStore(store.db);
  const deadLetters = new KyselyDeadLetterStore(store.db);

  // bullmq and ioredis are loaded only with a Redis URL: the embedded mode never uses them.
  const adapters = settings.redisUrl ? loadQueueAdapters() : undefined;
  const redis =
    adapters && settings.redisUrl
      ? adapters.connectRedis({
          url: settings.redisUrl,
          name: 'results-producer',
          role: 'producer',
          logger,
        })
      : undefined;
  const producer =
    adapters && redis
      ? new adapters.BullmqResultProducer({
          connection: redis,
          logger,
          queueName: options.queueName,
          attempts: settings.attempts,
          backoffMs: settings.backoffMs,
        })
      : undefined;
  const sink =
    producer ?? new InProcessResultSink(new ResultConsumer({ results, deadLetters, logger }));
  const relay = new OutboxRelay({
    outbox,
    sink,
    logger,
    backoffMs: settings.backoffMs,
    ...options.relay,
  });
  if (options.registry) {
    registerResultsMetrics(options.registry, {
      backlog: () => outbox.backlog(),
      results,
      deadLetters,
      queue: producer?.queue,
      logger,
    });
  }
  const admin = createAdminQueuesHandler({ queue: producer?.queue, ...options.admin, logger });
  relay.start();
  log.info(
    { mode: producer ? 'queue' : 'embedded', backlog: outbox.backlog() },
    producer ? 'results go through the BullMQ queue' : 'results are stored in-process',
  );

  let closing: Promise<void> | undefined;
  return {
    mode: producer ? 'queue' : 'embedded',
    outbox,
    relay,
    results,
    deadLetters,
    reportingDb: store.db,
    queue: producer?.queue,
    adminMount: { prefix: ADMIN_QUEUES_PATH, handle: admin },
    enqueueInTransaction(db, event) {
      SqliteOutbox.enqueueInTransaction(db, event);
      // Runs after the caller's synchronous transaction has committed (or rolled back).
      setImmediate(() => relay.notify());
    },
    close() {
      closing ??= (async () => {
        await relay.stop();
        await producer?.close();
        redis?.disconnect();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Options for {@link startResultsWorker}. */
export interface StartResultsWorkerOptions {
  redisUrl: string;
  resultsFile: string;
  concurrency: number;
  lockMs: number;
  logger: Logger;
  queueName?: string;
}

/** A running results worker (`npm run worker`). */
export interface ResultsWorkerRuntime {
  readonly worker: BullmqResultWorker;
  readonly results: ResultStore;
  readonly deadLetters: DeadLetterStore;
  /** Lets the jobs in progress finish, then closes Redis and the reporting database. */
  close(): Promise<void>;
}

/** Opens the reporting store (migrated) and starts consuming the results queue. */
export async function startResultsWorker(
  options: StartResultsWorkerOptions,
): Promise<ResultsWorkerRuntime> {
  const { logger } = options;
  const store = await openSqliteResultsDatabase(options.resultsFile);
  const results = new KyselyResultStore(store.db);
  const deadLetters = new KyselyDeadLetterStore(store.db);
  const { connectRedis, BullmqResultWorker } = loadQueueAdapters();
  const redis = connectRedis({
    url: options.redisUrl,
    name: 'results-worker',
    role: 'worker',
    logger,
  });
  const worker = new BullmqResultWorker({
    connection: redis,
    consumer: new ResultConsumer({ results, deadLetters, logger }),
    logger,
    queueName: options.queueName,
    concurrency: options.concurrency,
    lockMs: options.lockMs,
  });
  let closing: Promise<void> | undefined;
  return {
    worker,
    results,
    deadLetters,
    close() {
      closing ??= (async () => {
        await worker.close();
        redis.disconnect();
        await store.close();
      })();
      return closing;
    },
  };
}
