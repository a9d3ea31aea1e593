import path from 'node:path';
import type { App } from '../../src/main';
import { openSqliteDatabase } from '../../src/storage';
import { postActivity } from '../helpers/activities';
import {
  allText,
  answerPayloads,
  ChatUser,
  readAttempts,
  seedDirectory,
  startQuizApp,
  writeContest,
} from '../helpers/quiz-app';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Quizzes through the real composition (`startApp`): real knowledge base and quiz bank, SQLite in
 * a temp dir, contests from a temp folder, HTTP with `deliveryMode: expectReplies`.
 */
describe('quizzes over HTTP', () => {
  const tmp = makeTempDir('quiz-http-');
  const dbFile = path.join(tmp.dir, 'bot.sqlite');
  const contestsDir = path.join(tmp.dir, 'contests');
  let app: App;
  const url = () => app.server.url;

  beforeAll(async () => {
    const now = Date.now();
    writeContest(contestsDir, {
      id: 'thi-http',
      opensAt: now - 3_600_000,
      closesAt: now + 86_400_000,
    });
    writeContest(contestsDir, {
      id: 'thi-dua',
      opensAt: now - 3_600_000,
      closesAt: now + 86_400_000,
      tiebreak: false,
    });
    await seedDirectory(dbFile, ['can-bo-1', 'can-bo-2', 'can-bo-3', 'can-bo-4']);
    app = await startQuizApp(tmp.dir, contestsDir, { PRACTICE_QUESTIONS: '4' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    tmp.remove();
  });

  it('sits a whole contest: list, confirm, start, three answers, tiebreak, result', async () => {
    const user = new ChatUser(url, 'can-bo-1');
    expect(allText(await user.say('/thi'))).toContain('thi-http');
    expect(allText(await user.say('/thi thi-http'))).toContain('Cuộc thi thử nghiệm qua HTTP');
    let replies = await user.click({ type: 'contest-start', contestId: 'thi-http' });
    for (let i = 0; i < 3; i++) {
      const payload = answerPayloads(replies).find((p) => p.choice === 0);
      expect(payload).toMatchObject({ index: i });
      replies = await user.click(payload!);
    }
    expect(answerPayloads(replies)).toEqual([]);
    expect(allText(replies)).toContain('Dự đoán số người tham gia cuộc thi?');
    replies = await user.say('1.500');
    expect(allText(replies)).toMatch(/điểm/i);

    const [attempt, ...others] = await readAttempts(dbFile, 'can-bo-1');
    expect(others).toEqual([]);
    expect(attempt).toMatchObject({
      contestId: 'thi-http',
      status: 'submitted',
      submitReason: 'complete',
      tiebreakAnswer: 1500,
    });
    expect(attempt!.answers.map((a) => a?.choice)).toEqual([0, 0, 0]);

    // The result went into the results outbox with the submission.
    const db = openSqliteDatabase({ file: dbFile });
    try {
      const row = db
        .prepare('SELECT payload FROM results_outbox WHERE attempt_id = ?')
        .get(attempt!.id) as { payload: string } | undefined;
      expect(JSON.parse(row!.payload)).toMatchObject({
        attemptId: attempt!.id,
        contestId: 'thi-http',
        userId: 'can-bo-1',
        unitCode: 'CT',
        total: 3,
        tiebreak: 1500,
      });
    } finally {
      db.close();
    }

    // One attempt only, whatever the channel.
    const phone = new ChatUser(url, 'can-bo-1', { channelId: 'webchat' });
    await phone.click({ type: 'contest-start', contestId: 'thi-http' });
    expect(await readAttempts(dbFile, 'can-bo-1')).toHaveLength(1);
  });

  it('records a finished practice as a result but not one stopped with /huy', async () => {
    const outboxRow = (attemptId: string) => {
      const db = openSqliteDatabase({ file: dbFile });
      try {
        return db
          .prepare('SELECT attempt_id FROM results_outbox WHERE attempt_id = ?')
          .get(attemptId);
      } finally {
        db.close();
      }
    };
    const user = new ChatUser(url, 'hoc-vien-5');
    let replies = await user.say('/luyentap');
    replies = await user.click(answerPayloads(replies)[0]!);
    await user.say('/huy');
    const [stopped] = await readAttempts(dbFile, 'hoc-vien-5');
    expect(stopped).toMatchObject({
      mode: 'practice',
      status: 'submitted',
      submitReason: 'cancelled',
    });
    expect(outboxRow(stopped!.id)).toBeUndefined();

    replies = await user.say('/luyentap');
    for (let i = 0; i < 4; i++) replies = await user.click(answerPayloads(replies)[0]!);
    const finished = (await readAttempts(dbFile, 'hoc-vien-5')).find((a) => a.id !== stopped!.id);
    expect(finished).toMatchObject({ status: 'submitted', submitReason: 'complete' });
    expect(outboxRow(finished!.id)).toEqual({ attempt_id: finished!.id });
  });

  it('counts a duplicate activity (same id, delivered twice) once', async () => {
    const user = new ChatUser(url, 'can-bo-2');
    const started = await user.say('/luyentap');
    const payload = answerPayloads(started)[0]!;
    const click = user.activity(undefined, { value: payload });
    await postActivity(url(), click);
    await postActivity(url(), click);
    let [attempt] = await readAttempts(dbFile, 'can-bo-2');
    expect(attempt).toMatchObject({ version: 1 });
    expect(attempt!.answers.map((a) => a !== null)).toEqual([true, false, false, false]);

    // A typed answer delivered twice must not slide onto the next question.
    const typed = user.activity('B');
    await postActivity(url(), typed);
    await postActivity(url(), typed);
    [attempt] = await readAttempts(dbFile, 'can-bo-2');
    expect(attempt!.answers.map((a) => a?.choice ?? null)).toEqual([payload.choice, 1, null, null]);
  });

  it('lets exactly one of two racing answers to the same question win', async () => {
    const user = new ChatUser(url, 'can-bo-3');
    const replies = await user.click({ type: 'contest-start', contestId: 'thi-dua' });
    const [a, b] = answerPayloads(replies);
    expect(a!.index).toBe(0);
    expect(b!.index).toBe(0);
    const results = await Promise.all([
      postActivity(url(), user.activity(undefined, { value: a })),
      postActivity(url(), user.activity(undefined, { value: b })),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const [attempt] = await readAttempts(dbFile, 'can-bo-3');
    expect(attempt!.version).toBe(1);
    expect(attempt!.answers.filter(Boolean)).toHaveLength(1);
    expect([a!.choice, b!.choice]).toContain(attempt!.answers[0]!.choice);
  });

  it('refuses a forged answer for another person, changing nothing', async () => {
    const owner = new ChatUser(url, 'can-bo-4');
    const replies = await owner.say('/luyentap');
    const payload = answerPayloads(replies)[0]!;
    const thief = new ChatUser(url, 'ke-mao-danh');
    await thief.click(payload);
    const [attempt] = await readAttempts(dbFile, 'can-bo-4');
    expect(attempt!.version).toBe(0);
    expect(await readAttempts(dbFile, 'ke-mao-danh')).toEqual([]);
  });
});
