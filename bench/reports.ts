/**
 * `npm run bench:reports`: unit reports at city scale. A directory of 30,000 people in a 3-level
 * tree (city → departments → divisions) and 100,000 contest results (three yearly contests) are
 * seeded through the real stores into temp SQLite files; the real app (`startApp`) serves them.
 * Measured, for the root unit, as an admin:
 * - `/baocao` end to end over HTTP (`expectReplies`: query, figures, chart, link), p50/p95 over
 *   `--runs` (target p95 < 1 s);
 * - the report's data reads alone, through the same ports the service uses (target < 300 ms);
 * - `/xuatexcel` end to end plus the download of the workbook (target < 5 s).
 *
 * Options: --people 30000 --results 100000 --runs 20 --exports 3; --keep leaves the seeded temp
 * dir, --reuse DIR runs on such a dir without seeding again.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/config';
import type { Person, Unit } from '../src/directory';
import { createLogger } from '../src/logger';
import { startApp, type App } from '../src/main';
import { KyselyContestStats, type ResultEvent } from '../src/results';
import { openSqliteDatabase, SqliteDirectoryRepository } from '../src/storage';
import { createRng } from '../src/quiz';
import { fmt, KNOWLEDGE_DIR, loadAverage, mark, option, ROOT } from './bench-support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Contests of the bench, oldest first; the last one is the current (default) contest. */
export const BENCH_CONTESTS = [
  { id: 'bench-2024', title: 'Đánh giá năng lực CĐS năm 2024', ageDays: 730 },
  { id: 'bench-2025', title: 'Đánh giá năng lực CĐS năm 2025', ageDays: 365 },
  { id: 'bench-2026', title: 'Đánh giá năng lực ứng dụng CNTT, CĐS năm 2026', ageDays: 2 },
] as const;

const TOPICS = [
  'kien-thuc-chung-cds',
  'an-toan-thong-tin',
  'cntt-trong-cong-viec',
  'iso-va-mot-cua',
];
const PER_TOPIC = 5;
export const ROOT_UNIT = 'CT';
export const ADMIN_ID = 'bench-admin';

/** Writes the contest files (open a while ago; the current one still open). */
export function writeBenchContests(dir: string, now: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const iso = (ms: number) =>
    new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  for (const c of BENCH_CONTESTS) {
    const opensAt = now - c.ageDays * DAY;
    const lines = [
      `id: ${c.id}`,
      `title: ${c.title}`,
      `opensAt: '${iso(opensAt)}'`,
      `closesAt: '${iso(c.ageDays > 30 ? opensAt + 30 * DAY : now + 30 * DAY)}'`,
      'questionsPerTopic:',
      ...TOPICS.map((t) => `  ${t}: ${PER_TOPIC}`),
      'timeLimitMinutes: 20',
      'passMark: 50',
      'maxAttempts: 2',
      'review: after-close',
      'tiebreak:',
      '  question: Dự đoán số người tham gia cuộc thi?',
      '  unit: người',
    ];
    fs.writeFileSync(path.join(dir, `${c.id}.yaml`), `${lines.join('\n')}\n`);
  }
}

/** Question ids and difficulty per topic, from the real bank. */
function bankQuestions(): Map<string, { id: string; difficulty: number }[]> {
  const byTopic = new Map<string, { id: string; difficulty: number }[]>();
  for (const file of fs.readdirSync(path.join(KNOWLEDGE_DIR, 'quiz'))) {
    if (!file.endsWith('.yaml')) continue;
    const doc = parseYaml(fs.readFileSync(path.join(KNOWLEDGE_DIR, 'quiz', file), 'utf8')) as {
      topic: { id: string };
      questions: { id: string; difficulty: number }[];
    };
    byTopic.set(
      doc.topic.id,
      doc.questions.map((q) => ({ id: q.id, difficulty: q.difficulty })),
    );
  }
  return byTopic;
}

/**
 * A city (root), `departments` departments, each with `divisions` divisions; people spread over
 * the divisions (officials), a manager per department, one admin at the root.
 */
