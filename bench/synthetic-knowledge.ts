/**
 * The synthetic knowledge directory that `npm run bench` and `npm run bench:answerer` index:
 * `sections` sections of real sentences from `knowledge/` (shuffled by a seeded PRNG, so every run
 * and every checkout indexes the same text), as Markdown documents of 100 articles each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadKnowledgeCorpus } from '../src/knowledge';
import { createRng } from '../src/quiz';
import { KNOWLEDGE_DIR } from './bench-support';

export const SYNTHETIC_SECTIONS = 10_000;
const PER_DOC = 100;

/** Writes the synthetic knowledge directory into `dir` (which must exist and be empty). */
export async function writeSyntheticKnowledge(
  dir: string,
  sections = SYNTHETIC_SECTIONS,
): Promise<void> {
  const corpus = await loadKnowledgeCorpus(KNOWLEDGE_DIR);
  const pool = corpus.documents
    .flatMap((d) => d.sections.flatMap((s) => s.text.split(/(?<=[.!?;])\s+/u)))
    .filter((s) => s.length > 20 && !s.includes('\n#'));
  const random = createRng(2024);
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  const topic = Object.keys(corpus.topics)[0]!;
  fs.mkdirSync(path.join(dir, 'docs'));
  for (const file of ['glossary.yaml', 'topics.yaml']) {
    fs.copyFileSync(path.join(KNOWLEDGE_DIR, file), path.join(dir, file));
  }
  for (let d = 0; d < sections / PER_DOC; d++) {
    const id = `synthetic-${d + 1}`;
    const lines = [
      '---',
      `id: ${id}`,
      `title: Văn bản tổng hợp số ${d + 1}`,
      `number: ${d + 1}/2025/NĐ-CP`,
      'issuer: Chính phủ',
      'status: in-force',
      `topics: [${topic}]`,
      '---',
      '',
    ];
    for (let s = 0; s < PER_DOC; s++) {
      const heading = pick().split(' ').slice(0, 8).join(' ').replace(/[#\n]/g, '');
      const body = Array.from({ length: 3 + Math.floor(random() * 6) }, pick).join(' ');
      lines.push(`## Điều ${s + 1}. ${heading}`, body, '');
    }
    fs.writeFileSync(path.join(dir, 'docs', `${id}.md`), lines.join('\n'));
  }
}
