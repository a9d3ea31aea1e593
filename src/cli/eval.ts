/**
 * `npm run eval -- [--json] [--file FILE | --quiz] [--verbose]`: runs the project's QA set
 * (`test/fixtures/qa-eval.jsonl`) through the answerer and prints hit@1, hit@3 and refusal accuracy.
 * `--quiz` asks the quiz bank's questions instead, each expected to be answered from the section it
 * cites: 274 in-scope questions in the style of the contests, written for the quiz, not for the
 * answerer.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../config';
import { contextAfter, type AskContext, type QuestionAnswerer } from '../knowledge';
import { loadQuizBank, type QuizBank } from '../quiz';
import { openForCli, reportCliError } from './open-cli';

const itemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  question: z.string().min(1),
  history: z.array(z.string()).optional(),
  expect: z.array(z.object({ docId: z.string(), section: z.string() })),
});
export type EvalItem = z.infer<typeof itemSchema>;

export interface EvalReport {
  questions: number;
  inScope: number;
  outOfScope: number;
  'hit@1': number;
  'hit@3': number;
  refusalAccuracy: number;
  falseRefusals: number;
  byKind: Record<string, { n: number; 'hit@3': number }>;
  misses: { id: string; question: string; got: string[] }[];
}

export function parseEvalSet(text: string): EvalItem[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = itemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** The quiz bank's questions as QA items, each expecting the section its explanation cites. */
export function quizEvalItems(bank: QuizBank): EvalItem[] {
  return bank.questions.map((q) => ({
    id: q.id,
    kind: q.topicId,
    question: q.question,
    expect: [{ docId: q.source.docId, section: q.source.section }],
  }));
}

/** Asks every item (after its history, as a conversation would) and scores the citations. */
export async function runEval(answerer: QuestionAnswerer, items: EvalItem[]): Promise<EvalReport> {
  let hit1 = 0;
  let hit3 = 0;
  let refusedOk = 0;
  let falseRefusals = 0;
  const byKind: EvalReport['byKind'] = {};
  const misses: EvalReport['misses'] = [];
  for (const item of items) {
    // The conversation's context as the bot keeps it.
    let context: AskContext = {};
    for (const h of item.history ?? [])
      context = contextAfter(context, h, await answerer.ask(h, context));
    const result = await answerer.ask(item.question, context);
    const got = result.answered ? result.citations.map((c) => `${c.docId}#${c.section}`) : [];
    const kind = (byKind[item.kind] ??= { n: 0, 'hit@3': 0 });
    kind.n++;
    if (item.expect.length === 0) {
      if (!result.answered) {
        refusedOk++;
        kind['hit@3']++;
      } else misses.push({ id: item.id, question: item.question, got });
      continue;
    }
    const want = new Set(item.expect.map((e) => `${e.docId}#${e.section}`));
    if (!result.answered) falseRefusals++;
    if (got.slice(0, 1).some((g) => want.has(g))) hit1++;
    if (got.slice(0, 3).some((g) => want.has(g))) {
      hit3++;
      kind['hit@3']++;
    } else misses.push({ id: item.id, question: item.question, got });
  }
  const inScope = items.filter((i) => i.expect.length > 0).length;
  const outOfScope = items.length - inScope;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  for (const k of Object.values(byKind)) k['hit@3'] = ratio(k['hit@3'], k.n);
  return {
    questions: items.length,
    inScope,
    outOfScope,
    'hit@1': ratio(hit1, inScope),
    'hit@3': ratio(hit3, inScope),
    refusalAccuracy: ratio(refusedOk, outOfScope),
    falseRefusals,
    byKind,
    misses,
  };
}

async function main(argv: string[]): Promise<void> {
  const fileAt = argv.indexOf('--file');
  const file = fileAt >= 0 ? argv[fileAt + 1]! : 'test/fixtures/qa-eval.jsonl';
  const kb = await openForCli();
  const items = argv.includes('--quiz')
    ? quizEvalItems(await loadQuizBank(loadConfig().quiz.quizDir, kb.corpus.documents))
    : parseEvalSet(await fs.readFile(file, 'utf8'));
  const report = await runEval(kb.answerer, items);
  if (argv.includes('--json')) {
    const { misses, ...summary } = report;
    process.stdout.write(JSON.stringify(argv.includes('--verbose') ? report : summary) + '\n');
    void misses;
    return;
  }
  console.log(
    `questions ${report.questions} (in scope ${report.inScope}, out of scope ${report.outOfScope})`,
  );
  console.log(
    `hit@1 ${report['hit@1']}  hit@3 ${report['hit@3']}  refusal accuracy ${report.refusalAccuracy}  false refusals ${report.falseRefusals}`,
  );
  for (const [kind, k] of Object.entries(report.byKind))
    console.log(`  ${kind.padEnd(8)} n=${k.n} ok=${k['hit@3']}`);
  if (argv.includes('--verbose'))
    for (const m of report.misses)
      console.log(`MISS ${m.id} ${m.question} → ${m.got.join(', ') || '(refused)'}`);
}

if (require.main === module) main(process.argv.slice(2)).catch(reportCliError);
