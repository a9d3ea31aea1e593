import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { DeadLetterStore } from './dead-letter-store';
import type { ResultStore } from './result-store';

/** The queue figures the metrics read (a BullMQ `Queue` has this method). */
export interface QueueCounts {
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** What {@link registerResultsMetrics} reads on each scrape. */
export interface ResultsMetricsSources {
  /** Rows of the outbox not yet handed over. */
  backlog: () => number;
  results: ResultStore;
  deadLetters: DeadLetterStore;
  /** Absent in the embedded mode (no Redis). */
  queue?: QueueCounts;
  logger: Logger;
  /** How long a scrape waits for Redis; default 1 s. */
  queueTimeoutMs?: number;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Registers the results pipeline's gauges on `registry`, read at scrape time:
 * `results_outbox_backlog`, `results_stored`, `results_dead_letters`, and with a queue
 * `results_queue_jobs{state="waiting|active|delayed|failed"}` plus `results_queue_up` (0 when
 * Redis did not answer; the job gauges are then left out rather than reported stale).
 */
export function registerResultsMetrics(registry: Registry, sources: ResultsMetricsSources): void {
  const log = sources.logger.child({ component: 'results-metrics' });
  new Gauge({
    name: 'results_outbox_backlog',
    help: 'Result events in the outbox not yet handed to the queue',
    registers: [registry],
    collect() {
      this.set(sources.backlog());
    },
  });
  new Gauge({
    name: 'results_stored',
    help: 'Competency results in the result store',
    registers: [registry],
    async collect() {
      this.set(await sources.results.count());
    },
  });
  new Gauge({
    name: 'results_dead_letters',
    help: 'Result events refused by the consumer (schema-invalid), kept with the reason',
    registers: [registry],
    async collect() {
      this.set(await sources.deadLetters.count());
    },
  });
  const { queue } = sources;
  if (!queue) return;
  const timeoutMs = sources.queueTimeoutMs ?? 1000;
  let last: Promise<Record<string, number> | undefined> | undefined;
  // Both gauges are collected in one scrape: ask Redis once for them.
  const counts = (): Promise<Record<string, number> | undefined> => {
    last ??= withTimeout(queue.getJobCounts(...QUEUE_STATES), timeoutMs)
      .catch((err: unknown) => {
        log.debug({ err: err instanceof Error ? err.message : String(err) }, 'queue counts failed');
        return undefined;
      })
      .finally(() => setImmediate(() => (last = undefined)));
    return last;
  };
  new Gauge({
    name: 'results_queue_jobs',
    help: 'Jobs of the competency-results queue, by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts();
      if (c) for (const state of QUEUE_STATES) this.labels(state).set(c[state] ?? 0);
    },
  });
  new Gauge({
    name: 'results_queue_up',
    help: '1 when Redis answered the queue metrics, else 0',
    registers: [registry],
    async collect() {
      this.set((await counts()) ? 1 : 0);
    },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
