import path from 'node:path';
import { Registry } from 'prom-client';
import { quizTexts, texts, type QuizAnswerPayload } from '../../dialogs';
import { AssistantBot, createTurnErrorHandler, SnapshotConversationState } from '../../src/bot';
import { createLogger } from '../../src/logger';
import { createMetrics, createServer, type BotServer } from '../../src/server';
import {
  openSqliteDatabase,
  SqliteActivityDedup,
  SqliteFeedbackStore,
  SqliteStorage,
  type SqliteDatabase,
} from '../../src/storage';
import {
  exchange,
  messageActivity,
  postActivity,
  textsOf,
  type ActivityJson,
  type ReplyActivity,
} from '../helpers/activities';
import { FakeAnswerer } from '../helpers/fake-answerer';
import { FakeQuizService } from '../helpers/fake-quiz-service';
import { makeTempDir } from '../helpers/temp-dir';

const SOURCE = {
  number: '20/2023/QH15',
  title: 'Luật Giao dịch điện tử',
  url: 'https://example.gov.vn/luat-20-2023',
};

interface QuizServer {
  server: BotServer;
  url: string;
  db: SqliteDatabase;
  answerer: FakeAnswerer;
  close(): Promise<void>;
}

/**
 * The real server, bot, SQLite conversation state and activity dedup, with the fake quiz service
 * injected as main.ts injects the real one. `dbFile` lets a second server reuse the first one's
 * database, as after a restart.
 */
async function startQuizServer(service: FakeQuizService, dbFile: string): Promise<QuizServer> {
  const db = openSqliteDatabase({ file: dbFile });
  const logger = createLogger('silent');
  const conversationState = new SnapshotConversationState(new SqliteStorage(db));
  const metrics = createMetrics(new Registry());
  const answerer = new FakeAnswerer();
  // The dedup the bot reads is where the service records what it changed, as in main.ts.
  const activityDedup = new SqliteActivityDedup(db);
  service.activities = activityDedup;
  const bot = new AssistantBot({
    answerer,
    feedbackStore: new SqliteFeedbackStore(db),
    conversationState,
    metrics,
    logger,
    maxMessageChars: 2000,
    quizService: service,
    activityDedup,
    directory: {
      getPerson: async (userId) =>
        userId === 'user-1'
          ? { userId, fullName: 'Nguyễn Văn A', email: 'a@x.vn', unitCode: 'CT', role: 'official' }
          : undefined,
    },
    quizTopics: service.bank.topics.map((t) => ({ id: t.id, name: t.name })),
    describeSource: (docId) => (docId === 'luat-giao-dich-dien-tu-2023' ? SOURCE : undefined),
  });
  const server = createServer({
    bot,
    onTurnError: createTurnErrorHandler({ logger, conversationState }),
    auth: { appType: 'MultiTenant', allowAnonymous: true },
    host: '127.0.0.1',
    port: 0,
    logger,
    metrics,
    isReady: () => true,
  });
  await server.listen();
  return {
    server,
    url: server.url,
    db,
    answerer,
    close: async () => {
      await server.close();
      db.close();
    },
  };
}

const buttons = (reply: ReplyActivity | undefined): unknown[] => {
  const content = reply?.attachments?.[0]?.content as { actions?: { data: unknown }[] } | undefined;
  return content?.actions?.map((a) => a.data) ?? [];
};
const letterOf = (choice: number) => String.fromCharCode(65 + choice);

