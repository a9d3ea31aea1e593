/**
 * `npm run bench:answerer -- [--baseline DIR] [--rounds N] [--builds N]`: the answerer's cost per
 * question (the 134 questions of `test/fixtures/qa-eval.jsonl`, asked as `npm run eval` asks them)
 * and the index build time for 10,000 synthetic sections (as `npm run bench` builds them, each
 * build in a fresh process so the analyzer's caches start cold).
 *
 * With `--baseline DIR` (a checkout of another commit, e.g. `git worktree add /tmp/old main`), the
 * same measurements run on that checkout's `src/knowledge`, interleaved with this one's, and the
 * ratios are printed: on a shared machine only figures from the same run compare. The baseline's
 * answers must be identical to this checkout's; any difference is printed and fails the run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEvalSet } from '../src/cli/eval';
import { createLogger } from '../src/logger';
import { fmt, KNOWLEDGE_DIR, loadAverage, option, ROOT } from './bench-support';
import { SYNTHETIC_SECTIONS, writeSyntheticKnowledge } from './synthetic-knowledge';

type KnowledgeModule = typeof import('../src/knowledge');

function load(srcRoot: string): KnowledgeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(srcRoot, 'src', 'knowledge')) as KnowledgeModule;
}

/** Child mode: one cold index build (with a cache file written, as the server does); prints ms. */
async function childBuild(srcRoot: string, knowledgeDir: string): Promise<void> {
  const { openKnowledgeBase } = load(srcRoot);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-data-'));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await openKnowledgeBase({
      knowledgeDir,
      dataDir,
      logger: createLogger('silent'),
      minScore: 0.5,
      maxCitations: 3,
    });
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${performance.now() - started} ${(used.user + used.system) / 1000}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Wall and CPU ms of one cold build in a child process. */
function buildInChild(srcRoot: string, knowledgeDir: string): { wall: number; cpu: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--child-build', srcRoot, knowledgeDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const [wall, cpu] = out.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: wall!, cpu: cpu! };
}

interface Subject {
  name: string;
  ask: (q: string, previousQuery?: string) => Promise<{ answered: boolean; query: string }>;
  answers: string[];
  msPerQuestion: number[];
  buildMs: number[];
  buildCpuMs: number[];
  root: string;
}

async function subject(name: string, root: string): Promise<Subject> {
  const { openKnowledgeBase } = load(root);
  const kb = await openKnowledgeBase({
    knowledgeDir: KNOWLEDGE_DIR,
    logger: createLogger('silent'),
    minScore: 0.5,
    maxCitations: 3,
  });
  return {
    name,
    root,
    ask: (q, previousQuery) => kb.answerer.ask(q, { previousQuery }),
    answers: [],
    msPerQuestion: [],
    buildMs: [],
    buildCpuMs: [],
  };
}

/**
 * One pass over the QA set, as `npm run eval` asks it; returns CPU ms (user + system) per asked
 * question: on this shared machine wall time swings with the other suites' load, CPU time less.
 */
async function pass(s: Subject, items: ReturnType<typeof parseEvalSet>, keep: boolean) {
  let asked = 0;
  const answers: string[] = [];
  const started = process.cpuUsage();
  for (const item of items) {
    let previousQuery: string | undefined;
    for (const h of item.history ?? []) {
      const r = await s.ask(h, previousQuery);
      asked++;
      previousQuery = r.answered ? r.query : previousQuery;
    }
    const r = await s.ask(item.question, previousQuery);
    asked++;
    if (keep) answers.push(JSON.stringify(r));
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000 / asked;
  if (keep) s.answers = answers;
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};

async function main(): Promise<number> {
  const childAt = process.argv.indexOf('--child-build');
  if (childAt >= 0) {
    await childBuild(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
    return 0;
  }
  const writeAt = process.argv.indexOf('--write-knowledge');
  if (writeAt >= 0) {
    // For profiling: `node --cpu-prof --import tsx bench/answerer.ts --child-build . DIR`.
    await writeSyntheticKnowledge(process.argv[writeAt + 1]!);
    return 0;
  }
  const baseline = option('baseline', '');
  const rounds = Number(option('rounds', '10'));
  const builds = Number(option('builds', '3'));
  const items = parseEvalSet(
    fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'qa-eval.jsonl'), 'utf8'),
  );
  console.log(
    `Answerer and index build — Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `${rounds} rounds × ${items.length} items, ${builds} builds; load average ${loadAverage()}`,
  );

  const subjects = [await subject('current', ROOT)];
  if (baseline) subjects.unshift(await subject('baseline', path.resolve(baseline)));
  // Warm-up pass (JIT, the answerer's per-section analysis cache); answers kept to compare.
  for (const s of subjects) await pass(s, items, true);
  for (let r = 0; r < rounds; r++) {
    for (const s of subjects) s.msPerQuestion.push(await pass(s, items, false));
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-kb-'));
  try {
    await writeSyntheticKnowledge(dir);
    for (let b = 0; b < builds; b++) {
      for (const s of subjects) {
        const { wall, cpu } = buildInChild(s.root, dir);
        s.buildMs.push(wall);
        s.buildCpuMs.push(cpu);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  for (const s of subjects) {
    console.log(
      `${s.name.padEnd(9)} ask ${fmt(median(s.msPerQuestion), 3)} CPU ms/question (median of ${rounds}; ` +
        `min ${fmt(Math.min(...s.msPerQuestion), 3)})  ` +
        `index build ${fmt(SYNTHETIC_SECTIONS)} sections ${fmt(median(s.buildMs) / 1000, 2)} s ` +
        `(median of ${builds}; min ${fmt(Math.min(...s.buildMs) / 1000, 2)}; ` +
        `CPU ${fmt(median(s.buildCpuMs) / 1000, 2)} s)`,
    );
  }
  if (subjects.length === 2) {
    const [old, cur] = subjects as [Subject, Subject];
    const ratio = (a: number[], b: number[]) => fmt(median(a) / median(b), 2);
    console.log(
      `baseline / current: ask ×${ratio(old.msPerQuestion, cur.msPerQuestion)}, ` +
        `index build ×${ratio(old.buildMs, cur.buildMs)} (CPU ×${ratio(old.buildCpuMs, cur.buildCpuMs)})`,
    );
    const differ = old.answers.filter((a, i) => a !== cur.answers[i]);
    if (differ.length > 0) {
      console.log(`${differ.length} answers differ from the baseline's, e.g.:`);
      const i = old.answers.findIndex((a, j) => a !== cur.answers[j]);
      console.log(`  baseline: ${old.answers[i]}\n  current:  ${cur.answers[i]}`);
      return 1;
    }
    console.log(`answers identical to the baseline's (${cur.answers.length} items)`);
  }
  console.log(`Load average at the end: ${loadAverage()}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