export function benchDirectory(
  peopleCount: number,
  departments = 30,
  divisions = 10,
): { units: Unit[]; people: Person[] } {
  const units: Unit[] = [{ code: ROOT_UNIT, name: 'UBND thành phố Cần Thơ' }];
  const leaves: Unit[] = [];
  for (let d = 1; d <= departments; d++) {
    const dept = {
      code: `CT-S${String(d).padStart(2, '0')}`,
      name: `Sở số ${d}`,
      parentCode: ROOT_UNIT,
    };
    units.push(dept);
    for (let v = 1; v <= divisions; v++) {
      const leaf = {
        code: `${dept.code}-P${String(v).padStart(2, '0')}`,
        name: `Phòng ${v} – ${dept.name}`,
        parentCode: dept.code,
      };
      units.push(leaf);
      leaves.push(leaf);
    }
  }
  const people: Person[] = [
    {
      userId: ADMIN_ID,
      fullName: 'Quản trị hệ thống',
      email: 'admin@cantho.gov.vn',
      unitCode: ROOT_UNIT,
      role: 'admin',
    },
  ];
  for (let d = 1; d <= departments; d++) {
    const code = `CT-S${String(d).padStart(2, '0')}`;
    people.push({
      userId: `mgr-${code}`,
      fullName: `Giám đốc ${code}`,
      email: `mgr-${code}@cantho.gov.vn`,
      unitCode: code,
      role: 'manager',
    });
  }
  const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi'];
  const given = [
    'Văn An',
    'Thị Bình',
    'Minh Châu',
    'Quốc Dũng',
    'Thị Hoa',
    'Thanh Hải',
    'Ngọc Lan',
  ];
  for (let i = people.length; i < peopleCount; i++) {
    const leaf = leaves[i % leaves.length]!;
    people.push({
      userId: `u${String(i).padStart(6, '0')}`,
      fullName: `${surnames[i % surnames.length]} ${given[(i >> 3) % given.length]} ${i}`,
      email: `u${i}@cantho.gov.vn`,
      unitCode: leaf.code,
      role: 'official',
    });
  }
  return { units, people };
}

/**
 * Contest results for `people`, spread over the three contests (the current one last), about
 * 93% of people per contest and some second attempts, `total` in all.
 */
export function* benchResults(
  people: readonly Person[],
  total: number,
  now: number,
): Generator<ResultEvent> {
  const rnd = createRng(20260512);
  const bank = bankQuestions();
  const officials = people.filter((p) => p.role === 'official');
  const ability = new Map(officials.map((p) => [p.userId, 0.35 + 0.6 * rnd()]));
  const perContest = Math.floor(total / BENCH_CONTESTS.length);
  let made = 0;
  for (const [ci, contest] of BENCH_CONTESTS.entries()) {
    const quota = ci === BENCH_CONTESTS.length - 1 ? total - made : perContest;
    const opensAt = now - contest.ageDays * DAY;
    for (let k = 0; k < quota; k++) {
      // The first pass gives first attempts to most people; the rest are second attempts.
      const p = officials[Math.floor(k * 0.93) % officials.length]!;
      const second = k >= officials.length;
      const started =
        opensAt + Math.floor(rnd() * (contest.ageDays > 30 ? 25 : 1.5) * DAY) + (second ? HOUR : 0);
      const answers: ResultEvent['answers'] = [];
      const byTopic: Record<string, { correct: number; total: number }> = {};
      const skill = ability.get(p.userId)! + ci * 0.03;
      for (const topic of TOPICS) {
        const questions = bank.get(topic) ?? [];
        const t = (byTopic[topic] = { correct: 0, total: 0 });
        for (let q = 0; q < PER_TOPIC; q++) {
          const question = questions[Math.floor(rnd() * questions.length)]!;
          const right = rnd() < skill - 0.12 * (question.difficulty - 1);
          t.total++;
          if (right) t.correct++;
          answers.push({
            questionId: question.id,
            chosen: right ? 0 : 1,
            correct: right,
            ms: 5000 + Math.floor(rnd() * 40_000),
          });
        }
      }
      const correct = answers.filter((a) => a.correct).length;
      const score = Math.round((100 * correct) / answers.length);
      const durationMs = answers.reduce((s, a) => s + (a.ms ?? 0), 0);
      made++;
      yield {
        schemaVersion: 1,
        attemptId: `${contest.id}-${randomUUID()}`,
        contestId: contest.id,
        mode: 'contest',
        userId: p.userId,
        unitCode: p.unitCode,
        startedAt: new Date(started).toISOString(),
        submittedAt: new Date(started + durationMs).toISOString(),
        durationMs,
        score,
        correct,
        total: answers.length,
        passed: score >= 50,
        byTopic,
        answers,
        tiebreak: 20_000 + Math.floor(rnd() * 15_000),
      };
    }
  }
}

/** A running app on a temp data dir, its directory seeded and its results saved. */
export interface SeededApp {
  app: App;
  dataDir: string;
  people: number;
  results: number;
  seedMs: { directory: number; results: number };
  remove(): Promise<void>;
}

