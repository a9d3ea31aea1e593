import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { createLogger } from '../../src/logger';
import {
  InProcessResultSink,
  KyselyDeadLetterStore,
  KyselyResultStore,
  openSqliteResultsDatabase,
  OutboxRelay,
  ResultConsumer,
  SqliteOutbox,
  type ResultStore,
} from '../../src/results';
import {
  BullmqResultProducer,
  BullmqResultWorker,
  connectRedis,
  jobIdFor,
} from '../../src/results/queue';
import { openSqliteDatabase } from '../../src/storage';
import { makeResultEvent } from '../helpers/result-events';
import { RedisServer } from '../helpers/redis-server';
import { waitFor } from '../helpers/wait-for';

const logger = createLogger('silent');

/** Outbox → relay → BullMQ → worker → store, all in this process, on the given Redis. */
async function openPipeline(
  redisUrl: string,
  options: { attempts?: number; wrapStore?: (s: ResultStore) => ResultStore } = {},
) {
  const queueName = `results-test-${randomUUID()}`;
  const db = openSqliteDatabase({ file: ':memory:' });
  const outbox = new SqliteOutbox(db);
  const store = await openSqliteResultsDatabase(':memory:');
  const results = new KyselyResultStore(store.db);
  const deadLetters = new KyselyDeadLetterStore(store.db);
  const producerRedis = connectRedis({ url: redisUrl, name: 'p', role: 'producer', logger });
  const workerRedis = connectRedis({ url: redisUrl, name: 'w', role: 'worker', logger });
  const producer = new BullmqResultProducer({
    connection: producerRedis,
    logger,
    queueName,
    attempts: options.attempts ?? 5,
    backoffMs: 20,
  });
  const consumer = new ResultConsumer({
    results: options.wrapStore ? options.wrapStore(results) : results,
    deadLetters,
    logger,
  });
  const worker = new BullmqResultWorker({
    connection: workerRedis,
    consumer,
    logger,
    queueName,
    concurrency: 10,
    lockMs: 5000,
  });
  await worker.waitUntilReady();
  await producer.queue.waitUntilReady();
  const relay = new OutboxRelay({ outbox, sink: producer, logger, backoffMs: 20 });
  return {
    queueName,
    db,
    outbox,
    relay,
    producer,
    queue: producer.queue,
    results,
    deadLetters,
    async close() {
      await relay.stop();
      await worker.close();
      await producer.queue.obliterate({ force: true });
      await producer.close();
      producerRedis.disconnect();
      workerRedis.disconnect();
      await store.close();
      db.close();
    },
  };
}

type Pipeline = Awaited<ReturnType<typeof openPipeline>>;

async function counts(p: Pipeline) {
  return p.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
}

