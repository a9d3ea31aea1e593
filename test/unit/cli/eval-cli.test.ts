import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseEvalSet, runEval, type EvalItem } from '../../../src/cli/eval';
import { FakeAnswerer } from '../../helpers/fake-answerer';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

describe('runEval', () => {
  // The fake answers questions about "chữ ký số" citing Luật GDĐT Điều 23, and "còn … thì sao?"
  // with the previous query.
  const items: EvalItem[] = [
    {
      id: 'a',
      kind: 'plain',
      question: 'Chữ ký số có giá trị không?',
      expect: [{ docId: 'luat-giao-dich-dien-tu-2023', section: 'Điều 23' }],
    },
    {
      id: 'b',
      kind: 'plain',
      question: 'Chữ ký số là gì?',
      expect: [{ docId: 'nd-68-2024', section: 'Điều 3' }],
    },
    {
      id: 'c',
      kind: 'followup',
      history: ['Chữ ký số có giá trị không?'],
      question: 'còn bản giấy thì sao?',
      expect: [{ docId: 'luat-giao-dich-dien-tu-2023', section: 'Điều 23' }],
    },
    { id: 'd', kind: 'plain', question: 'Lương cơ sở?', expect: [{ docId: 'x', section: 'y' }] },
    { id: 'e', kind: 'oos', question: 'Thời tiết mai thế nào?', expect: [] },
    { id: 'f', kind: 'oos', question: 'Chữ ký số của tôi đẹp không?', expect: [] },
  ];

  it('scores hits, refusals and false refusals, asking a follow-up after its history', async () => {
    const answerer = new FakeAnswerer();
    const report = await runEval(answerer, items);
    expect(report).toMatchObject({
      questions: 6,
      inScope: 4,
      outOfScope: 2,
      'hit@1': 0.5,
      'hit@3': 0.5,
      refusalAccuracy: 0.5,
      falseRefusals: 1,
      byKind: { plain: { n: 3, 'hit@3': 0.333 }, followup: { n: 1, 'hit@3': 1 }, oos: { n: 2 } },
    });
    expect(report.misses.map((m) => m.id)).toEqual(['b', 'd', 'f']);
    const followUp = answerer.calls.find((c) => c.question === 'còn bản giấy thì sao?');
    expect(followUp?.context?.previousQuery).toBe('Chữ ký số có giá trị không?');
  });

  it('names the line of a malformed item', () => {
    expect(() =>
      parseEvalSet('{"id":"a","kind":"x","question":"q","expect":[]}\n{"id":"b"}\n'),
    ).toThrow(/^line 2:/);
  });
});

describe('npm run eval', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'eval-cli-'));
  });

  async function evalJson(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(tsx, ['src/cli/eval.ts', '--json', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  it('keeps the project set at its targets: hit@3 and out-of-scope refusals .90 or more', async () => {
    const report = await evalJson();
    expect(report).toMatchObject({ questions: 165, inScope: 135, outOfScope: 30 });
    expect(report['hit@3']).toBeGreaterThanOrEqual(0.9);
    expect(report.refusalAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.falseRefusals).toBeLessThanOrEqual(1);
  });

  it('asks the quiz bank questions with --quiz, each expecting the section it cites', async () => {
    const report = await evalJson('--quiz');
    expect(report.outOfScope).toBe(0);
    expect(report.inScope).toBe(report.questions);
    expect(report.questions).toBeGreaterThanOrEqual(250);
    expect(Object.keys(report.byKind as object).sort()).toEqual([
      'an-toan-thong-tin',
      'cntt-trong-cong-viec',
      'iso-va-mot-cua',
      'kien-thuc-chung-cds',
    ]);
  });
});