/** Starts the real app on a temp dir and seeds it through the real stores. */
export async function startSeededApp(options: {
  people: number;
  results: number;
  keep?: boolean;
  /** A data dir seeded by an earlier `--keep` run: used as it is (nothing seeded, nothing removed). */
  reuse?: string;
  onProgress?: (done: number) => void;
}): Promise<SeededApp> {
  const reuse =
    options.reuse !== undefined && fs.existsSync(path.join(options.reuse, 'results.sqlite'));
  const dataDir = reuse
    ? path.resolve(options.reuse!)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-reports-'));
  const now = Date.now();
  if (!reuse) writeBenchContests(path.join(dataDir, 'contests'), now);
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      CONTESTS_DIR: path.join(dataDir, 'contests'),
      PORT: '0',
      HOST: '127.0.0.1',
      FILE_LINK_SECRET: 'bench-secret-bench-secret-bench-secret',
    },
    ROOT,
  );
  const app = await startApp(config, createLogger('error'));
  await app.ready;
  const remove = async () => {
    await app.close();
    if (!options.keep && !reuse) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (reuse) {
    const db = openSqliteDatabase({ file: path.join(dataDir, 'bot.sqlite') });
    const people = await new SqliteDirectoryRepository(db).listPeople().finally(() => db.close());
    const results = await app.results.results.count();
    return {
      app,
      dataDir,
      people: people.length,
      results,
      seedMs: { directory: 0, results: 0 },
      remove,
    };
  }

  const { units, people } = benchDirectory(options.people);
  let t = performance.now();
  const db = openSqliteDatabase({ file: path.join(dataDir, 'bot.sqlite') });
  try {
    await new SqliteDirectoryRepository(db).replaceAll(units, people);
  } finally {
    db.close();
  }
  const directoryMs = performance.now() - t;

  t = performance.now();
  let batch: Promise<unknown>[] = [];
  let done = 0;
  for (const event of benchResults(people, options.results, now)) {
    batch.push(app.results.results.save(event));
    if (batch.length === 1000) {
      await Promise.all(batch);
      batch = [];
      done += 1000;
      options.onProgress?.(done);
    }
  }
  await Promise.all(batch);
  const resultsMs = performance.now() - t;
  return {
    app,
    dataDir,
    people: people.length,
    results: options.results,
    seedMs: { directory: directoryMs, results: resultsMs },
    remove,
  };
}

/**
 * `fetch`, tried once more when a kept-alive socket was closed by the server just as it was reused
 * (the server's 5 s keep-alive timeout racing the client's pool): a client artefact, not a failure.
 */
export async function fetchRetry(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
    return fetch(url, init);
  }
}

