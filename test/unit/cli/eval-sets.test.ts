import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseEvalSet } from '../../../src/cli/eval';
import { loadKnowledgeCorpus, type KnowledgeCorpus } from '../../../src/knowledge';

const FIXTURES = path.resolve('test/fixtures');
let corpus: KnowledgeCorpus;
let sets: string[];

beforeAll(async () => {
  corpus = await loadKnowledgeCorpus(path.resolve('knowledge'));
  sets = (await fs.readdir(FIXTURES)).filter((f) => /^qa-.*\.jsonl$/.test(f)).sort();
});

describe('the QA sets under test/fixtures', () => {
  it('are found', () => {
    expect(sets).toEqual(
      expect.arrayContaining(['qa-eval.jsonl', 'qa-blind-9.jsonl', 'qa-blind-10.jsonl']),
    );
  });

  // A label that names no section would count every answer to it as a miss, and the set would
  // measure nothing: each expected section must be one the shipped knowledge has.
  it('expect only sections the shipped knowledge has, under unique ids', async () => {
    const sections = new Set(
      corpus.documents.flatMap((d) => d.sections.map((s) => `${d.id}#${s.label}`)),
    );
    const problems: string[] = [];
    for (const file of sets) {
      const items = parseEvalSet(await fs.readFile(path.join(FIXTURES, file), 'utf8'));
      const ids = new Set<string>();
      for (const item of items) {
        if (ids.has(item.id)) problems.push(`${file}: ${item.id} repeated`);
        ids.add(item.id);
        for (const e of item.expect) {
          if (!sections.has(`${e.docId}#${e.section}`)) {
            problems.push(`${file}: ${item.id} expects ${e.docId}#${e.section}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
