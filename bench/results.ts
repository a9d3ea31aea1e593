/**
 * `npm run bench:results`: competency results through the whole pipeline — a submission
 * (`SqliteAttemptStore.update` writing the attempt and its outbox row in one transaction), the
 * relay (in this process, as in the bot) → BullMQ → the worker process (`src/cli/worker.ts`) →
 * the result store — against a bare BullMQ add+process of the same payloads measured in the same
 * run, on a private redis-server (AOF everysec, as in production).
 *
 * Phases: (1) raw baseline: N jobs added in bulk and completed by a no-op worker process;
 * (2) throughput: N real submissions wait in the outbox (relay stopped, as after an outage), then
 * the relay starts and the pipeline drains them (rate from the start to the last stored result;
 * ratio to raw); (3) latency: N submissions paced at --rate per second with everything running
 * (submission→stored percentiles). Prints rates, the ratio, latencies, lost and duplicated counts,
 * the bot's time per submission, and each target. Exits non-zero only if a process fails to start.
 *
 * Options: --count N (20000), --concurrency C (50), --rate R (1000), --log-level LEVEL (warn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { createLogger } from '../src/logger';
import {
  answerQuestion,
  score,
  startAttempt,
  submitAttempt,
  type Attempt,
  type QuizBank,
} from '../src/quiz';
import { resultEventFromAttempt, startResults, type ResultEvent } from '../src/results';
import { openSqliteDatabase, SqliteAttemptStore, type SqliteDatabase } from '../src/storage';
import { RedisServer } from '../test/helpers/redis-server';
import { makeTempDir } from '../test/helpers/temp-dir';
import { makeBank } from '../test/unit/quiz/fixtures';

const ROOT = path.join(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const COUNT = Number(option('count', '20000'));
const CONCURRENCY = Number(option('concurrency', '50'));
const RATE = Number(option('rate', '1000'));
const LOG_LEVEL = option('log-level', 'warn');
const QUESTIONS = 20;
const CHUNK = 500;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

class StartError extends Error {}

/** A child process of this repository's TypeScript, through tsx's CommonJS hook. */
function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['-r', 'tsx/cjs', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitForOutput(
  child: ChildProcess,
  match: (line: string) => boolean,
  name: string,
): Promise<void> {
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StartError(`${name} did not start`)), 60_000);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        output.push(line);
        if (match(line)) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve();
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new StartError(`${name} exited (${code}):\n${output.slice(-20).join('\n')}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** N submitted practice attempts of 20 questions, every question answered, ids from `offset`. */
function makeAttempts(bank: QuizBank, offset: number, n: number): Attempt[] {
  const attempts: Attempt[] = [];
  const t0 = Date.now();
  for (let k = 0; k < n; k++) {
    const i = offset + k;
    let a = startAttempt({
      id: `bench-${i}`,
      userId: `user-${i}`,
      seed: (i * 2654435761) >>> 0,
      startedAt: t0 - 600_000,
      bank,
      mode: 'practice',
      count: QUESTIONS,
    });
    for (let q = 0; q < QUESTIONS; q++) {
      const r = answerQuestion(
        a,
        { index: q, choice: (i + q) % 4, at: t0 - 600_000 + q * 20_000 },
        bank,
      );
      if (!r.ok) throw new Error(r.reason);
      a = r.attempt;
    }
    attempts.push(a);
  }
  return attempts;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RunFigures {
  rate: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  duplicated: number;
}

async function rawBaseline(redisUrl: string, events: readonly ResultEvent[]): Promise<number> {
  const queueName = 'bench-raw';
  const worker = spawnTs(
    'bench/results-raw-worker.ts',
    [redisUrl, queueName, String(CONCURRENCY)],
    {
      PATH: process.env.PATH,
    },
  );
  try {
    await waitForOutput(worker, (l) => l.trim() === 'ready', 'raw worker');
    const queue = new Queue(queueName, { connection: { url: redisUrl } });
    await queue.waitUntilReady();
    const options = {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 100_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += CHUNK) {
      await queue.addBulk(
        events.slice(i, i + CHUNK).map((e) => ({
          name: 'result',
          data: e,
          opts: { ...options, jobId: `raw-${e.attemptId}` },
        })),
      );
    }
    while ((await queue.getJobCounts('completed')).completed! < events.length) await sleep(25);
    const seconds = (performance.now() - t0) / 1000;
    await queue.obliterate({ force: true });
    await queue.close();
    return events.length / seconds;
  } finally {
    await stopChild(worker);
  }
}

async function main(): Promise<void> {
  const logger = createLogger(LOG_LEVEL);
  const redis = await RedisServer.start();
  const tmp = makeTempDir('tro-ly-cds-bench-results-');
  const children: ChildProcess[] = [];
  let db: SqliteDatabase | undefined;
  let resultsDb: SqliteDatabase | undefined;
  try {
    const bank = makeBank({ a: 40, b: 40, c: 40, d: 40 });
    process.stdout.write(`preparing ${fmt(2 * COUNT)} answered attempts… `);
    const burst = makeAttempts(bank, 0, COUNT);
    const paced = makeAttempts(bank, COUNT, COUNT);
    process.stdout.write('done\n');
    const eventOf = (a: Attempt, at: number): ResultEvent => {
      const done = submitAttempt(a, at, 'complete');
      if (!done.ok) throw new Error(done.reason);
      return resultEventFromAttempt(done.attempt, score(done.attempt, bank), 'BENCH');
    };

    const rawEvents = burst.map((a) => eventOf(a, Date.now()));
    process.stdout.write('raw BullMQ add+process… ');
    const rawBefore = await rawBaseline(redis.url, rawEvents);
    process.stdout.write(`${fmt(rawBefore)} jobs/s\n`);

    db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
    const botDb = db;
    const runtime = await startResults({
      db: botDb,
      resultsFile: path.join(tmp.dir, 'bot-results.sqlite'),
      settings: {
        redisUrl: redis.url,
        concurrency: CONCURRENCY,
        attempts: 10,
        backoffMs: 1000,
        lockMs: 30_000,
      },
      admin: { user: 'admin' },
      logger,
    });
    const store = new SqliteAttemptStore(botDb, {
      onSubmitted: (a) =>
        runtime.enqueueInTransaction(botDb, resultEventFromAttempt(a, score(a, bank), 'BENCH')),
    });
    const worker = spawnTs('src/cli/worker.ts', [], {
      PATH: process.env.PATH,
      REDIS_URL: redis.url,
      DATA_DIR: tmp.dir,
      RESULTS_CONCURRENCY: String(CONCURRENCY),
      LOG_LEVEL: 'info',
    });
    children.push(worker);
    await waitForOutput(worker, (l) => l.includes('results worker ready'), 'results worker');
    resultsDb = openSqliteDatabase({ file: path.join(tmp.dir, 'results.sqlite') });
    const reader = resultsDb;
    const countStored = () =>
      (reader.prepare('SELECT COUNT(*) AS n FROM competency_results').get() as { n: number }).n;

    let expectedTotal = 0;

    /** Creates the attempts (in progress), then submits them one by one, as people would. */
    async function submitAll(
      attempts: readonly Attempt[],
      pace: ((k: number) => number) | undefined,
    ): Promise<{ submittedAt: Map<string, number>; submitUs: number; rate: number }> {
      for (const a of attempts) {
        const fresh = { ...a, answers: a.plan.map(() => null), version: 0 };
        if ((await store.create(fresh, {})) !== 'created') throw new Error('create failed');
      }
      const submittedAt = new Map<string, number>();
      const t0 = Date.now();
      let busy = 0;
      for (let k = 0; k < attempts.length; k++) {
        if (pace) {
          // Submit whatever is due, then let the relay run until the next one is.
          const due = t0 + pace(k);
          if (Date.now() < due) await sleep(due - Date.now());
          else if (k % 10 === 0) await yieldToLoop();
        } else if (k % 20 === 0) {
          await yieldToLoop();
        }
        const a = attempts[k]!;
        const started = performance.now();
        const done = submitAttempt(a, Date.now(), 'complete');
        if (!done.ok || !(await store.update(done.attempt, 0))) throw new Error('submit failed');
        busy += performance.now() - started;
        submittedAt.set(a.id, Date.now());
      }
      const seconds = (Date.now() - t0) / 1000;
      return {
        submittedAt,
        submitUs: (busy * 1000) / attempts.length,
        rate: attempts.length / seconds,
      };
    }

    /** Waits until every attempt is stored; rate from `t0` to the last write, latencies, counts. */
    async function measure(
      attempts: readonly Attempt[],
      submittedAt: ReadonlyMap<string, number>,
      t0: number,
    ): Promise<RunFigures> {
      const ids = JSON.stringify(attempts.map((a) => a.id));
      const query = reader.prepare(
        `SELECT attempt_id AS id, COUNT(*) AS n, MIN(stored_at) AS storedAt
         FROM competency_results WHERE attempt_id IN (SELECT value FROM json_each(?))
         GROUP BY attempt_id`,
      );
      const until = Date.now() + 300_000;
      while (countStored() < expectedTotal + attempts.length && Date.now() < until) await sleep(25);
      expectedTotal += attempts.length;
      const rows = query.all(ids) as { id: string; n: number; storedAt: string }[];
      const latencies = rows
        .map((r) => Date.parse(r.storedAt) - submittedAt.get(r.id)!)
        .sort((x, y) => x - y);
      const last = Math.max(...rows.map((r) => Date.parse(r.storedAt)));
      return {
        rate: rows.length / ((last - t0) / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
        lost: attempts.length - rows.length,
        duplicated: rows.reduce((s, r) => s + r.n - 1, 0),
      };
    }

    // Throughput: N submissions wait in the outbox (relay stopped, as after an outage), then the
    // relay starts and the pipeline drains them.
    process.stdout.write('outbox → BullMQ → worker → store, draining N submissions… ');
    await runtime.relay.stop();
    const drainSubmissions = await submitAll(burst, undefined);
    const drainStart = Date.now();
    runtime.relay.start();
    const b = await measure(burst, drainSubmissions.submittedAt, drainStart);
    process.stdout.write(`${fmt(b.rate)} results/s\n`);

    // Latency: submissions at a steady rate with everything running.
    process.stdout.write(`same with submissions at ${fmt(RATE)}/s… `);
    const pacedSubmissions = await submitAll(paced, (k) => (k * 1000) / RATE);
    const p = await measure(
      paced,
      pacedSubmissions.submittedAt,
      Math.min(...pacedSubmissions.submittedAt.values()),
    );
    process.stdout.write(`${fmt(p.rate)} results/s\n`);
    const backlog = runtime.outbox.backlog();
    await runtime.close();
    await Promise.all(children.map(stopChild));

    // The machine's load varies: measure the baseline again and compare with the better one.
    process.stdout.write('raw BullMQ add+process, again… ');
    const rawAfter = await rawBaseline(redis.url, rawEvents);
    process.stdout.write(`${fmt(rawAfter)} jobs/s\n`);
    const rawRate = Math.max(rawBefore, rawAfter);
    const ratio = b.rate / rawRate;
    const lost = b.lost + p.lost;
    const duplicated = b.duplicated + p.duplicated;
    const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    console.log(
      [
        '',
        `Competency results, ${fmt(COUNT)} attempts per phase (${QUESTIONS} answers each), ` +
          `worker concurrency ${CONCURRENCY}, own redis-server`,
        `  raw BullMQ add+process (no-op worker)      ${fmt(rawRate).padStart(7)} jobs/s` +
          `   (best of ${fmt(rawBefore)} before, ${fmt(rawAfter)} after)`,
        `  outbox → BullMQ → worker → store (drain)   ${fmt(b.rate).padStart(7)} results/s` +
          `   ratio ${fmt(ratio, 2)} of raw`,
        `  submissions offered at ${fmt(RATE)}/s, made at ${fmt(pacedSubmissions.rate)}/s ` +
          `(all in one process with the relay)   ${fmt(p.rate)} results/s`,
        `    submission→stored  p50 ${fmt(p.p50)} ms  p99 ${fmt(p.p99)} ms  max ${fmt(p.max)} ms`,
        `  one submission (attempt + outbox row, one transaction): ` +
          `${fmt(drainSubmissions.submitUs)} µs of the bot's time`,
        `  lost ${lost}, duplicated ${duplicated}, outbox backlog at the end ${backlog}`,
        '',
        `Targets: ≥ 1,000 results/s ${check(b.rate >= 1000)}; ≥ 0.25 of raw ${check(ratio >= 0.25)}; ` +
          `p99 < 1 s ${check(p.p99 < 1000)}; 0 lost ${check(lost === 0)}; ` +
          `0 duplicated ${check(duplicated === 0)}`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(children.map(stopChild));
    resultsDb?.close();
    db?.close();
    await redis.remove();
    tmp.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof StartError ? err.message : err);
  process.exitCode = 1;
});
