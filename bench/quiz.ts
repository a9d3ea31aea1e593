/**
 * `npm run bench:quiz`: the contests under load, against the real server compiled as `npm start`
 * runs it, with a directory of generated candidates and two contests open now (in a temp
 * `DATA_DIR` and `CONTESTS_DIR`).
 *
 * 1. Answer turn vs echo bot, measured in the same run: candidates start a contest beforehand
 *    (`/thi <id>`, then the "Bắt đầu" button); autocannon then sends card-button answers
 *    `{type: 'quiz-answer', attemptId, index, choice}`, each request answering the next question
 *    of the next candidate in turn, so every request is a valid answer (checked afterwards in the
 *    database). The echo bot gets the same activities. Both servers are loaded in interleaved
 *    rounds (`interleavedLoad`), so that the machine's swings hit both alike.
 * 2. A simulated contest: every candidate starts (staggered), then answers one question every
 *    `--interval` seconds for `--seconds` seconds, open loop (each answer leaves at its scheduled
 *    time whatever the server's latency), over keep-alive HTTP. Every latency is recorded from the
 *    scheduled time; an error is a network error, a non-2xx status or a reply other than "answer
 *    recorded" (a Vietnamese refusal).
 *
 * Prints figures, the server's RSS and the load average; exits non-zero only if a server fails to
 * start (or answers the first requests wrongly).
 *
 * Options: --candidates N (5000), --seconds S (120), --interval S (10), --start-rate N per second
 * (100), --connections N (20), --duration S per server (10), --rounds N (5), --pool N candidates
 * for the throughput part (3000: 60,000 answers, enough for 4,000 answers/s; the bench says how many
 * were sent after the pool ran out), --log-level LEVEL (warn), --cpu-prof DIR (the server writes a
 * V8 CPU profile there).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { quizTexts } from '../dialogs/quiz-texts';
import { openSqliteDatabase, SqliteDirectoryRepository } from '../src/storage';
import {
  buildApp,
  type ChildServer,
  fmt,
  loadAverage,
  mark,
  interleavedLoad,
  type LoadRow,
  option,
  startNodeFlags,
  printLoadTable,
  rssMb,
  spawnApp,
  spawnEchoBot,
  StartError,
  stop,
  waitReady,
} from './bench-support';

const CANDIDATES = Number(option('candidates', '5000'));
const SECONDS = Number(option('seconds', '120'));
const INTERVAL = Number(option('interval', '10'));
const START_RATE = Number(option('start-rate', '100'));
const CONNECTIONS = Number(option('connections', '20'));
const DURATION = Number(option('duration', '10'));
const ROUNDS = Number(option('rounds', '5'));
const POOL = Number(option('pool', '3000'));
const LOG_LEVEL = option('log-level', 'warn');
const WARMUP_SECONDS = 2;

/** Topics of the quiz bank; each holds at least 65 questions. */
const TOPICS = [
  'kien-thuc-chung-cds',
  'an-toan-thong-tin',
  'cntt-trong-cong-viec',
  'iso-va-mot-cua',
];
const THROUGHPUT_CONTEST = 'bench-toc-do';
const SIMULATED_CONTEST = 'bench-thi-thu';
/** 5 questions per topic: 20, as the real contest (`knowledge/contests/`). */
const THROUGHPUT_PER_TOPIC = 5;
const THROUGHPUT_QUESTIONS = THROUGHPUT_PER_TOPIC * TOPICS.length;
const ANSWERS_PER_CANDIDATE = Math.max(1, Math.floor(SECONDS / INTERVAL));
/** Enough questions that nobody reaches the tiebreak during the simulation (20 at least). */
const SIMULATED_PER_TOPIC = Math.min(
  60,
  Math.max(5, Math.ceil((ANSWERS_PER_CANDIDATE + 1) / TOPICS.length)),
);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

// ---------------------------------------------------------------------------------------------
// Setup: directory, contests

const tpUser = (i: number) => `bench-tp-${i}`;
const simUser = (i: number) => `bench-sim-${i}`;

