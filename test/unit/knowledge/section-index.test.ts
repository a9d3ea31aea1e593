import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { VietnameseAnalyzer } from '../../../src/language';
import {
  buildSectionIndex,
  INDEX_FORMAT_VERSION,
  loadKnowledgeCorpus,
  openKnowledgeBase,
  SectionIndex,
} from '../../../src/knowledge';
import { decodeArrays, encodeArrays } from '../../../src/knowledge/index-codec';

const QUESTIONS = [
  'Chữ ký số có giá trị pháp lý như chữ ký tay không?',
  'chu ky so co gia tri phap ly khong',
  'Hồ sơ điện tử được lưu trữ trong thời hạn bao lâu?',
  'Giá xăng hôm nay bao nhiêu?',
];

describe('index cache codec', () => {
  it('round-trips a header and typed arrays of any length', () => {
    const arrays = [Int32Array.from([1, -2, 3]), Float64Array.from([0.5, 7]), new Int32Array(0)];
    const { meta, arrays: back } = decodeArrays<{ a: string }>(encodeArrays({ a: 'ký\nsố' }, arrays));
    expect(meta).toEqual({ a: 'ký\nsố' });
    expect(back).toEqual(arrays);
  });

  it('rejects a truncated buffer', () => {
    const buffer = encodeArrays({}, [new Int32Array(100)]);
    expect(() => decodeArrays(buffer.subarray(0, 200))).toThrow('truncated');
  });
});

describe('SectionIndex binary form', () => {
  it('searches exactly as the index it was written from', async () => {
    const corpus = await loadKnowledgeCorpus(path.resolve('knowledge'));
    const analyzer = new VietnameseAnalyzer(corpus.glossary);
    const built = buildSectionIndex(corpus.documents, analyzer);
    const read = SectionIndex.fromBuffer(built.toBuffer());
    expect(read.size).toBe(built.size);
    expect(read.sections.vocabularySize).toBe(built.sections.vocabularySize);
    for (const q of QUESTIONS) {
      const query = [...analyzer.weightedTerms(q, { functionWord: 0.3, expansion: 0.5 })].map(
        ([term, weight]) => ({ term, weight }),
      );
      const options = { limit: 10, documentPriorWeight: 1 };
      expect(read.search(query, options)).toEqual(built.search(query, options));
    }
  });

  it('is written once and read back by the next start, with the same answers', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-cache-'));
    try {
      const options = {
        knowledgeDir: path.resolve('knowledge'),
        dataDir,
        logger: pino({ level: 'silent' }),
        minScore: 0.5,
        maxCitations: 3,
      };
      const first = await openKnowledgeBase(options);
      const files = await fs.readdir(path.join(dataDir, 'index'));
      expect(files).toEqual([expect.stringMatching(`^sections-v${INDEX_FORMAT_VERSION}-.*\\.bin$`)]);
      const second = await openKnowledgeBase(options);
      expect([first.stats.fromCache, second.stats.fromCache]).toEqual([false, true]);
      for (const q of QUESTIONS) {
        expect(await second.answerer.ask(q)).toEqual(await first.answerer.ask(q));
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('SectionIndex.search with named documents', () => {
  it('keeps other documents, scaled below the named one, instead of leaving them out', async () => {
    const corpus = await loadKnowledgeCorpus(path.resolve('knowledge'));
    const analyzer = new VietnameseAnalyzer(corpus.glossary);
    const index = buildSectionIndex(corpus.documents, analyzer);
    const query = [...analyzer.weightedTerms('chữ ký số có giá trị pháp lý', { functionWord: 0.3, expansion: 0.5 })].map(
      ([term, weight]) => ({ term, weight }),
    );
    const docOf = corpus.documents.flatMap((d, i) => d.sections.map(() => i));
    const open = index.search(query, { limit: 10, documentPriorWeight: 1 });
    // A document that is not the best match on its own.
    const named = new Set([docOf[open.find((h) => docOf[h.index] !== docOf[open[0]!.index])!.index]!]);
    const only = index.search(query, { limit: 60, documents: named, documentPriorWeight: 1 });
    expect(only.every((h) => named.has(docOf[h.index]!))).toBe(true);

    const both = index.search(query, { limit: 60, documents: named, otherDocuments: 0.7, documentPriorWeight: 1 });
    const inNamed = both.filter((h) => named.has(docOf[h.index]!));
    const elsewhere = both.filter((h) => !named.has(docOf[h.index]!));
    expect(inNamed).toEqual(only.slice(0, inNamed.length));
    expect(both[0]).toEqual(only[0]);
    expect(both[0]!.score).toBeCloseTo(1);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere[0]!.index).toBe(open[0]!.index);
    expect(Math.max(...elsewhere.map((h) => h.score))).toBeCloseTo(0.7);
  });
});
