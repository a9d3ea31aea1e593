import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeError } from '../../../src/errors';
import { loadKnowledgeCorpus } from '../../../src/knowledge/loader';
import { countSentences, loadQuizBank, type QuizSourceDocument } from '../../../src/quiz';
import { makeTempDir } from '../../helpers/temp-dir';

const KNOWLEDGE_DIR = path.join(__dirname, '../../../knowledge');

describe('the real quiz bank', () => {
  it('loads against the real knowledge documents and is big and varied enough', async () => {
    const corpus = await loadKnowledgeCorpus(KNOWLEDGE_DIR);
    const bank = await loadQuizBank(path.join(KNOWLEDGE_DIR, 'quiz'), corpus.documents);

    expect(bank.topics.map((t) => t.id).sort()).toEqual([
      'an-toan-thong-tin',
      'cntt-trong-cong-viec',
      'iso-va-mot-cua',
      'kien-thuc-chung-cds',
    ]);
    expect(bank.questions.length).toBeGreaterThanOrEqual(200);
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
    for (const topic of bank.topics) expect(topic.questions.length).toBeGreaterThanOrEqual(30);

    // The correct option must not sit at the same position everywhere.
    const byIndex = new Map<number, number>();
    for (const q of bank.questions) byIndex.set(q.answer, (byIndex.get(q.answer) ?? 0) + 1);
    expect(byIndex.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...byIndex.values())).toBeLessThan(bank.questions.length * 0.5);
  });
});

describe('loadQuizBank on bad files', () => {
  const documents: QuizSourceDocument[] = [
    { id: 'nd-30-2020', sections: [{ label: 'Điều 15' }, { label: 'Điều 18' }] },
  ];
  let temp: ReturnType<typeof makeTempDir>;
  let quizDir: string;
  beforeEach(() => {
    temp = makeTempDir('quiz-bank-');
    quizDir = path.join(temp.dir, 'quiz');
    fs.mkdirSync(quizDir);
  });
  afterEach(() => temp.remove());

  const question = (id: string, extra: { answer?: number; docId?: string } = {}) =>
    [
      `  - id: ${id}`,
      '    difficulty: 1',
      '    question: Số văn bản được bắt đầu từ số 01 vào ngày nào?',
      '    options: [Ngày 01 tháng 01 hằng năm, Ngày 01 tháng 7 hằng năm]',
      `    answer: ${extra.answer ?? 0}`,
      '    explanation: Theo khoản 1 Điều 15 Nghị định 30/2020/NĐ-CP, số văn bản bắt đầu từ 01 vào ngày 01/01.',
      `    source: { docId: ${extra.docId ?? 'nd-30-2020'}, section: Điều 15 }`,
    ].join('\n');
  const write = (name: string, ...questions: string[]) =>
    fs.writeFileSync(
      path.join(quizDir, `${name}.yaml`),
      `topic: { id: ${name}, name: Chủ đề thử }\nquestions:\n${questions.join('\n')}\n`,
    );
  const problemsOf = async (): Promise<string[]> => {
    try {
      await loadQuizBank(quizDir, documents);
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      return (error as KnowledgeError).problems;
    }
    throw new Error('expected loadQuizBank to reject');
  };

  it('loads a valid file', async () => {
    write('van-thu', question('vt-001'), question('vt-002', { answer: 1 }));
    const bank = await loadQuizBank(quizDir, documents);
    expect(bank.questions.map((q) => [q.id, q.topicId, q.location])).toEqual([
      ['vt-001', 'van-thu', 'quiz/van-thu.yaml:3'],
      ['vt-002', 'van-thu', 'quiz/van-thu.yaml:10'],
    ]);
  });

  it('reports an answer index out of range with its line', async () => {
    write('van-thu', question('vt-001'), question('vt-002', { answer: 2 }));
    expect(await problemsOf()).toEqual([
      expect.stringMatching(
        /^quiz\/van-thu\.yaml:14: questions\.1\.answer: answer 2 is out of range/,
      ),
    ]);
  });

  it('reports an unknown docId and an unknown section', async () => {
    write('van-thu', question('vt-001', { docId: 'nd-99-2099' }));
    fs.writeFileSync(
      path.join(quizDir, 'khac.yaml'),
      `topic: { id: khac, name: Khác }\nquestions:\n${question('k-001').replace('Điều 15 }', 'Điều 99 }')}\n`,
    );
    expect(await problemsOf()).toEqual([
      'quiz/khac.yaml:9: questions.0: source.section "Điều 99" is not a section label of "nd-30-2020"',
      'quiz/van-thu.yaml:9: questions.0: source.docId "nd-99-2099" is not a known document',
    ]);
  });

  it('reports a duplicate id across files', async () => {
    write('a', question('trung-lap'));
    write('b', question('trung-lap'));
    expect(await problemsOf()).toEqual([
      'quiz/b.yaml:3: questions.0: duplicate question id "trung-lap" (also at quiz/a.yaml:3)',
    ]);
  });

  it('reports malformed YAML and loads nothing, even with a valid file beside it', async () => {
    write('a', question('ok-001'));
    fs.writeFileSync(
      path.join(quizDir, 'b.yaml'),
      'topic: { id: b, name: B }\nquestions:\n  - id: [x\n',
    );
    const problems = await problemsOf();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^quiz\/b\.yaml:\d+: YAML: /);
  });

  it('reports schema problems: options, duplicates, difficulty, long explanations, file name', async () => {
    fs.writeFileSync(
      path.join(quizDir, 'x.yaml'),
      [
        'topic: { id: y, name: Sai tên tệp }',
        'questions:',
        '  - id: x-001',
        '    difficulty: 4',
        '    question: Câu hỏi chỉ có một phương án trả lời?',
        '    options: [Một]',
        '    answer: 0',
        '    explanation: Câu một. Câu hai. Câu ba.',
        '    source: { docId: nd-30-2020, section: Điều 15 }',
        '  - id: x-002',
        '    difficulty: 1',
        '    question: Câu hỏi có hai phương án trùng nhau?',
        '    options: [Có, có]',
        '    answer: 0',
        '    explanation: Giải thích ngắn gọn.',
        '    source: { docId: nd-30-2020, section: Điều 15 }',
      ].join('\n'),
    );
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^quiz\/x\.yaml:4: questions\.0\.difficulty: /),
        expect.stringMatching(/^quiz\/x\.yaml:6: questions\.0\.options: /),
        'quiz/x.yaml:8: questions.0.explanation: must be one or two sentences (found 3)',
        'quiz/x.yaml:13: questions.1.options.1: duplicate option (same as option 0)',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('reports a topic id that does not match its file name', async () => {
    fs.writeFileSync(
      path.join(quizDir, 'x.yaml'),
      `topic: { id: y, name: Sai tên }\nquestions:\n${question('x-001')}\n`,
    );
    expect(await problemsOf()).toEqual(['quiz/x.yaml:1: topic id "y" must match the file name']);
  });
});

describe('countSentences', () => {
  it.each([
    ['Theo Điều 9 Nghị định 68/2024/NĐ-CP, thời hạn tối đa là 5 năm.', 1],
    ['Một câu. Hai câu.', 2],
    ['Theo Phụ lục I, mục II.8a, dấu màu đỏ. Dấu trùm 1/3 chữ ký.', 2],
    ['', 0],
  ])('%s → %d', (s, n) => expect(countSentences(s)).toBe(n));
});
