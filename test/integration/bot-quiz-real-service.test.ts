import path from 'node:path';
import { ConversationState } from 'botbuilder';
import { Registry } from 'prom-client';
import { quizTexts, texts } from '../../dialogs';
import { AssistantBot, createTurnErrorHandler } from '../../src/bot';
import { MemoryDirectoryRepository } from '../../src/directory';
import { createLogger } from '../../src/logger';
import { QuizServiceImpl } from '../../src/quiz';
import { createMetrics, createServer, type BotServer } from '../../src/server';
import {
  openSqliteDatabase,
  SqliteActivityDedup,
  SqliteAttemptStore,
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
import { FAKE_T0, fakeBank, fakeContest } from '../helpers/fake-quiz-service';
import { makeTempDir } from '../helpers/temp-dir';

// The chat layer against the real QuizServiceImpl on SQLite (not the fake): what the person sees
// must follow the real service's rules too.

const bank = fakeBank();
const contests = [fakeContest()];

interface Running {
  server: BotServer;
  db: SqliteDatabase;
  answerer: FakeAnswerer;
  close(): Promise<void>;
}

describe('quizzes over HTTP with the real quiz service', () => {
  const tmp = makeTempDir('tro-ly-cds-quiz-real-');
  const clock = { now: FAKE_T0 };
  let dbFile: string;
  let ids = 0;
  let h: Running;
  let n = 0;
  let conversation: { id: string };
  /** Submissions to refuse (the results outbox failing), before they succeed again. */
  let failingSubmissions = 0;

  async function start(): Promise<Running> {
    const db = openSqliteDatabase({ file: dbFile });
    const directory = new MemoryDirectoryRepository();
    await directory.replaceAll(
      [{ code: 'CT', name: 'UBND thành phố Cần Thơ' }],
      [
        {
          userId: 'user-1',
          fullName: 'Nguyễn Văn A',
          email: 'a@x.vn',
          unitCode: 'CT',
          role: 'official',
        },
      ],
    );
    const service = new QuizServiceImpl({
      bank,
      contests,
      store: new SqliteAttemptStore(db, {
        onSubmitted: () => {
          if (failingSubmissions > 0) {
            failingSubmissions--;
            throw new Error('results outbox unavailable');
          }
        },
      }),
      directory,
      clock: () => clock.now,
      newId: () => `attempt-${++ids}`,
      newSeed: () => ids * 7919,
      practiceCount: 3,
    });
    const logger = createLogger('silent');
    const conversationState = new ConversationState(new SqliteStorage(db));
    const metrics = createMetrics(new Registry());
    const answerer = new FakeAnswerer();
    const bot = new AssistantBot({
      answerer,
      feedbackStore: new SqliteFeedbackStore(db),
      conversationState,
      metrics,
      logger,
      maxMessageChars: 2000,
      quizService: service,
      activityDedup: new SqliteActivityDedup(db),
      directory,
      quizTopics: bank.topics.map((t) => ({ id: t.id, name: t.name })),
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
      db,
      answerer,
      close: async () => {
        await server.close();
        db.close();
      },
    };
  }

  const send = (over: ActivityJson) =>
    exchange(h.server.url, messageActivity(undefined, { conversation, ...over }));
  const say = (text: string) => send({ text });
  /** The letter of the right option in a question reply: the bank's right options read "Đúng n". */
  const rightLetter = (reply: ReplyActivity | undefined): string =>
    /- \*\*([A-D])\.\*\* Đúng \d/.exec(reply?.text ?? '')?.[1] ?? '?';
  const wrongLetter = (reply: ReplyActivity | undefined): string =>
    rightLetter(reply) === 'A' ? 'B' : 'A';

  beforeEach(async () => {
    clock.now = FAKE_T0;
    failingSubmissions = 0;
    conversation = { id: `conv-real-${++n}` };
    dbFile = path.join(tmp.dir, `bot-${n}.sqlite`);
    h = await start();
  });
  afterEach(() => h.close());
  afterAll(() => tmp.remove());

  it('runs a practice: feedback, out-of-range letters, a question meanwhile, the result', async () => {
    let [question] = await say('/luyentap an toàn thông tin');
    expect(question?.text).toMatch(/về chủ đề “An toàn thông tin mạng”[\s\S]*Câu 1\/3/);
    expect(textsOf(await say('E'))[0]).toMatch(
      /Câu hỏi có 4 phương án: hãy bấm nút hoặc gõ A, B, C hoặc D/,
    );
    let replies = await say(rightLetter(question));
    expect(textsOf(replies)[0]).toMatch(/^✅/);
    question = replies[1];
    replies = await say('Chữ ký số là gì?');
    expect(textsOf(replies)).toEqual([
      expect.stringContaining('20/2023/QH15'),
      expect.stringMatching(/vẫn đang chờ[\s\S]*Câu 2\/3/),
    ]);
    replies = await say(wrongLetter(question));
    expect(textsOf(replies)[0]).toMatch(/^❌/);
    question = replies[1];
    replies = await say(rightLetter(question));
    expect(textsOf(replies)[1]).toMatch(
      /\*\*Điểm: 66\/100\*\* \(đúng 2\/3 câu\)[\s\S]*- [▓░]{10} 2\/3 · An toàn thông tin mạng/,
    );
  });

  it('replays a duplicate answer once and refuses a second, different click', async () => {
    const [question] = await say('/luyentap');
    const answer = messageActivity(rightLetter(question), { conversation });
    const first = await postActivity(h.server.url, answer);
    expect((first.body as { activities: ReplyActivity[] }).activities).toHaveLength(2);
    const retry = await postActivity(h.server.url, answer);
    expect((retry.body as { activities: ReplyActivity[] }).activities).toEqual([]);

    const card = question?.attachments?.[0]?.content as { actions: { data: { choice: number } }[] };
    const other = card.actions.find(
      (a) => String.fromCharCode(65 + a.data.choice) !== rightLetter(question),
    );
    expect(textsOf(await send({ value: other?.data }))[0]).toMatch(
      /^Câu này anh\/chị đã trả lời rồi[\s\S]*Câu 2\/3/,
    );
  });

  it('handles the retry of a turn that failed before its answer was stored', async () => {
    let [question] = await say('/luyentap');
    for (let i = 0; i < 2; i++) [, question] = await say(rightLetter(question));
    expect(question?.text).toMatch(/Câu 3\/3/);

    // The last answer submits the practice; the submission fails and the turn apologises.
    failingSubmissions = 1;
    const last = messageActivity(rightLetter(question), { conversation });
    const failed = await postActivity(h.server.url, last);
    expect(textsOf((failed.body as { activities: ReplyActivity[] }).activities)).toEqual([
      texts.turnError,
    ]);
    // The channel delivers the same activity again: it is handled, not ignored.
    const retry = await postActivity(h.server.url, last);
    expect(textsOf((retry.body as { activities: ReplyActivity[] }).activities)[1]).toMatch(
      /\*\*Điểm: 100\/100\*\* \(đúng 3\/3 câu\)/,
    );
    // And once it is, a third delivery is ignored.
    const third = await postActivity(h.server.url, last);
    expect((third.body as { activities: ReplyActivity[] }).activities).toEqual([]);
    const stored = h.db
      .prepare(`SELECT data FROM quiz_attempts WHERE user_id = 'user-1'`)
      .pluck()
      .all() as string[];
    expect(stored.map((d) => JSON.parse(d) as unknown)).toEqual([
      expect.objectContaining({
        status: 'submitted',
        answers: [expect.anything(), expect.anything(), expect.anything()],
      }),
    ]);
  });

  it('continues a contest after kill and restart, with the same question and time left', async () => {
    let [question] = await say('/batdau thi-thu-2026');
    expect(question?.text).toMatch(/Câu 1\/4 · Còn 10 phút/);
    [question] = await say(rightLetter(question));
    expect(question?.text).toMatch(/^Đã ghi nhận câu trả lời cho câu 1\.[\s\S]*Câu 2\/4/);

    await h.close();
    clock.now += 4 * 60_000;
    h = await start();
    const [reminder] = await say('Còn bao nhiêu thời gian?');
    expect(reminder?.text).toMatch(
      /^Anh\/chị đang làm bài thi[\s\S]*\*\*Câu 2\/4 · Còn 6 phút\*\*/,
    );
    expect(rightLetter(reminder)).toBe(rightLetter(question));
    expect(h.answerer.calls).toEqual([]);

    [question] = await say(rightLetter(reminder));
    [question] = await say(rightLetter(question));
    [question] = await say(rightLetter(question));
    expect(question?.text).toMatch(/Câu hỏi phụ · Còn 6 phút/);
    expect(textsOf(await say('1 234'))).toEqual([
      expect.stringMatching(/\*\*Điểm: 100\/100\*\*[\s\S]*✅ \*\*Đạt\*\*[\s\S]*1\.234 người/),
    ]);
    expect(textsOf(await say('/batdau thi-thu-2026'))).toEqual([
      quizTexts.rejection('no-attempts-left'),
    ]);
  });

  it('shows the result when the deadline passed while away, then answers the question', async () => {
    await say('/batdau thi-thu-2026');
    clock.now += 11 * 60_000;
    const replies = await say('Chữ ký số là gì?');
    expect(textsOf(replies)).toEqual([
      expect.stringMatching(
        /Hết thời gian làm bài: bài đã được nộp tự động[\s\S]*\*\*Điểm: 0\/100\*\*/,
      ),
      expect.stringContaining('20/2023/QH15'),
    ]);
  });

  it('refuses to cancel a contest and to start a practice during it', async () => {
    await say('/batdau thi-thu-2026');
    expect(textsOf(await say('/huy'))).toEqual([
      quizTexts.rejection('contest-cannot-be-cancelled'),
    ]);
    expect(textsOf(await say('/luyentap'))[0]).toMatch(
      /^Anh\/chị đang làm dở một bài[\s\S]*Câu 1\/4/,
    );
  });
});
