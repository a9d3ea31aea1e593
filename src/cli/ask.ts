/**
 * `npm run ask -- "câu hỏi"`: prints the answer.
 * `npm run ask -- --json "câu hỏi"`: prints one JSON object.
 * `npm run ask -- --json --batch FILE`: one question per line in, one JSON object per line out.
 */
import { promises as fs } from 'node:fs';
import { renderAnswerPlain } from '../../dialogs';
import type { AnswerResult, QuestionAnswerer } from '../knowledge';
import { openForCli, reportCliError } from './open-cli';

export interface AskJson {
  question: string;
  answered: boolean;
  answer: string;
  citations: {
    docId: string;
    number: string;
    title: string;
    section: string;
    status: string;
    url: string;
  }[];
  ms: number;
}

export function toAskJson(result: AnswerResult, ms: number): AskJson {
  return {
    question: result.question,
    answered: result.answered,
    answer: renderAnswerPlain(result),
    citations: result.citations.map((c) => ({
      docId: c.docId,
      number: c.number,
      title: c.title,
      section: c.section,
      status: c.status,
      url: c.url,
    })),
    ms: Math.round(ms * 100) / 100,
  };
}

async function timed(answerer: QuestionAnswerer, question: string): Promise<AskJson> {
  const started = performance.now();
  const result = await answerer.ask(question);
  return toAskJson(result, performance.now() - started);
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const batchAt = argv.indexOf('--batch');
  const batchFile = batchAt >= 0 ? argv[batchAt + 1] : undefined;
  const words = argv.filter((a, i) => !a.startsWith('--') && (batchAt < 0 || i !== batchAt + 1));
  if (batchAt >= 0 && !batchFile) throw new Error('--batch needs a file name');
  if (!batchFile && words.length === 0) {
    console.error(
      'Cách dùng: npm run ask -- [--json] "câu hỏi" | npm run ask -- --json --batch FILE',
    );
    process.exitCode = 2;
    return;
  }
  const kb = await openForCli();
  if (batchFile) {
    const lines = (await fs.readFile(batchFile, 'utf8')).split(/\r?\n/).filter((l) => l.trim());
    for (const line of lines)
      process.stdout.write(JSON.stringify(await timed(kb.answerer, line)) + '\n');
    return;
  }
  const out = await timed(kb.answerer, words.join(' '));
  process.stdout.write(json ? JSON.stringify(out) + '\n' : out.answer + '\n');
}

if (require.main === module) main(process.argv.slice(2)).catch(reportCliError);
