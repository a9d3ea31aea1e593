import path from 'node:path';
import { Queue } from 'bullmq';
import { createLogger } from '../../src/logger';
import { OutboxRelay, SqliteOutbox } from '../../src/results';
import { BullmqResultProducer, connectRedis, RESULTS_QUEUE_NAME } from '../../src/results/queue';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage';
import { NodeProcess } from '../helpers/node-process';
import {
  allText,
  answerPayloads,
  ChatUser,
  readAttempts,
  seedDirectory,
  writeContest,
} from '../helpers/quiz-app';
import { makeResultEvent } from '../helpers/result-events';
import { RedisServer, redisCommand } from '../helpers/redis-server';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(90_000);

const KNOWLEDGE_DIR = path.join(__dirname, '..', '..', 'knowledge');

/**
 * The faults of issue 5 with real processes: the bot (`src/main.ts`, whose relay moves the outbox
 * to the queue) and the worker (`src/cli/worker.ts`), each on a private redis-server that the test
 * stops, pauses and restarts. Submissions are real contests sat over HTTP, plus many rows written
 * as the attempt store's `onSubmitted` hook writes them (the outbox row committed in a transaction
 * on the bot's database file) for the counts.
 */
describe('results pipeline faults (real processes, own redis-server)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let redis: RedisServer;
  const processes: NodeProcess[] = [];
  let botDb: SqliteDatabase | undefined;
  let resultsDb: SqliteDatabase | undefined;

  const CONTEST = 'thi-ket-qua';

  beforeEach(async () => {
    tmp = makeTempDir('tro-ly-cds-results-faults-');
    const now = Date.now();
    writeContest(path.join(tmp.dir, 'contests'), {
      id: CONTEST,
      opensAt: now - 3_600_000,
      closesAt: now + 86_400_000,
      tiebreak: false,
    });
    await seedDirectory(path.join(tmp.dir, 'bot.sqlite'), ['can-bo-1', 'can-bo-2']);
    // fsync always: fault 1 kills Redis and must not lose what it acknowledged.
    redis = await RedisServer.start({
      fsync: expect.getState().currentTestName?.includes('fault 1') ? 'always' : 'everysec',
    });
  });
  afterEach(async () => {
    botDb?.close();
    resultsDb?.close();
    botDb = resultsDb = undefined;
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await redis.remove();
    tmp.remove();
  });

  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: tmp.dir,
    KNOWLEDGE_DIR,
    CONTESTS_DIR: path.join(tmp.dir, 'contests'),
    REDIS_URL: redis.url,
    LOG_LEVEL: 'info',
    RESULTS_BACKOFF_MS: '100',
    RESULTS_LOCK_MS: '1000',
    ...extra,
  });

  /** Starts the bot; with `ready`, waits until it answers chat (knowledge and quizzes loaded). */
  async function startBot(ready = false): Promise<{ process: NodeProcess; url: string }> {
    const bot = new NodeProcess('src/main.ts', env({ PORT: '0', HOST: '127.0.0.1' }));
    processes.push(bot);
    const line = await bot.waitForLog((l) => l.msg === 'server listening');
    if (ready) await bot.waitForLog((l) => l.msg === 'ready');
    return { process: bot, url: `http://127.0.0.1:${String(line.port)}` };
  }

  /** One person sits the whole contest over HTTP; resolves with the id of the attempt. */
  async function sitContest(url: string, userId: string): Promise<string> {
    const user = new ChatUser(() => url, userId);
    let replies = await user.click({ type: 'contest-start', contestId: CONTEST });
    for (let i = 0; i < 3; i++) replies = await user.click(answerPayloads(replies)[0]!);
    expect(allText(replies)).toMatch(/điểm/i);
    const [attempt] = await readAttempts(path.join(tmp.dir, 'bot.sqlite'), userId);
    expect(attempt?.status).toBe('submitted');
    return attempt!.id;
  }

  async function startWorker(concurrency = 20): Promise<NodeProcess> {
    const worker = new NodeProcess(
      'src/cli/worker.ts',
      env({ RESULTS_CONCURRENCY: String(concurrency) }),
    );
    processes.push(worker);
    await worker.waitForLog((l) => l.msg === 'results worker ready');
    return worker;
  }

  /**
   * Submissions as the attempt store makes them: each outbox row in its own transaction (or all
   * in one, to fill the outbox quickly).
   */
  function submit(from: number, to: number, oneTransaction = false): void {
    if (!botDb) {
      botDb = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
      SqliteOutbox.migrate(botDb);
    }
    const db = botDb;
    const write = (i: number) => SqliteOutbox.enqueueInTransaction(db, makeResultEvent(i));
    if (oneTransaction) {
      db.transaction(() => {
        for (let i = from; i <= to; i++) write(i);
      })();
    } else {
      for (let i = from; i <= to; i++) db.transaction(write)(i);
    }
  }

  const backlog = () =>
    (
      botDb!.prepare('SELECT COUNT(*) AS n FROM results_outbox WHERE sent_at IS NULL').get() as {
        n: number;
      }
    ).n;

  /** Stored attempt ids with how many rows each has. */
  function stored(): Map<string, number> {
    resultsDb ??= openSqliteDatabase({ file: path.join(tmp.dir, 'results.sqlite') });
    const rows = resultsDb
      .prepare('SELECT attempt_id AS id, COUNT(*) AS n FROM competency_results GROUP BY attempt_id')
      .all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  const expectedIds = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => makeResultEvent(from + k).attemptId);

  function expectExactlyOnce(from: number, to: number, extra: string[] = []): void {
    const s = stored();
    expect([...s.keys()].sort()).toEqual([...expectedIds(from, to), ...extra].sort());
    expect([...s.values()].every((n) => n === 1)).toBe(true);
  }

  async function jobCounts() {
    const queue = new Queue(RESULTS_QUEUE_NAME, { connection: { url: redis.url } });
    try {
      return await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    } finally {
      await queue.close();
    }
  }

  it('fault 1: Redis down when attempts finish — the outbox holds them, the bot keeps working, all arrive once after restart', async () => {
    const [bot] = await Promise.all([startBot(true), startWorker()]);
    submit(1, 20);
    await waitFor(() => stored().size === 20, 'the first 20 results');

    await redis.stop('SIGKILL');
    // The bot keeps working: a person sits a whole contest and gets the result in chat.
    const attemptId = await sitContest(bot.url, 'can-bo-1');
    submit(21, 70);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(backlog()).toBe(51);
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(/^results_outbox_backlog 51$/m);
    expect(metrics).toMatch(/^results_queue_up 0$/m);
    expect(metrics).toMatch(/^results_stored 20$/m);
    expect(stored().size).toBe(20);

    await redis.restart();
    await waitFor(() => stored().size === 71, 'all 71 results after Redis is back', 30_000);
    expect(backlog()).toBe(0);
    expectExactlyOnce(1, 70, [attemptId]);
    await waitFor(async () => (await jobCounts()).completed === 71, 'every job completed');
    expect(await jobCounts()).toMatchObject({ failed: 0, waiting: 0, active: 0 });
    const after = await (await fetch(`${bot.url}/metrics`)).text();
    expect(after).toMatch(/^results_queue_jobs\{state="failed"\} 0$/m);
    expect(after).toMatch(/^results_stored 71$/m);
    // And the person sees it with /ketqua.
    const [mine] = await new ChatUser(() => bot.url, 'can-bo-1').say('/ketqua');
    expect(mine?.text).toMatch(/^\*\*Kết quả của anh\/chị\*\*/);
    expect(mine?.text).toContain('1. **Cuộc thi thử nghiệm qua HTTP**');
  });

  it('fault 2: a worker SIGKILLed in the middle of a batch — after restart every result is stored exactly once', async () => {
    const N = 3000;
    // Fill the queue through the outbox and relay first (as the bot would).
    submit(1, N, true);
    const producerRedis = connectRedis({
      url: redis.url,
      name: 'test-producer',
      role: 'producer',
      logger: createLogger('silent'),
    });
    const producer = new BullmqResultProducer({
      connection: producerRedis,
      logger: createLogger('silent'),
      attempts: 10,
      backoffMs: 100,
    });
    await producer.queue.waitUntilReady();
    const relay = new OutboxRelay({
      outbox: new SqliteOutbox(botDb!),
      sink: producer,
      logger: createLogger('silent'),
      backoffMs: 100,
    });
    while ((await relay.runOnce()) > 0);
    await producer.close();
    producerRedis.disconnect();
    expect(backlog()).toBe(0);

    const first = await startWorker(50);
    await waitFor(() => stored().size >= 300, 'some results stored', 30_000, 5);
    await first.kill('SIGKILL');
    const storedAtKill = stored().size;
    expect(storedAtKill).toBeLessThan(N);
    // Jobs the dead worker held are still active (locked) in Redis: the kill hit a batch.
    expect((await jobCounts()).active).toBeGreaterThan(0);

    await startWorker(50);
    await waitFor(() => stored().size === N, `all ${N} results after the restart`, 45_000);
    expectExactlyOnce(1, N);
    await waitFor(async () => (await jobCounts()).completed === N, 'every job completed');
    expect(await jobCounts()).toMatchObject({ failed: 0, active: 0, waiting: 0 });
  });

  it('fault 5: the bot killed between submission and relay — the row is relayed after restart', async () => {
    const [bot] = await Promise.all([startBot(true), startWorker()]);
    // Redis accepts the relay's commands but does not answer them: no acknowledgement.
    expect(await redisCommand(redis.port, 'CLIENT PAUSE 30000 WRITE')).toBe('+OK');
    const attemptId = await sitContest(bot.url, 'can-bo-2');
    submit(1, 30);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(backlog()).toBe(31);
    await bot.process.kill('SIGKILL');
    expect(await redisCommand(redis.port, 'CLIENT UNPAUSE')).toBe('+OK');
    expect(backlog()).toBe(31);

    await startBot();
    await waitFor(() => stored().size === 31, 'the 31 results relayed after the restart', 30_000);
    await waitFor(() => backlog() === 0, 'outbox marked sent');
    expectExactlyOnce(1, 30, [attemptId]);
    await waitFor(async () => (await jobCounts()).completed === 31, 'every job completed');
    expect((await jobCounts()).failed).toBe(0);
  });
});