describe('results queue (BullMQ, own redis-server per test)', () => {
  let redis: RedisServer;
  let p: Pipeline | undefined;

  beforeEach(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    await p?.close();
    p = undefined;
    await redis.remove();
  });

  it('relays outbox rows as jobs with jobId = attemptId and stores each result', async () => {
    p = await openPipeline(redis.url);
    for (let i = 1; i <= 20; i++) p.outbox.enqueue(makeResultEvent(i));
    expect(await p.relay.runOnce()).toBe(20);
    expect(p.outbox.backlog()).toBe(0);
    await waitFor(async () => (await p!.results.count()) === 20, '20 stored');
    const job = await p.queue.getJob('attempt-000007');
    expect(job?.data).toEqual(makeResultEvent(7));
    expect(job?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 20 } });
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toBe('stored');
  });

  it('retries a job whose store write failed, with backoff, until it is stored', async () => {
    let failures = 2;
    p = await openPipeline(redis.url, {
      wrapStore: (s) => ({
        ...s,
        count: () => s.count(),
        get: (id) => s.get(id),
        listForUser: (u, o) => s.listForUser(u, o),
        save: (e) => (failures-- > 0 ? Promise.reject(new Error('database is locked')) : s.save(e)),
      }),
    });
    p.outbox.enqueue(makeResultEvent(1));
    await p.relay.runOnce();
    await waitFor(async () => (await p!.results.count()) === 1, 'stored after retries');
    const job = await p.queue.getJob('attempt-000001');
    await waitFor(async () => (await job!.getState()) === 'completed', 'completed');
    const done = await p.queue.getJob('attempt-000001');
    expect(done?.attemptsMade).toBe(3);
  });

  it('fault 3: the same job delivered twice and an outbox row relayed twice store one result', async () => {
    p = await openPipeline(redis.url);
    const event = makeResultEvent(1);
    p.outbox.enqueue(event);
    await p.relay.runOnce();
    await waitFor(async () => (await p!.results.count()) === 1, 'first result');
    const first = await p.results.get(event.attemptId);

    // The relay died after Redis acknowledged but before it marked the row: it sends it again.
    p.db.prepare('UPDATE results_outbox SET sent_at = NULL').run();
    expect(p.outbox.backlog()).toBe(1);
    expect(await p.relay.runOnce()).toBe(1);
    expect((await counts(p)).completed).toBe(1); // BullMQ kept one job for the attempt id

    // The same job delivered again once the first was removed (e.g. after removeOnComplete).
    await p.queue.remove(jobIdFor(event.attemptId));
    p.db.prepare('UPDATE results_outbox SET sent_at = NULL').run();
    await p.relay.runOnce();
    // And two copies of the event under other job ids, processed concurrently.
    await p.queue.addBulk([
      { name: 'result', data: event, opts: { jobId: 'copy-1' } },
      { name: 'result', data: event, opts: { jobId: 'copy-2' } },
    ]);
    await waitFor(async () => (await counts(p!)).completed === 3, 'three deliveries done');
    const values = await Promise.all(
      [event.attemptId, 'copy-1', 'copy-2'].map(
        async (id) => (await p!.queue.getJob(id))?.returnvalue,
      ),
    );
    expect(values).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await p.results.count()).toBe(1);
    expect(await p.results.get(event.attemptId)).toEqual(first);
  });

  it('fault 4: schema-invalid events are dead-lettered with the reason and never retried; the queue keeps flowing', async () => {
    p = await openPipeline(redis.url);
    const raw = new Queue(p.queueName, { connection: { url: redis.url } });
    const opts = { attempts: 5, backoff: { type: 'fixed', delay: 10 } };
    await raw.addBulk([
      { name: 'result', data: makeResultEvent(1), opts: { ...opts, jobId: 'ok-1' } },
      { name: 'result', data: 'not an event', opts: { ...opts, jobId: 'garbage' } },
      {
        name: 'result',
        data: { ...makeResultEvent(2), schemaVersion: 2 },
        opts: { ...opts, jobId: 'v2' },
      },
      {
        name: 'result',
        data: { ...makeResultEvent(4), userId: 7 },
        opts: { ...opts, jobId: 'bad-user' },
      },
      { name: 'result', data: makeResultEvent(3), opts: { ...opts, jobId: 'ok-2' } },
    ]);
    await waitFor(async () => {
      const c = await counts(p!);
      return c.completed === 2 && c.failed === 3;
    }, '2 completed, 3 failed');
    for (const id of ['garbage', 'v2', 'bad-user']) {
      const job = (await raw.getJob(id)) as Job;
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toMatch(/^invalid result event: /);
    }
    const letters = await p.deadLetters.list();
    expect(Object.fromEntries(letters.map((l) => [l.id, l.reason]))).toEqual({
      garbage: expect.stringMatching(/\(root\): /) as string,
      v2: expect.stringMatching(/schemaVersion: /) as string,
      'bad-user': expect.stringMatching(/userId: /) as string,
    });
    expect(letters.find((l) => l.id === 'v2')).toMatchObject({
      attemptId: 'attempt-000002',
      source: 'queue',
    });
    expect(letters.find((l) => l.id === 'garbage')?.payload).toBe('not an event');

    // Still flowing.
    p.outbox.enqueue(makeResultEvent(5));
    await p.relay.runOnce();
    await waitFor(async () => (await p!.results.count()) === 3, 'later result stored');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await counts(p)).failed).toBe(3);
    await raw.close();
  });
});

describe('embedded mode (no Redis)', () => {
  it('fault 4: the in-process relay dead-letters a malformed outbox row and stores the rest', async () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    const outbox = new SqliteOutbox(db);
    const store = await openSqliteResultsDatabase(':memory:');
    const results = new KyselyResultStore(store.db);
    const deadLetters = new KyselyDeadLetterStore(store.db);
    const sink = new InProcessResultSink(new ResultConsumer({ results, deadLetters, logger }));
    const relay = new OutboxRelay({ outbox, sink, logger, backoffMs: 20 });
    outbox.enqueue(makeResultEvent(1));
    db.prepare(
      `INSERT INTO results_outbox (attempt_id, payload, created_at, next_try_at)
       VALUES ('broken', '{"schemaVersion":1,"attemptId":"broken"}', 0, 0)`,
    ).run();
    outbox.enqueue(makeResultEvent(2));
    expect(await relay.runOnce()).toBe(3);
    expect(outbox.backlog()).toBe(0);
    expect(await results.count()).toBe(2);
    expect(await deadLetters.list()).toEqual([
      expect.objectContaining({ id: 'broken', attemptId: 'broken', source: 'outbox' }),
    ]);
    // The row relayed twice (crash before the mark): still one result, one dead letter.
    db.prepare('UPDATE results_outbox SET sent_at = NULL').run();
    expect(await relay.runOnce()).toBe(3);
    expect(await results.count()).toBe(2);
    expect(await deadLetters.count()).toBe(1);
    await store.close();
    db.close();
  });
});
