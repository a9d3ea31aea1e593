import path from 'node:path';
import { startChannelConnector } from '../helpers/channel-connector';
import {
  allText,
  answerPayloads,
  ChatUser,
  KNOWLEDGE_DIR,
  readAttempts,
  seedDirectory,
  startBotProcess,
  writeContest,
  type BotProcess,
} from '../helpers/quiz-app';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The server process is killed with SIGKILL in the middle of two contests and started again on
 * the same data directory: one person carries on at the same question with the same deadline and
 * finishes; the other's deadline passed while the server was down, so the new process submits
 * his attempt at start-up and tells him at the conversation's `serviceUrl`.
 */
describe('kill -9 and restart in the middle of a contest', () => {
  const tmp = makeTempDir('quiz-restart-');
  const dataDir = path.join(tmp.dir, 'data');
  const contestsDir = path.join(tmp.dir, 'contests');
  let connector: Awaited<ReturnType<typeof startChannelConnector>>;
  let bot: BotProcess | undefined;
  const env = () => ({ DATA_DIR: dataDir, KNOWLEDGE_DIR, CONTESTS_DIR: contestsDir });

  beforeAll(async () => {
    connector = await startChannelConnector();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.close();
    tmp.remove();
  });

  it('continues at the same question after a restart, and finalises what expired meanwhile', async () => {
    const now = Date.now();
    // Long enough for the first process to start; the second one starts after it.
    const shortClose = Math.ceil((now + 45_000) / 1000) * 1000;
    writeContest(contestsDir, { id: 'thi-dai', opensAt: now - 60_000, closesAt: now + 86_400_000 });
    writeContest(contestsDir, { id: 'thi-ngan', opensAt: now - 60_000, closesAt: shortClose });
    await seedDirectory(path.join(dataDir, 'bot.sqlite'), ['can-bo-1', 'can-bo-2']);
    const dbFile = path.join(dataDir, 'bot.sqlite');

    bot = await startBotProcess(env());
    const url = () => bot!.url;
    const steady = new ChatUser(url, 'can-bo-1');
    const hurried = new ChatUser(url, 'can-bo-2', {
      channelId: 'msteams',
      serviceUrl: connector.url,
    });

    let replies = await steady.click({ type: 'contest-start', contestId: 'thi-dai' });
    replies = await steady.click(answerPayloads(replies)[0]!);
    const second = answerPayloads(replies)[0]!;
    expect(second.index).toBe(1);
    const hurriedReplies = await hurried.click({ type: 'contest-start', contestId: 'thi-ngan' });
    expect(answerPayloads(hurriedReplies)[0]).toMatchObject({ index: 0 });
    expect(Date.now()).toBeLessThan(shortClose); // else the machine was too slow to start
    const [before] = await readAttempts(dbFile, 'can-bo-1');

    await bot.kill9();
    bot = undefined;
    await new Promise((r) => setTimeout(r, Math.max(0, shortClose - Date.now() + 500)));
    expect(connector.posts).toEqual([]);

    bot = await startBotProcess(env());
    // Start-up: the attempt that expired while the server was down is submitted and announced.
    const posts = await connector.waitForPosts(1, 15_000);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toMatch(/^\/v3\/conversations\/conv-can-bo-2\/activities/);
    expect(JSON.stringify(posts[0]!.body)).toContain('Cuộc thi thử nghiệm qua HTTP');
    const [expired] = await readAttempts(dbFile, 'can-bo-2');
    expect(expired).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
    expect(expired!.submittedAt).toBe(shortClose);

    // The other person carries on where he was, against the same deadline.
    const [after] = await readAttempts(dbFile, 'can-bo-1');
    expect(after).toEqual(before);
    replies = await steady.click(second);
    const third = answerPayloads(replies)[0]!;
    expect(third.index).toBe(2);
    replies = await steady.click(third);
    expect(allText(replies)).toContain('Dự đoán số người tham gia cuộc thi?');
    replies = await steady.say('250');
    const [done] = await readAttempts(dbFile, 'can-bo-1');
    expect(done).toMatchObject({
      status: 'submitted',
      submitReason: 'complete',
      tiebreakAnswer: 250,
      deadline: before!.deadline,
      startedAt: before!.startedAt,
      seed: before!.seed,
    });
    expect(done!.plan).toEqual(before!.plan);
    expect(done!.answers.filter(Boolean)).toHaveLength(3);
  }, 180_000);
});