function writeContest(dir: string, id: string, perTopic: number, closesAt: number): void {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lines = [
    `id: ${id}`,
    `title: Cuộc thi đo tải ${id}`,
    `opensAt: '${iso(Date.now() - 3_600_000)}'`,
    `closesAt: '${iso(closesAt)}'`,
    'questionsPerTopic:',
    ...TOPICS.map((t) => `  ${t}: ${perTopic}`),
    // Nobody runs out of time during the bench: no deadline passes, no automatic submission.
    'timeLimitMinutes: 600',
    'passMark: 50',
    'maxAttempts: 100',
    'review: after-submit',
    'tiebreak:',
    '  question: Dự đoán số người tham gia cuộc thi?',
    '  unit: người',
  ];
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id}.yaml`), `${lines.join('\n')}\n`);
}

async function seedDirectory(dbFile: string, userIds: string[]): Promise<void> {
  const db = openSqliteDatabase({ file: dbFile });
  try {
    await new SqliteDirectoryRepository(db).replaceAll(
      [{ code: 'CT', name: 'UBND thành phố Cần Thơ' }],
      userIds.map((userId, n) => ({
        userId,
        fullName: `Cán bộ thi thử ${n + 1}`,
        email: `${userId}@cantho.gov.vn`,
        unitCode: 'CT',
        role: 'official' as const,
      })),
    );
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

function activity(userId: string, content: { text?: string; value?: unknown }): string {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    conversation: { id: `conv-${userId}` },
    from: { id: userId, name: `Cán bộ ${userId}` },
    recipient: { id: 'bot', name: 'Trợ lý CĐS' },
    deliveryMode: 'expectReplies',
    ...content,
  });
}

const answerActivity = (userId: string, attemptId: string, index: number, choice: number) =>
  activity(userId, { value: { type: 'quiz-answer', attemptId, index, choice } });

interface Exchange {
  status: number;
  body: string;
}

/** POSTs an activity over the keep-alive agent; the status and the raw reply body. */
function post(url: string, body: string): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The first reply's text, shortened: what the person would read. */
function firstText(body: string): string {
  try {
    const text = (JSON.parse(body) as { activities?: { text?: string }[] }).activities?.[0]?.text;
    return (text ?? body).replace(/\s+/g, ' ').slice(0, 90);
  } catch {
    return body.slice(0, 90);
  }
}

/** `/thi <id>`, then "Bắt đầu" on the confirmation card; the new attempt's id. */
async function startCandidate(url: string, userId: string, contestId: string): Promise<string> {
  const shown = await post(url, activity(userId, { text: `/thi ${contestId}` }));
  if (shown.status !== 200 || !shown.body.includes('"contest-start"')) {
    throw new Error(`/thi ${contestId}: HTTP ${shown.status}: ${firstText(shown.body)}`);
  }
  const started = await post(
    url,
    activity(userId, { value: { type: 'contest-start', contestId } }),
  );
  const id = /"type":"quiz-answer","attemptId":"([^"]+)","index":0,/.exec(started.body)?.[1];
  if (started.status !== 200 || !id) {
    throw new Error(`start: HTTP ${started.status}: ${firstText(started.body)}`);
  }
  return id;
}

/** Whether the reply to answering question `index` (0-based) of `total` recorded it. */
function answerRecorded(body: string, index: number, total: number): boolean {
  return index + 1 < total
    ? body.includes(quizTexts.answerRecorded(index + 1))
    : body.includes(quizTexts.tiebreakIntro);
}

/** Runs `task(0..count-1)` with at most `concurrency` at a time. */
async function inParallel(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Figures

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function summarise(values: number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

const ms = (n: number) => `${fmt(n, 1)} ms`;

class ErrorTally {
  readonly reasons = new Map<string, number>();
  total = 0;
  add(reason: string): void {
    this.total++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  print(indent = '  '): void {
    const top = [...this.reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [reason, n] of top) console.log(`${indent}${fmt(n).padStart(6)} × ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Answer-turn throughput

