import {
  buildSectionIndex,
  ExtractiveAnswerer,
  HybridRetriever,
  type KnowledgeDocument,
} from '../../../src/knowledge';
import { Lexicon, VietnameseAnalyzer } from '../../../src/language';

/** A guide of a few sections: "cấp", "công vụ", "hồ sơ" are common in it, "phụ cấp" is not. */
const guide: KnowledgeDocument = {
  id: 'huong-dan',
  title: 'Hướng dẫn công việc',
  number: '',
  issuer: 'Trợ lý CĐS',
  status: 'in-force',
  topics: [],
  file: 'huong-dan.md',
  sections: [
    ['Chứng thư công vụ', 'Chứng thư chữ ký số chuyên dùng công vụ được cấp cho cán bộ, công chức.'],
    ['Hồ sơ của cấp xã', 'Hồ sơ thủ tục hành chính của cấp xã được tiếp nhận tại Bộ phận Một cửa.'],
    ['Cấp lại hồ sơ', 'Hồ sơ bị mất được cấp lại theo đề nghị của người dân.'],
    ['Thư công vụ', 'Thư điện tử công vụ dùng cho công việc của cơ quan.'],
  ].map(([heading, text], i) => ({
    docId: 'huong-dan',
    label: heading!,
    heading: heading!,
    text: text!,
    line: i + 1,
  })),
};

function answerer(words?: string[]): ExtractiveAnswerer {
  const analyzer = new VietnameseAnalyzer();
  const documents = [guide];
  const index = buildSectionIndex(documents, analyzer);
  return new ExtractiveAnswerer({
    retriever: new HybridRetriever({ documents, analyzer, index }),
    analyzer,
    lexical: index.sections,
    documents,
    topics: {},
    minScore: 0.1,
    maxCitations: 3,
    lexicon: words ? new Lexicon(words) : undefined,
  });
}

// "xyz", "qwv": tokens the documents know in no form; they lower the coverage without being
// judged, so that these questions fall below the bar where the lexicon counts.
describe('ExtractiveAnswerer with a lexicon', () => {
  const words = ['phụ cấp', 'hồ sơ', 'sơ cấp', 'công vụ', 'diệt'];

  it('refuses a question about a compound the documents never use, naming it', async () => {
    const question = 'Phụ cấp công vụ xyz qwv tính thế nào?';
    const result = await answerer(words).ask(question);
    expect(result).toMatchObject({ answered: false, unknownWords: ['phụ cấp'] });
    // Without the word list the same question is answered from "công vụ", "cấp".
    expect((await answerer().ask(question)).answered).toBe(true);
  });

  it('does not take syllables of a compound the documents use for another compound', async () => {
    // "sơ cấp" is a word of the list, but here "sơ" belongs to "hồ sơ".
    const result = await answerer(words).ask('Hồ sơ cấp xã xyz qwv nộp ở đâu?');
    expect(result.unknownWords).toBeUndefined();
    expect(result.answered).toBe(true);
  });

  it('counts a word of the language typed with marks that the documents have in no form', async () => {
    const result = await answerer(words).ask('Cách diệt xyz qwv trong thư công vụ?');
    expect(result).toMatchObject({ answered: false, unknownWords: ['diệt'] });
    // A token the list does not have is passed over: a typo or a foreign word.
    expect((await answerer(words).ask('Cách dịet xyz qwv trong thư công vụ?')).unknownWords).toBeUndefined();
  });

  it('leaves a question covered at least .3 to the rare-word rule alone', async () => {
    // "phụ cấp" is unknown here too, but the passage covers .41 of the question.
    const result = await answerer(words).ask('Phụ cấp chứng thư công vụ xyz?');
    expect(result.confidence).toBeGreaterThanOrEqual(0.3);
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.answered).toBe(true);
  });
});
