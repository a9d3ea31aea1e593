/**
 * The baseline worker of `npm run bench:results`: a bare BullMQ worker that completes every job
 * without doing anything. Usage: results-raw-worker.ts <redis-url> <queue> <concurrency>.
 * Prints "ready" once connected; exits on SIGTERM.
 */
import { Worker } from 'bullmq';

const [url, queue, concurrency] = process.argv.slice(2);
const worker = new Worker(queue!, async () => 'ok', {
  connection: { url, maxRetriesPerRequest: null },
  concurrency: Number(concurrency),
});
worker.on('error', () => undefined);
void worker.waitUntilReady().then(() => console.log('ready'));
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
