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
 * (submission→stored percentiles); (2) and (3) for each mode; (1) again at the end. Prints rates,
 * the ratio, latencies, lost and duplicated counts, the bot's time per submission, and each target.
 * Exits non-zero only if a process fails to start.
 *
 * Modes: `practice` results (the store alone) and `contest` results, which the store also folds
 * into the contest aggregates: 20 answers in 10 topics, people in 700 units, about one in three
 * with 2 or 3 attempts, submitted in shuffled order (a later attempt is often stored before an
 * earlier one; the paced phase brings earlier attempts of people already stored). After the
 * contest phases the aggregates are checked against the submissions (people, attempts, firsts).
 *
 * Options: --mode both|contest|practice (both), --count N (20000 per phase and mode),
 * --concurrency C (50), --rate R (1000), --log-level LEVEL (warn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { createLogger } from '../src/logger';
import {
  answerQuestion,
  answerTiebreak,
  createRng,
  score,
  startAttempt,
  submitAttempt,
  type Attempt,
  type Contest,
  type QuizBank,
} from '../src/quiz';
import { resultEventFromAttempt, startResults, type ResultEvent } from '../src/results';
import { openSqliteDatabase, SqliteAttemptStore, type SqliteDatabase } from '../src/storage';
import { RedisServer } from '../test/helpers/redis-server';
import { makeTempDir } from '../test/helpers/temp-dir';
import { makeBank, makeContest } from '../test/unit/quiz/fixtures';
import { benchUnitCodes, loadAverage } from './bench-support';

const ROOT = path.join(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const COUNT = Number(option('count', '20000'));
const CONCURRENCY = Number(option('concurrency', '50'));
const RATE = Number(option('rate', '1000'));
const LOG_LEVEL = option('log-level', 'warn');
const MODE = option('mode', 'both');
const QUESTIONS = 20;
const CHUNK = 500;
const UNITS = 700;
const TOPICS = 'abcdefghij'.split('');

type Mode = 'practice' | 'contest';
const MODES: readonly Mode[] =
  MODE === 'both'
    ? ['practice', 'contest']
    : MODE === 'practice' || MODE === 'contest'
      ? [MODE]
      : [];

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

/** N answered practice attempts of 20 questions, every question answered, ids from `offset`. */
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

// A 3-level tree: 1 root, ~25 departments, the rest below them; people in every unit.
const unitCodes = benchUnitCodes(UNITS);

/** The contest's answered attempts, shuffled, and each person's unit. */
interface ContestAttempts {
  readonly attempts: Attempt[];
  readonly unitOf: ReadonlyMap<string, string>;
}

/**
 * `n` answered attempts at `contest` (2 questions of each of 10 topics): ~70 % of people make one,
 * ~20 % two, ~10 % three, an hour apart, each answered in about 10 minutes with the person's skill
 * and a tiebreak prediction; returned in random order.
 */
function makeContestAttempts(bank: QuizBank, contest: Contest, n: number): ContestAttempts {
  const random = createRng(2026);
  const answers = new Map(bank.questions.map((q) => [q.id, q.answer]));
  const attempts: Attempt[] = [];
  const unitOf = new Map<string, string>();
  const t0 = Date.now() - 12 * 3600_000;
  for (let person = 0; attempts.length < n; person++) {
    const userId = `person-${person}`;
    unitOf.set(userId, unitCodes[person % UNITS]!);
    const draw = random();
    const count = Math.min(draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3, n - attempts.length);
    const skill = 0.3 + 0.6 * random();
    for (let k = 0; k < count; k++) {
      const startedAt = t0 + k * 3600_000 + Math.floor(random() * 1800_000);
      let a = startAttempt({
        id: `contest-${person}-${k}`,
        userId,
        seed: (attempts.length * 2654435761) >>> 0,
        startedAt,
        bank,
        mode: 'contest',
        contest,
      });
      for (let q = 0; q < QUESTIONS; q++) {
        const planned = a.plan[q]!;
        const answer = answers.get(planned.questionId)!;
        const right = random() < skill;
        const at = startedAt + q * 25_000 + Math.floor(random() * 10_000);
        // The displayed option whose bank index is (or is not) the answer.
        const shown = planned.optionOrder.indexOf(right ? answer : (answer + 1) % 4);
        const r = answerQuestion(a, { index: q, choice: shown, at }, bank);
        if (!r.ok) throw new Error(r.reason);
        a = r.attempt;
      }
      const t = answerTiebreak(a, { value: Math.floor(random() * 1000), at: startedAt + 600_000 });
      if (!t.ok) throw new Error(t.reason);
      attempts.push(t.attempt);
    }
  }
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
  }
  return { attempts, unitOf };
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

/** One mode's attempts: the drain phase's and the paced phase's, and when each is submitted. */
interface ModeRun {
  readonly mode: Mode;
  readonly burst: readonly Attempt[];
  readonly paced: readonly Attempt[];
  /** The attempt's submission instant (its `submittedAt`). */
  readonly submitAt: (a: Attempt) => number;
}

/** What one mode measured. */
interface ModeFigures {
  readonly drain: RunFigures;
  readonly paced: RunFigures;
  readonly pacedOffered: number;
  readonly submitUs: number;
  /** Contest mode: the aggregates read back against the submissions. */
  readonly aggregates?: string;
}

async function main(): Promise<void> {
  if (MODES.length === 0) throw new StartError(`--mode must be both, contest or practice`);
  const logger = createLogger(LOG_LEVEL);
  const redis = await RedisServer.start();
  const tmp = makeTempDir('tro-ly-cds-bench-results-');
  const children: ChildProcess[] = [];
  let db: SqliteDatabase | undefined;
  let resultsDb: SqliteDatabase | undefined;
  try {
    const bank = makeBank({ a: 40, b: 40, c: 40, d: 40 });
    const contestBank = makeBank(Object.fromEntries(TOPICS.map((t) => [t, 40])));
    const now = Date.now();
    const contest = makeContest({
      id: 'bench-contest',
      opensAt: now - 2 * 24 * 3600_000,
      closesAt: now + 2 * 24 * 3600_000,
      questionsPerTopic: Object.fromEntries(TOPICS.map((t) => [t, QUESTIONS / TOPICS.length])),
      questionCount: QUESTIONS,
      timeLimitMinutes: 30,
      maxAttempts: 3,
    });
    process.stdout.write(`preparing ${fmt(2 * COUNT * MODES.length)} answered attempts… `);
    const runs: ModeRun[] = [];
    let unitOf: ReadonlyMap<string, string> = new Map();
    for (const mode of MODES) {
      if (mode === 'practice') {
        runs.push({
          mode,
          burst: makeAttempts(bank, 0, COUNT),
          paced: makeAttempts(bank, COUNT, COUNT),
          submitAt: () => Date.now(),
        });
      } else {
        const made = makeContestAttempts(contestBank, contest, 2 * COUNT);
        unitOf = made.unitOf;
        runs.push({
          mode,
          burst: made.attempts.slice(0, COUNT),
          paced: made.attempts.slice(COUNT),
          // Answered in about 10 minutes; the tiebreak was given at +10 min.
          submitAt: (a) => a.startedAt + 620_000,
        });
      }
    }
    process.stdout.write('done\n');
    const eventOf = (a: Attempt): ResultEvent =>
      a.mode === 'contest'
        ? resultEventFromAttempt(
            a,
            score(a, contestBank, contest.passMark),
            unitOf.get(a.userId),
            contest,
          )
        : resultEventFromAttempt(a, score(a, bank), 'BENCH');
    const submitted = (a: Attempt, at: number): Attempt => {
      const done = submitAttempt(a, at, 'complete');
      if (!done.ok) throw new Error(done.reason);
      return done.attempt;
    };

    // The raw baseline carries the first mode's payloads (both modes': 20 answers).
    const first = runs[0]!;
    const rawEvents = first.burst.map((a) => eventOf(submitted(a, first.submitAt(a))));
    process.stdout.write(`raw BullMQ add+process (${first.mode} payloads)… `);
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
      onSubmitted: (a) => runtime.enqueueInTransaction(botDb, eventOf(a)),
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

    const create = async (a: Attempt) => {
      const fresh = { ...a, answers: a.plan.map(() => null), version: 0 };
      if ((await store.create(fresh, {})) !== 'created') throw new Error('create failed');
    };

    /**
     * Creates the attempts (in progress), then submits them one by one, as people would. A
     * person's later attempt is created once his previous one is submitted (one running at a time).
     */
    async function submitAll(
      run: ModeRun,
      attempts: readonly Attempt[],
      pace: ((k: number) => number) | undefined,
    ): Promise<{ submittedAt: Map<string, number>; submitUs: number; rate: number }> {
      const running = new Set<string>();
      const later = new Set<string>();
      for (const a of attempts) {
        if (running.has(a.userId)) {
          later.add(a.id);
        } else {
          running.add(a.userId);
          await create(a);
        }
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
        if (later.has(a.id)) await create(a);
        const started = performance.now();
        const done = submitted(a, run.submitAt(a));
        if (!(await store.update(done, 0))) throw new Error('submit failed');
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

    /** The contest's participant rows against the submissions: people, attempts, first attempts. */
    function checkAggregates(run: ModeRun): string {
      const all = [...run.burst, ...run.paced];
      const firsts = new Map<string, Attempt>();
      for (const a of all) {
        const seen = firsts.get(a.userId);
        if (
          !seen ||
          a.startedAt < seen.startedAt ||
          (a.startedAt === seen.startedAt && a.id < seen.id)
        )
          firsts.set(a.userId, a);
      }
      const rows = reader
        .prepare(
          `SELECT user_id AS userId, attempts, first_attempt_id AS firstId
           FROM contest_participants WHERE contest_id = ?`,
        )
        .all(contest.id) as { userId: string; attempts: number; firstId: string }[];
      const attempts = rows.reduce((n, r) => n + r.attempts, 0);
      const wrong = rows.filter((r) => firsts.get(r.userId)?.id !== r.firstId).length;
      const ok = rows.length === firsts.size && attempts === all.length && wrong === 0;
      return (
        `aggregates: ${fmt(rows.length)} people (${fmt(firsts.size)} expected), ` +
        `${fmt(attempts)} attempts (${fmt(all.length)}), ${wrong} wrong first attempts` +
        (ok ? '' : '  MISMATCH')
      );
    }

    const figures = new Map<Mode, ModeFigures>();
    for (const run of runs) {
      // Throughput: N submissions wait in the outbox (relay stopped, as after an outage), then
      // the relay starts and the pipeline drains them.
      process.stdout.write(`${run.mode}: outbox → BullMQ → worker → store, draining N… `);
      await runtime.relay.stop();
      const drainSubmissions = await submitAll(run, run.burst, undefined);
      const drainStart = Date.now();
      runtime.relay.start();
      const drain = await measure(run.burst, drainSubmissions.submittedAt, drainStart);
      process.stdout.write(`${fmt(drain.rate)} results/s\n`);

      // Latency: submissions at a steady rate with everything running.
      process.stdout.write(`${run.mode}: same with submissions at ${fmt(RATE)}/s… `);
      const pacedSubmissions = await submitAll(run, run.paced, (k) => (k * 1000) / RATE);
      const paced = await measure(
        run.paced,
        pacedSubmissions.submittedAt,
        Math.min(...pacedSubmissions.submittedAt.values()),
      );
      process.stdout.write(`${fmt(paced.rate)} results/s\n`);
      figures.set(run.mode, {
        drain,
        paced,
        pacedOffered: pacedSubmissions.rate,
        submitUs: drainSubmissions.submitUs,
        ...(run.mode === 'contest' ? { aggregates: checkAggregates(run) } : {}),
      });
    }
    const backlog = runtime.outbox.backlog();
    await runtime.close();
    await Promise.all(children.map(stopChild));

    // The machine's load varies: measure the baseline again and compare with the better one.
    process.stdout.write('raw BullMQ add+process, again… ');
    const rawAfter = await rawBaseline(redis.url, rawEvents);
    process.stdout.write(`${fmt(rawAfter)} jobs/s\n`);
    const rawRate = Math.max(rawBefore, rawAfter);
    const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    const lines = [
      '',
      `Competency results, ${fmt(COUNT)} attempts per phase and mode (${QUESTIONS} answers each), ` +
        `worker concurrency ${CONCURRENCY}, own redis-server, load average ${loadAverage()}`,
      `  raw BullMQ add+process (no-op worker)      ${fmt(rawRate).padStart(7)} jobs/s` +
        `   (best of ${fmt(rawBefore)} before, ${fmt(rawAfter)} after)`,
    ];
    const targets: string[] = [];
    for (const [mode, f] of figures) {
      const ratio = f.drain.rate / rawRate;
      const lost = f.drain.lost + f.paced.lost;
      const duplicated = f.drain.duplicated + f.paced.duplicated;
      lines.push(
        `  ${mode}${mode === 'contest' ? ' (store + aggregates)' : ''}:`,
        `    outbox → BullMQ → worker → store (drain)   ${fmt(f.drain.rate).padStart(7)} results/s` +
          `   ratio ${fmt(ratio, 2)} of raw`,
        `    submissions offered at ${fmt(RATE)}/s, made at ${fmt(f.pacedOffered)}/s ` +
          `(all in one process with the relay)   ${fmt(f.paced.rate)} results/s`,
        `      submission→stored  p50 ${fmt(f.paced.p50)} ms  p99 ${fmt(f.paced.p99)} ms  ` +
          `max ${fmt(f.paced.max)} ms`,
        `    one submission (attempt + outbox row, one transaction): ` +
          `${fmt(f.submitUs)} µs of the bot's time`,
        `    lost ${lost}, duplicated ${duplicated}`,
        ...(f.aggregates ? [`    ${f.aggregates}`] : []),
      );
      targets.push(
        `${mode}: ≥ 1,000 results/s ${check(f.drain.rate >= 1000)}; ` +
          `≥ 0.25 of raw ${check(ratio >= 0.25)}; p99 < 1 s ${check(f.paced.p99 < 1000)}; ` +
          `0 lost ${check(lost === 0)}; 0 duplicated ${check(duplicated === 0)}`,
      );
    }
    lines.push(`  outbox backlog at the end ${backlog}`, '', 'Targets:', ...targets);
    console.log(lines.join('\n'));
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