/** Sends one `expectReplies` message as `userId` and returns the replies. */
export async function ask(url: string, userId: string, text: string): Promise<unknown[]> {
  const res = await fetchRetry(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: `bench-${userId}` },
      from: { id: userId, name: userId },
      recipient: { id: 'bot', name: 'Trợ lý CĐS' },
      deliveryMode: 'expectReplies',
      text,
    }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { activities: unknown[] }).activities;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function main(): Promise<void> {
  const peopleCount = Number(option('people', '30000'));
  const resultCount = Number(option('results', '100000'));
  const runs = Number(option('runs', '20'));
  const exports = Number(option('exports', '3'));
  const keep = process.argv.includes('--keep');
  const reuse = option('reuse', '') || undefined;

  console.log(
    `bench:reports — ${fmt(peopleCount)} people, ${fmt(resultCount)} results, load ${loadAverage()}`,
  );
  const seeded = await startSeededApp({
    people: peopleCount,
    results: resultCount,
    keep,
    reuse,
    onProgress: (n) => {
      if (n % 20_000 === 0) console.log(`  seeded ${fmt(n)} results`);
    },
  });
  const { app } = seeded;
  const url = app.server.url;
  console.log(`  ${fmt(seeded.people)} people, ${fmt(seeded.results)} results in the stores`);
  console.log(
    `  seeded in ${fmt(seeded.seedMs.directory / 1000, 1)} s (directory) + ${fmt(seeded.seedMs.results / 1000, 1)} s (results); data in ${seeded.dataDir}`,
  );
  let failed = false;
  try {
    // End to end: /baocao for the root unit.
    const summaryText = `/baocao ${ROOT_UNIT}`;
    const first = await ask(url, ADMIN_ID, summaryText);
    const card = JSON.stringify(first);
    if (!card.includes('"type":"Image"') || !card.includes('UBND thành phố Cần Thơ')) {
      throw new Error(`unexpected /baocao reply: ${card.slice(0, 500)}`);
    }
    const e2e: number[] = [];
    for (let i = 0; i < runs; i++)
      e2e.push((await timed(() => ask(url, ADMIN_ID, summaryText))).ms);
    e2e.sort((a, b) => a - b);

    // The data reads alone, through the same ports and the same calls as the service.
    const stats = new KyselyContestStats(app.results.reportingDb);
    const botDb = openSqliteDatabase({ file: path.join(seeded.dataDir, 'bot.sqlite') });
    const directory = new SqliteDirectoryRepository(botDb);
    const [current, previous] = [BENCH_CONTESTS[2].id, BENCH_CONTESTS[1].id];
    const reads: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const { ms } = await timed(async () => {
          const tree = await directory.unitTree();
          const codes = [ROOT_UNIT, ...tree.descendants(ROOT_UNIT).map((u) => u.code)];
          return Promise.all([
            stats.unitStats(current, codes),
            stats.participantIds(current),
            stats.questionStats(current, codes),
            directory.listPeople(codes),
            stats.unitStats(previous, codes),
            stats.participantIds(previous),
          ]);
        });
        reads.push(ms);
      }
    } finally {
      botDb.close();
    }
    reads.sort((a, b) => a - b);
    // Each read alone, to show where the time goes.
    const breakdownDb = openSqliteDatabase({ file: path.join(seeded.dataDir, 'bot.sqlite') });
    const breakdown: string[] = [];
    try {
      const dir2 = new SqliteDirectoryRepository(breakdownDb);
      const tree = await dir2.unitTree();
      const codes = [ROOT_UNIT, ...tree.descendants(ROOT_UNIT).map((u) => u.code)];
      const parts: [string, () => Promise<unknown>][] = [
        ['unitTree', () => dir2.unitTree()],
        ['listPeople', () => dir2.listPeople(codes)],
        ['unitStats', () => stats.unitStats(current, codes)],
        ['participantIds', () => stats.participantIds(current)],
        ['questionStats', () => stats.questionStats(current, codes)],
      ];
      for (const [name, fn] of parts) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) times.push((await timed(fn)).ms);
        times.sort((x, y) => x - y);
        breakdown.push(`${name} ${fmt(percentile(times, 50))} ms`);
      }
    } finally {
      breakdownDb.close();
    }

    // Excel export of the root unit, command and download.
    const exportRuns: number[] = [];
    let xlsxBytes = 0;
    for (let i = 0; i < exports; i++) {
      const { ms } = await timed(async () => {
        const replies = JSON.stringify(await ask(url, ADMIN_ID, `/xuatexcel ${ROOT_UNIT}`));
        const link = /\((http:\/\/localhost:\d+\/files\/[^)\\]+)\)/.exec(replies)?.[1];
        if (!link) throw new Error(`no link in /xuatexcel reply: ${replies.slice(0, 500)}`);
        const res = await fetchRetry(link.replace('localhost', '127.0.0.1'));
        if (res.status !== 200) throw new Error(`download: HTTP ${res.status}`);
        xlsxBytes = (await res.arrayBuffer()).byteLength;
      });
      exportRuns.push(ms);
    }
    exportRuns.sort((a, b) => a - b);

    const rows: [string, string, string, boolean][] = [
      [
        `/baocao ${ROOT_UNIT} end to end (HTTP), ${runs} runs`,
        `p50 ${fmt(percentile(e2e, 50))} ms, p95 ${fmt(percentile(e2e, 95))} ms`,
        'p95 < 1000 ms',
        percentile(e2e, 95) < 1000,
      ],
      [
        'report data reads alone (directory + stats ports)',
        `p50 ${fmt(percentile(reads, 50))} ms, p95 ${fmt(percentile(reads, 95))} ms`,
        'p95 < 300 ms',
        percentile(reads, 95) < 300,
      ],
      [
        `/xuatexcel ${ROOT_UNIT} + download (${fmt(xlsxBytes / 1024)} KB), ${exports} runs`,
        `median ${fmt(percentile(exportRuns, 50))} ms, max ${fmt(exportRuns.at(-1)!)} ms`,
        'max < 5000 ms',
        exportRuns.at(-1)! < 5000,
      ],
    ];
    console.log('');
    for (const [what, figure, target, ok] of rows) {
      console.log(`${what}\n    ${figure}   target ${target}   ${mark(ok)}`);
      if (!ok) failed = true;
    }
    console.log(`\nreads one by one (median of 5): ${breakdown.join(', ')}`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await seeded.remove();
  }
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(2);
  });
}
