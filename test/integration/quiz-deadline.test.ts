import path from 'node:path';
import type { App } from '../../src/main';
import { startChannelConnector } from '../helpers/channel-connector';
import {
  answerPayloads,
  ChatUser,
  readAttempts,
  seedDirectory,
  startQuizApp,
  writeContest,
} from '../helpers/quiz-app';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The deadline passes with no message from the person: the server submits the attempt by itself
 * and the person gets a proactive message at the conversation's `serviceUrl` (a loopback stand-in
 * for the channel's connector). Time limits are whole minutes, so the contest CLOSES a few
 * seconds after the start instead: an attempt never runs past the close, so that is its deadline.
 */
describe('a contest deadline passing with nobody writing', () => {
  const tmp = makeTempDir('quiz-deadline-');
  const dbFile = path.join(tmp.dir, 'bot.sqlite');
  const contestsDir = path.join(tmp.dir, 'contests');
  // Room for the knowledge base to load before the contest is started.
  const closesAt = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
  let app: App;
  let connector: Awaited<ReturnType<typeof startChannelConnector>>;

  beforeAll(async () => {
    connector = await startChannelConnector();
    writeContest(contestsDir, { id: 'thi-sap-dong', opensAt: Date.now() - 60_000, closesAt });
    await seedDirectory(dbFile, ['can-bo-1']);
    app = await startQuizApp(tmp.dir, contestsDir);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await connector.close();
    tmp.remove();
  });

  it('submits the attempt and POSTs the result to the serviceUrl', async () => {
    const user = new ChatUser(() => app.server.url, 'can-bo-1', {
      channelId: 'msteams',
      serviceUrl: connector.url,
    });
    const replies = await user.click({ type: 'contest-start', contestId: 'thi-sap-dong' });
    expect(Date.now()).toBeLessThan(closesAt); // else the machine was too slow to start
    const first = answerPayloads(replies)[0];
    expect(first).toMatchObject({ index: 0 });
    await user.click(first!);
    expect(connector.posts).toEqual([]);

    const posts = await connector.waitForPosts(1, closesAt - Date.now() + 10_000);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.path).toMatch(/^\/v3\/conversations\/conv-can-bo-1\/activities/);
    expect(post!.body).toMatchObject({ type: 'message', conversation: { id: 'conv-can-bo-1' } });
    expect(JSON.stringify(post!.body)).toContain('Cuộc thi thử nghiệm qua HTTP');

    const [attempt] = await readAttempts(dbFile, 'can-bo-1');
    expect(attempt).toMatchObject({
      status: 'submitted',
      submitReason: 'deadline',
      submittedAt: closesAt,
      deadline: closesAt,
    });
    expect(attempt!.answers.map((a) => a !== null)).toEqual([true, false, false]);

    // Sent once: the next sweeps have nothing to say.
    await new Promise((r) => setTimeout(r, 500));
    expect(connector.posts).toHaveLength(1);
  }, 60_000);
});
