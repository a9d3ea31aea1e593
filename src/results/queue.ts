/**
 * The results pipeline's Redis and BullMQ adapters, for the at-scale deployment (`REDIS_URL`).
 *
 * Kept out of `index.ts` on purpose: importing this module loads bullmq and ioredis (about 8 MB
 * of heap), which the embedded deployment never uses. `startResults` and `startResultsWorker`
 * import it on demand; tests and tools that use the queue directly import it from here.
 */
export { connectRedis, jobIdFor, RESULTS_QUEUE_NAME } from './redis-connection';
export {
  BullmqResultProducer,
  RESULT_JOB_NAME,
  type BullmqResultProducerOptions,
} from './bullmq-result-producer';
export { BullmqResultWorker, type BullmqResultWorkerOptions } from './bullmq-result-worker';