async function throughput(
  echo: ChildServer,
  quiz: ChildServer,
  dbFile: string,
): Promise<{ rows: LoadRow[]; sent: number; recorded: number; exhausted: number }> {
  process.stdout.write(`Starting ${fmt(POOL)} candidates on “${THROUGHPUT_CONTEST}”… `);
  const attempts: (string | undefined)[] = new Array(POOL);
  const failures = new ErrorTally();
  const began = performance.now();
  await inParallel(POOL, CONNECTIONS, async (i) => {
    try {
      attempts[i] = await startCandidate(quiz.url, tpUser(i), THROUGHPUT_CONTEST);
    } catch (err) {
      failures.add(String((err as Error).message));
    }
  });
  const ready = attempts.flatMap((id, i) => (id ? [{ userId: tpUser(i), attemptId: id }] : []));
  console.log(`${fmt(ready.length)} started in ${fmt((performance.now() - began) / 1000, 1)} s`);
  if (ready.length === 0) {
    failures.print();
    throw new StartError('the quiz server started no contest attempt');
  }
  if (failures.total > 0) {
    console.log(`  ${fmt(failures.total)} candidates could not start:`);
    failures.print('    ');
  }

  // Request n answers question ⌊n / P⌋ of candidate n mod P: P requests apart, so the previous
  // answer of the same candidate is long done (P ≫ connections).
  const answers = () => {
    let n = 0;
    return {
      body: () => {
        const c = ready[n % ready.length]!;
        const index = Math.floor(n / ready.length);
        n++;
        return answerActivity(c.userId, c.attemptId, index, (n + index) % 4);
      },
      sent: () => n,
    };
  };
  const quizAnswers = answers();
  process.stdout.write(
    `Loading both servers (${CONNECTIONS} connections, ${ROUNDS} interleaved rounds, ` +
      `${fmt(DURATION / ROUNDS, 1)} s each per round)… `,
  );
  const rows = await interleavedLoad(
    [
      { name: echo.name, url: echo.url, body: answers().body },
      { name: quiz.name, url: quiz.url, body: quizAnswers.body },
    ],
    { connections: CONNECTIONS, seconds: DURATION, rounds: ROUNDS, warmupSeconds: WARMUP_SECONDS },
  );
  const quizSent = quizAnswers.sent();
  console.log('done');
  // What the server recorded: every successful answer bumps the attempt's version once.
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  let recorded: number;
  try {
    recorded = (
      db
        .prepare('SELECT COALESCE(SUM(version), 0) AS n FROM quiz_attempts WHERE contest_id = ?')
        .get(THROUGHPUT_CONTEST) as { n: number }
    ).n;
  } finally {
    db.close();
  }
  return {
    rows,
    sent: quizSent,
    recorded,
    exhausted: Math.max(0, quizSent - ready.length * THROUGHPUT_QUESTIONS),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Simulated contest

interface SimulationResult {
  starts: Summary;
  answers: Summary;
  sendLag: Summary;
  startErrors: ErrorTally;
  answerErrors: ErrorTally;
  skipped: number;
  offered: number;
  seconds: number;
  peakRss: number;
}

const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

/**
 * Fires `count` events open loop: event j leaves at `at(j)` (ms, `performance.now()` clock,
 * non-decreasing in j), whether or not earlier ones have been answered.
 */
async function openLoop(
  count: number,
  at: (j: number) => number,
  fire: (j: number, scheduled: number) => Promise<void>,
  progress: (elapsedS: number) => void,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const began = performance.now();
  let nextReport = began + 10_000;
  let j = 0;
  while (j < count) {
    const now = performance.now();
    while (j < count && at(j) <= now) {
      const p = fire(j, at(j)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      j++;
    }
    if (now >= nextReport) {
      progress((now - began) / 1000);
      nextReport += 10_000;
    }
    if (j < count) await sleep(Math.max(0, Math.min(at(j) - performance.now(), 10)));
  }
  await Promise.all(inFlight);
}

async function simulate(quiz: ChildServer): Promise<SimulationResult> {
  const questions = SIMULATED_PER_TOPIC * TOPICS.length;
  const attempts: (string | undefined)[] = new Array(CANDIDATES);
  const startLatencies: number[] = [];
  const startErrors = new ErrorTally();
  let peakRss = 0;
  const sampler = setInterval(() => {
    rssMb(quiz.url).then(
      (mb) => (peakRss = Math.max(peakRss, mb)),
      () => undefined,
    );
  }, 2_000);

  try {
    // Starts, staggered at START_RATE per second.
    const startSeconds = CANDIDATES / START_RATE;
    console.log(
      `Starting ${fmt(CANDIDATES)} candidates on “${SIMULATED_CONTEST}” (${questions} questions), ` +
        `${fmt(START_RATE)}/s over ${fmt(startSeconds, 1)} s…`,
    );
    const t0 = performance.now() + 100;
    await openLoop(
      CANDIDATES,
      (i) => t0 + (i * 1000) / START_RATE,
      async (i, scheduled) => {
        try {
          attempts[i] = await startCandidate(quiz.url, simUser(i), SIMULATED_CONTEST);
          startLatencies.push(performance.now() - scheduled);
        } catch (err) {
          const e = err as Error & { code?: string };
          startErrors.add(e.code ?? e.message);
        }
      },
      (s) =>
        console.log(
          `  ${fmt(s, 0).padStart(4)} s: ${fmt(startLatencies.length)} started, ` +
            `${fmt(startErrors.total)} errors`,
        ),
    );
    console.log(`  ${fmt(startLatencies.length)} started, ${fmt(startErrors.total)} errors`);

    // Answers: candidate i answers at B0 + i·interval/N + k·interval, k = 0..K-1.
    const intervalMs = INTERVAL * 1000;
    const count = CANDIDATES * ANSWERS_PER_CANDIDATE;
    const offered = CANDIDATES / INTERVAL;
    console.log(
      `Answering: each candidate every ${fmt(INTERVAL)} s for ${fmt(SECONDS)} s ` +
        `(${fmt(ANSWERS_PER_CANDIDATE)} answers each, ${fmt(offered)} answers/s offered), open loop…`,
    );
    const latencies: number[] = [];
    const lags: number[] = [];
    const answerErrors = new ErrorTally();
    let skipped = 0;
    const b0 = performance.now() + 500;
    const began = performance.now();
    await openLoop(
      count,
      (j) =>
        b0 + ((j % CANDIDATES) * intervalMs) / CANDIDATES + Math.floor(j / CANDIDATES) * intervalMs,
      async (j, scheduled) => {
        const i = j % CANDIDATES;
        const index = Math.floor(j / CANDIDATES);
        const attemptId = attempts[i];
        if (!attemptId) {
          skipped++;
          return;
        }
        lags.push(performance.now() - scheduled);
        try {
          const res = await post(
            quiz.url,
            answerActivity(simUser(i), attemptId, index, (i + index) % 4),
          );
          latencies.push(performance.now() - scheduled);
          if (res.status < 200 || res.status > 299) answerErrors.add(`HTTP ${res.status}`);
          else if (!answerRecorded(res.body, index, questions)) {
            answerErrors.add(`reply: ${firstText(res.body)}`);
          }
        } catch (err) {
          const e = err as Error & { code?: string };
          latencies.push(performance.now() - scheduled);
          answerErrors.add(e.code ?? e.message);
        }
      },
      (s) =>
        console.log(
          `  ${fmt(s, 0).padStart(4)} s: ${fmt(latencies.length)} answered, ` +
            `${fmt(answerErrors.total)} errors, load average ${loadAverage()}`,
        ),
    );
    const seconds = (performance.now() - began) / 1000;
    return {
      starts: summarise(startLatencies),
      answers: summarise(latencies),
      sendLag: summarise(lags),
      startErrors,
      answerErrors,
      skipped,
      offered,
      seconds,
      peakRss: Math.max(peakRss, await rssMb(quiz.url)),
    };
  } finally {
    clearInterval(sampler);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  console.log(
    `Trợ lý CĐS quiz benchmark — Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `server log level ${LOG_LEVEL}, node ${startNodeFlags().join(' ')}; load average ${loadAverage()}\n`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-quiz-'));
  const contestsDir = path.join(dataDir, 'contests');
  const dbFile = path.join(dataDir, 'bot.sqlite');
  let echo: ChildServer | undefined;
  let quiz: ChildServer | undefined;
  try {
    process.stdout.write('Building (tsc -p tsconfig.build.json)… ');
    buildApp();
    console.log('done');

    // Open for an hour past the longest possible run.
    const closesAt =
      Date.now() + 3_600_000 + (CANDIDATES / START_RATE + SECONDS + 4 * DURATION) * 1000;
    writeContest(contestsDir, THROUGHPUT_CONTEST, THROUGHPUT_PER_TOPIC, closesAt);
    writeContest(contestsDir, SIMULATED_CONTEST, SIMULATED_PER_TOPIC, closesAt);
    const people = [
      ...Array.from({ length: POOL }, (_, i) => tpUser(i)),
      ...Array.from({ length: CANDIDATES }, (_, i) => simUser(i)),
    ];
    await seedDirectory(dbFile, people);
    console.log(`Directory: ${fmt(people.length)} candidates; data in ${dataDir}`);

    echo = await spawnEchoBot(LOG_LEVEL);
    quiz = await spawnApp('quiz bot', {
      DATA_DIR: dataDir,
      CONTESTS_DIR: contestsDir,
      LOG_LEVEL,
    });
    await Promise.all([waitReady(echo), waitReady(quiz)]);
    const echoReply = await post(echo.url, activity('probe', { text: 'xin chào' }));
    if (!echoReply.body.includes('Echo:')) {
      throw new StartError(`echo bot replied: HTTP ${echoReply.status} ${echoReply.body}`);
    }

    const tp = await throughput(echo, quiz, dbFile);
    const sim = await simulate(quiz);
    const endRss = await rssMb(quiz.url);

    // Report.
    console.log(
      `\nAnswer turn vs echo bot (autocannon, ${CONNECTIONS} connections, ${DURATION} s each in ` +
        `${ROUNDS} interleaved rounds, after ${WARMUP_SECONDS} s warm-up; p99 = worst round's)`,
    );
    printLoadTable(tp.rows);
    const [e, q] = tp.rows as [LoadRow, LoadRow];
    const ratio = q.reqPerSec / e.reqPerSec;
    console.log(
      `Answers recorded by the quiz server: ${fmt(tp.recorded)} of ${fmt(tp.sent)} sent ` +
        `(warm-up included; the last in flight when autocannon stops may be cut)` +
        (tp.exhausted ? `; ${fmt(tp.exhausted)} sent after the pool ran out of questions` : ''),
    );
    if (tp.exhausted) {
      console.log(
        '  ⚠ answers past the last question are refused, which is not an answer turn: ' +
          `the ratio below is not valid; run again with --pool ${Math.ceil((tp.sent / THROUGHPUT_QUESTIONS) * 1.5)}`,
      );
    }
    console.log(`Answer / echo throughput: ${fmt(ratio, 2)}  (target ≥ 0.5) ${mark(ratio >= 0.5)}`);
    console.log(
      `Answer / echo, by server CPU per request: ${fmt(e.cpuMsPerRequest / q.cpuMsPerRequest, 2)} ` +
        '(the same comparison, less sensitive to other load on the machine)',
    );
    console.log(`Answer p99 latency: ${ms(q.p99)}  (target < 100 ms) ${mark(q.p99 < 100)}`);

    const errors = sim.startErrors.total + sim.answerErrors.total;
    console.log(
      `\nSimulated contest: ${fmt(CANDIDATES)} candidates, one answer each every ${fmt(INTERVAL)} s ` +
        `for ${fmt(SECONDS)} s (${fmt(sim.offered)} answers/s offered, open loop)`,
    );
    console.log(
      `  starts (/thi + Bắt đầu, ${fmt(START_RATE)}/s): ${fmt(sim.starts.count)} · ` +
        `p50 ${ms(sim.starts.p50)} · p99 ${ms(sim.starts.p99)} · max ${ms(sim.starts.max)} · ` +
        `${fmt(sim.startErrors.total)} errors`,
    );
    sim.startErrors.print('    ');
    console.log(
      `  answers: ${fmt(sim.answers.count)} in ${fmt(sim.seconds, 1)} s ` +
        `(${fmt(sim.answers.count / sim.seconds)}/s) · p50 ${ms(sim.answers.p50)} · ` +
        `p99 ${ms(sim.answers.p99)} · max ${ms(sim.answers.max)} · ` +
        `${fmt(sim.answerErrors.total)} errors` +
        (sim.skipped ? ` · ${fmt(sim.skipped)} not sent (candidate never started)` : ''),
    );
    sim.answerErrors.print('    ');
    console.log(
      `  client send lag (scheduled → sent, included above): p99 ${ms(sim.sendLag.p99)} · ` +
        `max ${ms(sim.sendLag.max)}`,
    );
    console.log(
      `  answer p99: ${ms(sim.answers.p99)}  (target < 200 ms) ${mark(sim.answers.p99 < 200)}`,
    );
    console.log(`  errors: ${fmt(errors)}  (target 0) ${mark(errors === 0 && sim.skipped === 0)}`);
    console.log(
      `\nQuiz server RSS: ${fmt(q.rss)} MB after the throughput run, ` +
        `${fmt(sim.peakRss)} MB peak during the simulation, ${fmt(endRss)} MB at the end; ` +
        `echo bot ${fmt(e.rss)} MB`,
    );
    console.log(`Load average at the end: ${loadAverage()}`);
    return 0;
  } catch (err) {
    if (err instanceof StartError) {
      console.error(`\nA server failed to start: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    agent.destroy();
    await Promise.all([stop(echo), stop(quiz)]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
