/**
 * `npx tsx bench/reports-data.ts`: the data side of `/baocao` at the scale. Fills a temp
 * SQLite reporting database through `KyselyResultStore.save` (so the contest aggregates are built
 * the way production builds them) with N contest results of 20 answers each, by 30,000 people in
 * ~700 units, drawn from 300 questions in 10 topics, arriving in random order (some attempts
 * arrive after a later one of the same person). Then times, for the root unit (every unit):
 * `unitStats` + `questionStats` (target < 300 ms together) and `participants` (target < 1.5 s),
 * each the median of several runs after one warm-up. Prints the figures and each target.
 *
 * Options: --count N (100000), --people P (30000), --units U (700), --runs R (5), --file F (a
 * database to fill and keep, or to reuse when it holds results already; default: a temp file).
 */
import { performance } from 'node:perf_hooks';
import { KyselyContestStats, KyselyResultStore, openSqliteResultsDatabase } from '../src/results';
import { contestResult } from '../test/helpers/contest-results';
import { makeTempDir } from '../test/helpers/temp-dir';
import { createRng } from '../src/quiz';
import { benchUnitCodes, option } from './bench-support';

const COUNT = Number(option('count', '100000'));
const PEOPLE = Number(option('people', '30000'));
const UNITS = Number(option('units', '700'));
const RUNS = Number(option('runs', '5'));
const QUESTIONS = 300;
const TOPICS = 10;
const ANSWERS = 20;
const FILE = option('file', '');
const CONTEST = 'danh-gia-nang-luc-cds-2026';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const check = (ok: boolean) => (ok ? 'met' : 'NOT met');

// A 3-level tree: 1 root, ~25 departments, the rest below them; people in every unit.
const unitCodes = benchUnitCodes(UNITS);
const questionIds = Array.from(
  { length: QUESTIONS },
  (_, q) => `t${q % TOPICS}-q${String(q).padStart(3, '0')}`,
);

async function median(label: string, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)]!;
  console.log(
    `  ${label.padEnd(44)} ${fmt(mid, 1).padStart(8)} ms  (min ${fmt(times[0]!, 1)}, max ${fmt(times[times.length - 1]!, 1)})`,
  );
  return mid;
}

async function fill(store: KyselyResultStore): Promise<void> {
  const random = createRng(2026);
  const order = Array.from({ length: COUNT }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  process.stdout.write(
    `Filling ${fmt(COUNT)} contest results (${ANSWERS} answers, ${fmt(PEOPLE)} people, ${UNITS} units, ${QUESTIONS} questions) through the store… `,
  );
  const fillStart = performance.now();
  const CHUNK = 2000;
  for (let at = 0; at < COUNT; at += CHUNK) {
    const saves = order.slice(at, at + CHUNK).map((i) => {
      const person = i % PEOPLE;
      const picked = new Set<number>();
      while (picked.size < ANSWERS) picked.add(Math.floor(random() * QUESTIONS));
      const skill = 0.3 + (0.6 * ((person * 7919) % 100)) / 100;
      return store.save(
        contestResult({
          attempt: `att-${String(i).padStart(7, '0')}`,
          user: `person-${person}`,
          unit: unitCodes[person % UNITS]!,
          contest: CONTEST,
          // Attempt k of a person starts k hours after the first; arrival order is shuffled.
          startedSec: Math.floor(i / PEOPLE) * 3600 + (person % 3600),
          durationMs: 300_000 + Math.floor(random() * 900_000),
          answers: [...picked].map((q) => [questionIds[q]!, random() < skill] as const),
          tiebreak: Math.floor(random() * 1000),
        }),
      );
    });
    await Promise.all(saves);
  }
  const fillMs = performance.now() - fillStart;
  console.log(`${fmt(fillMs / 1000, 1)} s (${fmt((COUNT * 1000) / fillMs)} saves/s)`);
}

async function main(): Promise<void> {
  const tmp = makeTempDir('reports-bench-');
  const openStart = performance.now();
  const database = await openSqliteResultsDatabase(FILE || `${tmp.dir}/results.sqlite`);
  // Reusing a file written by older code includes its pending migrations (and their backfills).
  console.log(`Opened the database (migrations) in ${fmt(performance.now() - openStart)} ms`);
  try {
    const store = new KyselyResultStore(database.db);
    if ((await store.count()) === 0) await fill(store);

    const stats = new KyselyContestStats(database.db);
    const [units, questions, people] = await Promise.all([
      stats.unitStats(CONTEST, unitCodes),
      stats.questionStats(CONTEST, unitCodes),
      stats.participants(CONTEST, unitCodes),
    ]);
    const attempts = units.reduce((n, u) => n + u.attempts, 0);
    const firsts = units.reduce((n, u) => n + u.people, 0);
    console.log(
      `Read back: ${units.length} units, ${fmt(attempts)} attempts, ${fmt(firsts)} first attempts, ` +
        `${questions.length} questions, ${fmt(people.length)} participants` +
        (attempts === COUNT && people.length === firsts ? '' : '  (MISMATCH)'),
    );

    console.log(`Root unit (${unitCodes.length} unit codes), median of ${RUNS} runs:`);
    const unitMs = await median('unitStats', () => stats.unitStats(CONTEST, unitCodes));
    const questionMs = await median('questionStats', () => stats.questionStats(CONTEST, unitCodes));
    const participantsMs = await median('participants', () =>
      stats.participants(CONTEST, unitCodes),
    );
    await median('participantIds', () => stats.participantIds(CONTEST));
    console.log(
      `Targets: unitStats + questionStats ${fmt(unitMs + questionMs, 1)} ms < 300 ms ${check(unitMs + questionMs < 300)}; ` +
        `participants ${fmt(participantsMs, 1)} ms < 1,500 ms ${check(participantsMs < 1500)}`,
    );
  } finally {
    await database.close();
    tmp.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
