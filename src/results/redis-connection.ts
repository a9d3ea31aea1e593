import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** The BullMQ queue that carries competency results. */
export const RESULTS_QUEUE_NAME = 'competency-results';

/** Options for {@link connectRedis}. */
export interface RedisConnectionOptions {
  url: string;
  /** For logs: which connection this is. */
  name: string;
  logger: Logger;
  /**
   * `producer`: commands fail at once while disconnected (no offline queue), so a caller can fall
   * back instead of hanging. `worker`: commands wait for the connection (BullMQ's blocking reads
   * need `maxRetriesPerRequest: null`).
   */
  role: 'producer' | 'worker';
}

/**
 * Opens an ioredis connection for BullMQ that reconnects forever with a short capped delay (at most
 * 2 s, so service resumes soon after Redis returns), and logs each loss and recovery once rather
 * than every reconnect attempt.
 */
export function connectRedis(options: RedisConnectionOptions): Redis {
  const log = options.logger.child({ component: 'redis', connection: options.name });
  const redis = new Redis(options.url, {
    connectionName: `tro-ly-cds:${options.name}`,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    ...(options.role === 'producer'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { maxRetriesPerRequest: null }),
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message }, 'Redis connection lost; reconnecting');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('Redis connection restored');
    down = false;
  });
  return redis;
}

/**
 * The BullMQ job id of an attempt: the attempt id itself, unless BullMQ would refuse it (an integer,
 * or a `:`) or it starts with `~`; those become `~` + `encodeURIComponent(id)`. One-to-one, so two
 * attempts never share a job id and re-adding an attempt hits the same job.
 */
export function jobIdFor(attemptId: string): string {
  const safe =
    !attemptId.includes(':') &&
    !attemptId.startsWith('~') &&
    `${parseInt(attemptId, 10)}` !== attemptId;
  return safe ? attemptId : `~${encodeURIComponent(attemptId)}`;
}
