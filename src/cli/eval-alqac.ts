/**
 * `npm run eval:alqac -- --corpus law.json --questions questions.json [--json]`
 *
 * Measures the retriever on the ALQAC 2023 legal retrieval benchmark: each law becomes a document
 * and each article a section `Điều N`, indexed through the same code path as `knowledge/`; each
 * question is searched by its text only.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import pino from 'pino';
import { VietnameseAnalyzer } from '../language';
import { buildSectionIndex, HybridRetriever, type KnowledgeDocument } from '../knowledge';
import { reportCliError } from './open-cli';

const lawSchema = z.array(
  z.object({ id: z.string(), articles: z.array(z.object({ id: z.string(), text: z.string() })) }),
);
const questionSchema = z.array(
  z.object({
    question_id: z.string().optional(),
    text: z.string(),
    relevant_articles: z.array(z.object({ law_id: z.string(), article_id: z.string() })),
  }),
);

export interface AlqacReport {
  questions: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'f2@1': number;
  qps: number;
}

/** Turns the ALQAC corpus into knowledge documents (NFC on every string). */
export function alqacDocuments(laws: z.infer<typeof lawSchema>): KnowledgeDocument[] {
  return laws.map((law, i) => {
    const title = law.id.normalize('NFC');
    const id = `alqac-${i}`;
    return {
      id,
      title,
      number: '',
      issuer: 'ALQAC 2023',
      status: 'in-force',
      topics: ['alqac'],
      file: `law.json#${i}`,
      sections: law.articles.map((a, j) => {
        const text = a.text.normalize('NFC');
        const nl = text.indexOf('\n');
        const first = (nl >= 0 ? text.slice(0, nl) : text).trim();
        return {
          docId: id,
          label: `Điều ${a.id.trim()}`,
          heading: `Điều ${a.id.trim()}. ${first}`,
          // The title line stays in the body too: it is part of the article's text.
          text,
          line: j + 1,
        };
      }),
    };
  });
}

export async function evaluateAlqac(
  corpusFile: string,
  questionsFile: string,
): Promise<AlqacReport> {
  const laws = lawSchema.parse(JSON.parse(await fs.readFile(corpusFile, 'utf8')));
  const questions = questionSchema.parse(JSON.parse(await fs.readFile(questionsFile, 'utf8')));
  const documents = alqacDocuments(laws);
  const analyzer = new VietnameseAnalyzer();
  const index = buildSectionIndex(documents, analyzer);
  const retriever = new HybridRetriever({
    documents,
    analyzer,
    index,
    logger: pino({ level: 'silent' }),
  });

  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  let f2 = 0;
  const started = performance.now();
  for (const q of questions) {
    const { passages } = await retriever.retrieve(q.text.normalize('NFC'), { limit: 10 });
    const got = passages.map((p) => `${p.document.title}|${p.section.label}`);
    const gold = new Set(
      q.relevant_articles.map((r) => `${r.law_id.normalize('NFC')}|Điều ${r.article_id.trim()}`),
    );
    const recall = (k: number) => got.slice(0, k).filter((g) => gold.has(g)).length / gold.size;
    r1 += recall(1);
    r5 += recall(5);
    r10 += recall(10);
    const rank = got.findIndex((g) => gold.has(g));
    if (rank >= 0) mrr += 1 / (rank + 1);
    // Macro F2 of the top-1 prediction: precision 1 or 0, recall 1/|gold| when it hits.
    const precision = got[0] && gold.has(got[0]) ? 1 : 0;
    const rec = precision / gold.size;
    f2 += precision + rec > 0 ? (5 * precision * rec) / (4 * precision + rec) : 0;
  }
  const seconds = (performance.now() - started) / 1000;
  const n = questions.length || 1;
  const round = (x: number) => Math.round((x / n) * 1000) / 1000;
  return {
    questions: questions.length,
    'recall@1': round(r1),
    'recall@5': round(r5),
    'recall@10': round(r10),
    'mrr@10': round(mrr),
    'f2@1': round(f2),
    qps: Math.round(questions.length / seconds),
  };
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const corpus = arg('--corpus');
  const questionsFile = arg('--questions');
  if (!corpus || !questionsFile) {
    console.error(
      'Usage: npm run eval:alqac -- --corpus law.json --questions questions.json [--json]',
    );
    process.exitCode = 2;
    return;
  }
  const report = await evaluateAlqac(corpus, questionsFile);
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify(report) + '\n');
    return;
  }
  console.log(`questions ${report.questions}`);
  console.log(
    `recall@1 ${report['recall@1']}  recall@5 ${report['recall@5']}  recall@10 ${report['recall@10']}  MRR@10 ${report['mrr@10']}  F2@1 ${report['f2@1']}  ${report.qps} q/s`,
  );
}

if (require.main === module) main(process.argv.slice(2)).catch(reportCliError);
