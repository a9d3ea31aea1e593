import path from 'node:path';
import { quizTexts } from '../../dialogs';
import type { App } from '../../src/main';
import { openSqliteDatabase } from '../../src/storage';
import { postActivity, textsOf } from '../helpers/activities';
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
 * The direct answer path (answer buttons, and typed letters when no other dialog waits), through
 * the real composition over HTTP: it must accept and refuse exactly what the attempt dialog does,
 * and leave the conversation state as the dialogs would.
 */
describe('quiz answers over HTTP, direct path', () => {
  const tmp = makeTempDir('quiz-answer-path-');
  const dbFile = path.join(tmp.dir, 'bot.sqlite');
  const contestsDir = path.join(tmp.dir, 'contests');
  let app: App;
  const url = () => app.server.url;

  beforeAll(async () => {
    const now = Date.now();
    writeContest(contestsDir, {
      id: 'thi-nhanh',
      opensAt: now - 3_600_000,
      closesAt: now + 86_400_000,
      maxAttempts: 2,
      tiebreak: false,
    });
    await seedDirectory(dbFile, ['cb-1', 'cb-2', 'cb-3', 'cb-4', 'cb-5', 'cb-6', 'cb-7']);
    app = await startQuizApp(tmp.dir, contestsDir, { PRACTICE_QUESTIONS: '4' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    tmp.remove();
  });

  const stateRow = (conversationId: string) => {
    const db = openSqliteDatabase({ file: dbFile });
    try {
      return db
        .prepare("SELECT etag, data FROM bot_state WHERE key LIKE '%' || ? || '%'")
        .get(conversationId) as { etag: string; data: string } | undefined;
    } finally {
      db.close();
    }
  };

  it('refuses an answer to another question and a second answer, changing nothing', async () => {
    const user = new ChatUser(url, 'cb-1');
    const started = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    const first = answerPayloads(started)[0]!;
    expect(first.index).toBe(0);

    // Question 2 answered before question 1 (a forged or stale card).
    let replies = await user.click({ ...first, index: 1 });
    expect(textsOf(replies).join('\n')).toContain(quizTexts.rejection('wrong-question'));
    let [attempt] = await readAttempts(dbFile, 'cb-1');
    expect(attempt!.version).toBe(0);

    replies = await user.click(first);
    expect(answerPayloads(replies).map((p) => p.index)).toContain(1);
    // The same question again with another choice: the first answer stays.
    replies = await user.click({ ...first, choice: (first.choice + 1) % 4 });
    expect(textsOf(replies).join('\n')).toContain(quizTexts.rejection('already-answered'));
    [attempt] = await readAttempts(dbFile, 'cb-1');
    expect(attempt!.version).toBe(1);
    expect(attempt!.answers[0]!.choice).toBe(first.choice);
  });

  it('refuses a malformed payload and an unknown attempt politely', async () => {
    const user = new ChatUser(url, 'cb-2');
    const started = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    const first = answerPayloads(started)[0]!;

    let replies = await user.click({ ...first, choice: 99 });
    expect(textsOf(replies)).toEqual([quizTexts.invalidPayload]);
    replies = await user.click({ ...first, extra: 'x' });
    expect(textsOf(replies)).toEqual([quizTexts.invalidPayload]);
    replies = await user.click({ ...first, attemptId: 'khong-ton-tai' });
    expect(textsOf(replies).join('\n')).toContain(quizTexts.rejection('wrong-attempt'));

    const [attempt] = await readAttempts(dbFile, 'cb-2');
    expect(attempt!.version).toBe(0);
  });

  it('answers a replayed activity once, and a typed letter delivered twice once', async () => {
    const user = new ChatUser(url, 'cb-3');
    const started = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    const click = user.activity(undefined, { value: answerPayloads(started)[0]! });
    const once = await postActivity(url(), click);
    const again = await postActivity(url(), click);
    expect(once.status).toBe(200);
    expect(again.status).toBe(200);
    expect((again.body as { activities?: unknown[] }).activities ?? []).toEqual([]);

    const typed = user.activity('c');
    await postActivity(url(), typed);
    await postActivity(url(), typed);
    const [attempt] = await readAttempts(dbFile, 'cb-3');
    expect(attempt!.version).toBe(2);
    expect(attempt!.answers.map((a) => a?.choice ?? null)).toEqual([
      attempt!.answers[0]!.choice,
      2,
      null,
    ]);
  });

  it('refuses answers for an attempt that has ended, while another runs', async () => {
    const user = new ChatUser(url, 'cb-4');
    let replies = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    const payloads: ReturnType<typeof answerPayloads> = [];
    for (let i = 0; i < 3; i++) {
      const payload = answerPayloads(replies).find((p) => p.choice === 0)!;
      payloads.push(payload);
      replies = await user.click(payload);
    }
    expect(allText(replies)).toMatch(/điểm/i);
    const [done] = await readAttempts(dbFile, 'cb-4');
    expect(done).toMatchObject({ status: 'submitted', submitReason: 'complete', version: 4 });

    // The last card's button again: a duplicate of the recorded answer, nothing changes.
    await user.click(payloads[2]!);
    // A second attempt runs; another choice on a card of the first one is refused.
    replies = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    expect(answerPayloads(replies)[0]!.attemptId).not.toBe(done!.id);
    replies = await user.click({ ...payloads[0]!, choice: 1 });
    expect(textsOf(replies).join('\n')).toContain(quizTexts.rejection('already-answered'));
    const attempts = await readAttempts(dbFile, 'cb-4');
    expect(attempts.map((a) => a.version)).toEqual([4, 0]);
  });

  it('cancels a waiting contest confirmation, as the dialogs did', async () => {
    const user = new ChatUser(url, 'cb-5');
    const practice = await user.say('/luyentap');
    const payload = answerPayloads(practice)[0]!;
    await user.say('/huy');
    // The confirmation card waits for "có"; an old answer button comes first.
    expect(allText(await user.say('/thi thi-nhanh'))).toContain('Cuộc thi thử nghiệm qua HTTP');
    const replies = await user.click(payload);
    expect(textsOf(replies).join('\n')).toContain(quizTexts.rejection('no-active-attempt'));
    // "có" is no longer an answer to the confirmation: no contest starts.
    await user.say('có');
    const attempts = await readAttempts(dbFile, 'cb-5');
    expect(attempts.map((a) => a.mode)).toEqual(['practice']);
  });

  it('leaves the conversation state unwritten while answers come in', async () => {
    const user = new ChatUser(url, 'cb-6');
    const started = await user.say('/luyentap');
    const replies = await user.click(answerPayloads(started)[0]!);
    const before = stateRow('conv-cb-6');
    expect(before).toBeDefined();
    await user.click(answerPayloads(replies).find((p) => p.index === 1)!);
    await user.say('a');
    expect(stateRow('conv-cb-6')).toEqual(before);
    const [attempt] = await readAttempts(dbFile, 'cb-6');
    expect(attempt!.version).toBe(3);
  });

  it('leaves the state of a contest started by its button unwritten until the attempt ends', async () => {
    const user = new ChatUser(url, 'cb-7');
    const started = await user.click({ type: 'contest-start', contestId: 'thi-nhanh' });
    const before = stateRow('conv-cb-7');
    // The contest dialog waits, running the attempt dialog it started.
    expect(before?.data).toMatch(/"id":"CONTEST_DIALOG"[\s\S]*"id":"ATTEMPT_DIALOG"/);
    const replies = await user.click(answerPayloads(started)[0]!);
    expect(textsOf(replies).join('\n')).toMatch(/Câu 2\/3/);
    const typed = await user.say('a');
    expect(textsOf(typed).join('\n')).toMatch(/Câu 3\/3/);
    expect(stateRow('conv-cb-7')).toEqual(before);

    // The last answer ends the attempt, and with it the dialogs.
    const done = await user.say('b');
    expect(textsOf(done).join('\n')).toContain('Kết quả bài thi');
    expect(JSON.parse(stateRow('conv-cb-7')!.data)).toMatchObject({
      dialogState: { dialogStack: [] },
    });
    const [attempt] = await readAttempts(dbFile, 'cb-7');
    expect(attempt).toMatchObject({ status: 'submitted' });
    expect(attempt!.answers.every(Boolean)).toBe(true);
  });
});
