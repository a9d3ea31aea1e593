import path from 'node:path';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startApp, type App } from '../../src/main';
import { exchange, messageActivity, textsOf } from '../helpers/activities';
import { LogCapture } from '../helpers/bot-harness';
import { makeTempDir } from '../helpers/temp-dir';

/** The real composition: real knowledge base, SQLite in a temp dir, HTTP on a free port. */
describe('the assembled assistant', () => {
  const tmp = makeTempDir('tro-ly-cds-app-');
  const logs = new LogCapture();
  let app: App;

  beforeAll(async () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: tmp.dir,
        KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge'),
      },
      tmp.dir,
    );
    app = await startApp(config, createLogger('info', logs));
  });
  afterAll(async () => {
    await app.close();
    tmp.remove();
  });

  it('becomes ready once the knowledge base is loaded', async () => {
    await app.ready;
    const res = await fetch(`${app.server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(fs.existsSync(path.join(tmp.dir, 'bot.sqlite'))).toBe(true);
  });

  it('answers a real question over HTTP citing the Law on E-Transactions', async () => {
    const replies = await exchange(
      app.server.url,
      messageActivity('Chữ ký số có giá trị như chữ ký tay không?'),
    );
    const [text] = textsOf(replies);
    expect(text).toContain('20/2023/QH15');
    expect(text).toMatch(/\[1\]/);
    expect(text).toContain('Nguồn:');
  });

  it('names the sources of the last answer when asked which article, after a chain of follow-ups', async () => {
    const conversation = { id: 'conv-sources' };
    const say = async (text: string) =>
      textsOf(await exchange(app.server.url, messageActivity(text, { conversation })))[0]!;
    const first = await say('Chứng thư chữ ký số chuyên dùng công vụ có hiệu lực bao lâu?');
    expect(first).toContain(
      '68/2024/NĐ-CP — Nghị định quy định về chữ ký số chuyên dùng công vụ, Điều 9',
    );
    const followUp = await say('còn gia hạn thì sao?');
    expect(followUp).toContain('Nguồn:');
    const cited = followUp.slice(followUp.indexOf('Nguồn:'));
    for (const question of ['điều nào quy định?', 'Theo văn bản nào vậy?']) {
      const sources = await say(question);
      expect(sources).toMatch(/^Nội dung vừa trả lời được trích từ/);
      // The very sources of the answer before, not a search for the words "điều nào quy định".
      expect(sources.slice(sources.indexOf('Nguồn:'))).toBe(cited);
    }
    // The topic stays: a follow-up after it is still about the certificates.
    expect(await say('còn thu hồi thì sao?')).toContain('Điều 17');
  });

  it('asked which article with nothing answered before, says it does not know', async () => {
    const replies = await exchange(
      app.server.url,
      messageActivity('điều nào quy định?', { conversation: { id: 'conv-no-sources' } }),
    );
    expect(textsOf(replies)[0]).not.toMatch(/^Nội dung vừa trả lời/);
    expect(textsOf(replies)[0]).not.toContain('Nguồn:');
  });

  it.each([
    [
      'Lương cơ sở năm 2026 là bao nhiêu?',
      'Bộ tài liệu hiện có chưa có nội dung trả lời câu hỏi về “lương”',
      ['lương'],
    ],
    [
      'Luật Cán bộ, công chức năm 2025 có hiệu lực từ ngày nào?',
      'Bộ tài liệu hiện có chưa có “Luật Cán bộ, công chức”',
      ['Luật Cán bộ, công chức'],
    ],
    [
      'Làm lại thẻ căn cước bị mất thì lệ phí bao nhiêu tiền?',
      'Các tài liệu gần nhất với câu hỏi không nêu mức tiền',
      ['mức tiền'],
    ],
    [
      'Điều 20 Luật Chuyển đổi số 2025 quy định nội dung gì?',
      'chỉ tóm tắt một phần của 148/2025/QH15 (Luật Chuyển đổi số): Điều 1, Điều 3, Điều 9; chưa có Điều 20',
      ['Điều 20 148/2025/QH15'],
    ],
  ])('says over HTTP what the documents lack when asked %p', async (question, lack, missing) => {
    const replies = await exchange(app.server.url, messageActivity(question));
    const [text] = textsOf(replies);
    expect(text).toContain(lack);
    expect(text).not.toContain('Nguồn:');
    expect(replies[0]!.suggestedActions?.actions.length).toBeGreaterThanOrEqual(2);
    // Recorded with the question for the content team, as an operator reads the file.
    const db = new Database(path.join(tmp.dir, 'bot.sqlite'), { readonly: true });
    try {
      const row = db
        .prepare('SELECT answered, missing FROM answers WHERE question = ?')
        .get(question) as { answered: number; missing: string };
      expect({ answered: row.answered, missing: JSON.parse(row.missing) as unknown }).toEqual({
        answered: 0,
        missing,
      });
    } finally {
      db.close();
    }
  });

  it('closes cleanly and only once', async () => {
    const second = await startApp(
      loadConfig({
        PORT: '0',
        DATA_DIR: path.join(tmp.dir, 'second'),
        KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge'),
      }),
      createLogger('silent'),
    );
    await second.ready;
    await Promise.all([second.close(), second.close()]);
    await expect(fetch(`${second.server.url}/healthz`)).rejects.toThrow();
  });
});
