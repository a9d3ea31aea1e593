import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ask-cli-'));
});

async function ask(...args: string[]): Promise<string> {
  const { stdout } = await run(tsx, ['src/cli/ask.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
  return stdout;
}

describe('npm run ask', () => {
  it('prints exactly the documented JSON shape', async () => {
    const out = JSON.parse(await ask('--json', 'Chữ ký số có giá trị như chữ ký tay không?'));
    expect(Object.keys(out).sort()).toEqual(['answer', 'answered', 'citations', 'ms', 'question']);
    expect(out.answered).toBe(true);
    expect(Object.keys(out.citations[0]).sort()).toEqual(
      ['docId', 'number', 'section', 'status', 'title', 'url'].sort(),
    );
    expect(out.citations[0]).toMatchObject({ number: '20/2023/QH15', section: 'Điều 23' });
    expect(out.answer).toContain('[1]');
    expect(typeof out.ms).toBe('number');
  });

  it('answers a batch file as JSON lines, one per question', async () => {
    const file = path.join(dataDir, 'questions.txt');
    await fs.writeFile(file, 'Chữ ký số có giá trị như chữ ký tay không?\n\nCách nấu phở bò?\n');
    const lines = (await ask('--json', '--batch', file))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].answered).toBe(true);
    expect(lines[1]).toMatchObject({ answered: false, citations: [] });
    // Nothing in the documents is about "phở bò", and the reply says so.
    expect(lines[1].answer).toMatch(
      /^Bộ tài liệu hiện có chưa có nội dung trả lời câu hỏi về “phở bò”/,
    );
  });

  it('prints a readable answer without --json', async () => {
    const out = await ask('chu ky so co gia tri nhu chu ky tay ko');
    expect(out).toMatch(/20\/2023\/QH15/);
    expect(out).toMatch(/Điều 23/);
  });
});
