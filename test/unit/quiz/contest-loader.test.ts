import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeError } from '../../../src/errors';
import { loadKnowledgeCorpus } from '../../../src/knowledge/loader';
import { loadContests, loadQuizBank, type QuizBank } from '../../../src/quiz';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeBank } from './fixtures';

const KNOWLEDGE_DIR = path.join(__dirname, '../../../knowledge');

describe('the real contests', () => {
  it('load against the real quiz bank', async () => {
    const corpus = await loadKnowledgeCorpus(KNOWLEDGE_DIR);
    const bank = await loadQuizBank(path.join(KNOWLEDGE_DIR, 'quiz'), corpus.documents);
    const contests = await loadContests(path.join(KNOWLEDGE_DIR, 'contests'), bank);
    const sample = contests.find((c) => c.id === 'danh-gia-nang-luc-cds-2026');
    expect(sample).toMatchObject({
      questionCount: 20,
      timeLimitMinutes: 20,
      passMark: 50,
      maxAttempts: 1,
      review: 'after-close',
      opensAt: Date.parse('2026-10-31T17:00:00Z'),
      closesAt: Date.parse('2026-12-31T16:59:59Z'),
      audience: { units: [], roles: [] },
      tiebreak: { question: expect.stringMatching(/^Dự đoán số người tham gia/) },
      location: 'contests/danh-gia-nang-luc-cds-2026.yaml:3',
    });
    expect(Object.keys(sample!.questionsPerTopic).sort()).toEqual(
      bank.topics.map((t) => t.id).sort(),
    );
  });
});

describe('loadContests on bad files', () => {
  // Two topics: "a" with 3 questions, "b" with 2.
  const bank: QuizBank = makeBank({ a: 3, b: 2 });
  let temp: ReturnType<typeof makeTempDir>;
  let dir: string;
  beforeEach(() => {
    temp = makeTempDir('contests-');
    dir = path.join(temp.dir, 'contests');
    fs.mkdirSync(dir);
  });
  afterEach(() => temp.remove());

  const valid = (id: string, overrides: Record<string, string> = {}) => {
    const fields: Record<string, string> = {
      id,
      title: 'Cuộc thi thử',
      opensAt: "'2026-11-01T00:00:00+07:00'",
      closesAt: "'2026-12-31T23:59:59+07:00'",
      questionsPerTopic: '\n  a: 2\n  b: 1',
      timeLimitMinutes: '10',
      passMark: '50',
      review: 'after-close',
      ...overrides,
    };
    return Object.entries(fields)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  };
  const write = (name: string, text: string) =>
    fs.writeFileSync(path.join(dir, `${name}.yaml`), `${text}\n`);
  const problemsOf = async (): Promise<string[]> => {
    try {
      await loadContests(dir, bank);
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      return (error as KnowledgeError).problems;
    }
    throw new Error('expected loadContests to reject');
  };

  it('loads a valid file with defaults (one attempt, whole directory, no tiebreak)', async () => {
    write('thu', valid('thu'));
    const [contest, ...rest] = await loadContests(dir, bank);
    expect(rest).toEqual([]);
    expect(contest).toEqual({
      id: 'thu',
      title: 'Cuộc thi thử',
      opensAt: Date.parse('2026-11-01T00:00:00+07:00'),
      closesAt: Date.parse('2026-12-31T23:59:59+07:00'),
      questionsPerTopic: { a: 2, b: 1 },
      questionCount: 3,
      timeLimitMinutes: 10,
      passMark: 50,
      maxAttempts: 1,
      audience: { units: [], roles: [] },
      review: 'after-close',
      location: 'contests/thu.yaml:1',
    });
  });

  it('loads audience, attempts and tiebreak, sorted by id', async () => {
    write(
      'z',
      valid('z', {
        maxAttempts: '3',
        audience: '\n  units: [STTTT]\n  roles: [official, manager]',
        tiebreak: '\n  question: Dự đoán số người tham gia?\n  unit: người',
      }),
    );
    write('m', valid('m'));
    const contests = await loadContests(dir, bank);
    expect(contests.map((c) => c.id)).toEqual(['m', 'z']);
    expect(contests[1]).toMatchObject({
      maxAttempts: 3,
      audience: { units: ['STTTT'], roles: ['official', 'manager'] },
      tiebreak: { question: 'Dự đoán số người tham gia?', unit: 'người' },
    });
  });

  it('an empty folder has no contests; a missing folder is a problem', async () => {
    expect(await loadContests(dir, bank)).toEqual([]);
    await expect(loadContests(path.join(temp.dir, 'nope'), bank)).rejects.toMatchObject({
      problems: ['nope:1: directory not found'],
    });
  });

  it('reports closesAt not after opensAt and a date without offset, with lines', async () => {
    write('thu', valid('thu', { closesAt: "'2026-11-01T00:00:00+07:00'" }));
    write('khac', valid('khac', { opensAt: "'2026-11-01 08:00'" }));
    expect(await problemsOf()).toEqual([
      expect.stringMatching(/^contests\/khac\.yaml:3: opensAt: must be an ISO date-time/),
      'contests/thu.yaml:4: closesAt: must be after opensAt',
    ]);
  });

  it('reports unknown topics and topics without enough questions, and loads nothing', async () => {
    write('tot', valid('tot'));
    write('thu', valid('thu', { questionsPerTopic: '\n  a: 4\n  c: 1\n  b: 2' }));
    expect(await problemsOf()).toEqual([
      'contests/thu.yaml:6: questionsPerTopic.a: topic "a" has 3 question(s), 4 requested',
      'contests/thu.yaml:7: questionsPerTopic.c: topic "c" is not in the quiz bank',
    ]);
  });

  it('reports bad numbers, roles, review and unknown keys', async () => {
    write(
      'thu',
      valid('thu', {
        questionsPerTopic: '\n  a: 0',
        timeLimitMinutes: '0',
        passMark: '101',
        maxAttempts: '0',
        audience: '\n  roles: [official, chief]',
        review: 'sometimes',
        extra: 'x',
      }),
    );
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^contests\/thu\.yaml:6: questionsPerTopic\.a: /),
        expect.stringMatching(/^contests\/thu\.yaml:7: timeLimitMinutes: /),
        expect.stringMatching(/^contests\/thu\.yaml:8: passMark: /),
        expect.stringMatching(/^contests\/thu\.yaml:9: review: /),
        expect.stringMatching(/^contests\/thu\.yaml:10: maxAttempts: /),
        expect.stringMatching(/^contests\/thu\.yaml:12: audience\.roles\.1: /),
        expect.stringMatching(/^contests\/thu\.yaml:1: \(root\): .*extra/),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('reports an id that does not match the file name, and malformed YAML', async () => {
    write('thu', valid('khac'));
    write('hong', 'id: [hong\n');
    const problems = await problemsOf();
    expect(problems).toEqual([
      expect.stringMatching(/^contests\/hong\.yaml:\d+: YAML: /),
      'contests/thu.yaml:1: id: contest id "khac" must match the file name',
    ]);
  });

  it('reports missing required fields', async () => {
    write('thu', valid('thu', { title: '', review: '' }));
    expect(await problemsOf()).toEqual([
      expect.stringMatching(/^contests\/thu\.yaml:1: title: /),
      expect.stringMatching(/^contests\/thu\.yaml:1: review: /),
    ]);
  });
});