describe('quizzes over HTTP (expectReplies)', () => {
  const tmp = makeTempDir('tro-ly-cds-quiz-');
  let service: FakeQuizService;
  let h: QuizServer;
  let n = 0;
  /** A message in its own conversation per test, from user-1 on the Emulator. */
  let conversation: { id: string };
  const send = (over: ActivityJson) =>
    exchange(h.url, messageActivity(undefined, { conversation, ...over }));
  const say = (text: string) => send({ text });

  beforeEach(async () => {
    service = new FakeQuizService();
    conversation = { id: `conv-quiz-${++n}` };
    h = await startQuizServer(service, path.join(tmp.dir, `bot-${n}.sqlite`));
  });
  afterEach(() => h.close());
  afterAll(() => tmp.remove());

  it('sits a whole practice with card buttons and typed answers', async () => {
    const [first] = await say('/luyentap');
    expect(first?.text).toMatch(/^Bắt đầu bài luyện tập 3 câu\.[\s\S]*\*\*Câu 1\/3\*\*/);
    expect(first?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');

    const press = (buttons(first) as QuizAnswerPayload[]).find(
      (b) => letterOf(b.choice) === service.correctLetter(),
    );
    const afterPress = await send({ value: press });
    expect(textsOf(afterPress)).toEqual([
      expect.stringMatching(
        /^✅ \*\*Chính xác!\*\*[\s\S]*\*\*Nguồn:\*\* 20\/2023\/QH15 — Luật Giao dịch điện tử/,
      ),
      expect.stringMatching(/^\*\*Câu 2\/3\*\*/),
    ]);

    const typed = await say(service.correctLetter() === 'A' ? 'b' : 'a');
    expect(textsOf(typed)[0]).toMatch(/^❌ \*\*Chưa đúng\.\*\*/);

    const question = await say('Chữ ký số có giá trị pháp lý không?');
    expect(textsOf(question)).toEqual([
      expect.stringContaining('20/2023/QH15'),
      expect.stringMatching(/^Bài luyện tập của anh\/chị vẫn đang chờ[\s\S]*Câu 3\/3/),
    ]);

    const last = await say(`Đáp án ${service.correctLetter()}`);
    expect(textsOf(last)[1]).toMatch(
      /^\*\*Kết quả bài luyện tập\*\*[\s\S]*\*\*Điểm: 66\/100\*\* \(đúng 2\/3 câu\)[\s\S]*\*\*Theo chủ đề:\*\*\n- [▓░]{10}[\s\S]*\*\*Các câu chưa đúng:\*\*/,
    );
    expect(h.answerer.calls).toHaveLength(1);
  });

  it('sits a whole contest from the list: confirmation, timed questions, tiebreak, result', async () => {
    const [list] = await say('/thi');
    const [confirm] = await send({ value: buttons(list)[0] });
    expect(confirm?.text).toContain('Số lượt dự thi còn lại: 1 (tính cả lượt này).');
    const [start] = buttons(confirm);
    let [question] = await send({ value: start });
    expect(question?.text).toMatch(/\*\*Câu 1\/4 · Còn 10 phút\*\*/);

    const during = await say('Chữ ký số là gì?');
    expect(textsOf(during)).toEqual([expect.stringMatching(/^Anh\/chị đang làm bài thi/)]);
    expect(h.answerer.calls).toEqual([]);

    for (let i = 0; i < 4; i++) {
      const right = (buttons(question) as QuizAnswerPayload[]).find(
        (b) => letterOf(b.choice) === service.correctLetter(),
      );
      [question] = await send({ value: right });
    }
    expect(question?.text).toMatch(/Câu hỏi phụ · Còn 10 phút/);
    expect(buttons(question)).toEqual([{ type: 'quiz-tiebreak', attemptId: 'attempt-1' }]);

    const [result] = await send({
      value: { type: 'quiz-tiebreak', attemptId: 'attempt-1', prediction: 2026 },
    });
    expect(result?.text).toMatch(
      /^\*\*Kết quả bài thi “Thi thử năng lực số 2026”\*\*\n\nThí sinh: Nguyễn Văn A[\s\S]*\*\*Điểm: 100\/100\*\* \(đúng 4\/4 câu\)\n\n✅ \*\*Đạt\*\* \(điểm đạt: 50\/100\)\n\nCâu hỏi phụ — dự đoán của anh\/chị: 2\.026 người[\s\S]*Anh\/chị đã trả lời đúng tất cả các câu\. Xin chúc mừng!$/,
    );
    expect(textsOf(await say('/thi thi-thu-2026'))).toEqual([
      quizTexts.rejection('no-attempts-left'),
    ]);
  });

  it('counts a replayed activity once: the retry gets no reply and changes nothing', async () => {
    await say('/luyentap');
    const answer = messageActivity(service.correctLetter(), { conversation });
    const firstTime = await postActivity(h.url, answer);
    expect(textsOf((firstTime.body as { activities: ReplyActivity[] }).activities)).toHaveLength(2);
    const version = service.attemptOf()?.version;

    const retry = await postActivity(h.url, answer);
    expect(retry.status).toBe(200);
    expect((retry.body as { activities: ReplyActivity[] }).activities).toEqual([]);
    expect(service.attemptOf()?.version).toBe(version);
    expect(service.methods().filter((m) => m === 'answer')).toHaveLength(1);
  });

  it('refuses a forged answer payload politely, without calling the service', async () => {
    await say('/luyentap');
    const calls = service.calls.length;
    for (const value of [
      { type: 'quiz-answer', attemptId: 'attempt-1', index: '0', choice: 1 },
      { type: 'quiz-answer', attemptId: 'attempt-1', index: 0, choice: 1, correct: true },
      { type: 'quiz-unknown' },
    ]) {
      expect(textsOf(await send({ value }))).toEqual([quizTexts.invalidPayload]);
    }
    expect(service.calls.length).toBe(calls);
    expect(service.attemptOf()?.answers.every((a) => a === null)).toBe(true);
  });

  it('refuses a person outside the directory, in Vietnamese, over HTTP', async () => {
    const replies = await send({ text: '/thi', from: { id: 'stranger', name: 'X' } });
    expect(textsOf(replies)).toEqual([quizTexts.rejection('not-in-directory')]);
  });

  it('continues the contest on a restarted server with a fresh conversation state', async () => {
    await say('/batdau thi-thu-2026');
    await say(service.correctLetter());
    await h.close();
    service.now += 3 * 60_000;
    h = await startQuizServer(service, path.join(tmp.dir, `bot-restart-${n}.sqlite`));
    const replies = await say('Tôi đang ở câu nào?');
    expect(textsOf(replies)).toEqual([
      expect.stringMatching(/^Anh\/chị đang làm bài thi[\s\S]*\*\*Câu 2\/4 · Còn 7 phút\*\*/),
    ]);
    const next = await say(service.correctLetter());
    expect(textsOf(next)[0]).toMatch(/^Đã ghi nhận câu trả lời cho câu 2\.[\s\S]*Câu 3\/4/);
  });

  it('shows quiz commands in the help', async () => {
    expect(textsOf(await say('trợ giúp'))).toEqual([
      `${texts.help(2000)}\n\n${quizTexts.helpSection}`,
    ]);
  });
});
