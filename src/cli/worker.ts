/**
 * `npm run worker`: stores competency results from the BullMQ queue `competency-results` into the
 * result store (`DATA_DIR/results.sqlite`), with RESULTS_CONCURRENCY jobs at once. Needs REDIS_URL
 * (in the embedded mode the bot stores results itself). Run as many as needed, on any machine that
 * reaches Redis and the store. SIGTERM/SIGINT: finish the jobs in progress, then exit 0; a killed
 * worker's jobs are taken up again after RESULTS_LOCK_MS.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startResultsWorker } from '../results';

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  if (!config.results.redisUrl) {
    console.error(
      'REDIS_URL is not set: in the embedded mode the bot stores results itself and no worker ' +
        'is needed. Set REDIS_URL (the same as the bot) to run workers separately.',
    );
    return 1;
  }
  const logger = createLogger(config.logLevel).child({ process: 'results-worker' });
  const runtime = await startResultsWorker({
    redisUrl: config.results.redisUrl,
    resultsFile: path.join(config.dataDir, 'results.sqlite'),
    concurrency: config.results.concurrency,
    lockMs: config.results.lockMs,
    logger,
  });

  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'stopping: finishing the jobs in progress');
      runtime.close().then(
        () => resolve(0),
        (err: unknown) => {
          logger.error({ err }, 'error while stopping');
          resolve(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });

  await runtime.worker.waitUntilReady();
  logger.info(
    { concurrency: config.results.concurrency, stored: await runtime.results.count() },
    'results worker ready',
  );
  const code = await stopped;
  logger.info('results worker stopped');
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
