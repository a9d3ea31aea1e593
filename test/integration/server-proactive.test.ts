import { startHarness, type Harness } from '../helpers/bot-harness';
import { startChannelConnector } from '../helpers/channel-connector';

/** `BotServer.continueConversation`: proactive messages through the server's adapter. */
describe('proactive messages', () => {
  let harness: Harness;
  let connector: Awaited<ReturnType<typeof startChannelConnector>>;
  const reference = (serviceUrl: string) => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'conv-proactive', isGroup: false, conversationType: 'personal', name: '' },
    user: { id: 'user-1', name: 'Nguyễn Văn A' },
    bot: { id: 'bot-1', name: 'Trợ lý CĐS' },
  });

  beforeAll(async () => {
    harness = await startHarness();
    connector = await startChannelConnector();
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });

  it('posts to the conversation at its serviceUrl', async () => {
    await harness.server.continueConversation(reference(connector.url), async (context) => {
      await context.sendActivity('Đã hết giờ làm bài.');
    });
    const [post] = await connector.waitForPosts(1);
    // botbuilder answers its continuation activity: the path may end with that activity's id.
    expect(post?.path).toMatch(/^\/v3\/conversations\/conv-proactive\/activities(\/|$)/);
    expect(post).toMatchObject({
      body: { type: 'message', text: 'Đã hết giờ làm bài.', recipient: { id: 'user-1' } },
    });
  });

  it('rejects when the channel cannot be reached, for the caller to retry', async () => {
    await expect(
      harness.server.continueConversation(reference('http://127.0.0.1:9'), async (context) => {
        await context.sendActivity('Không tới được.');
      }),
    ).rejects.toThrow();
  });

  it('hands a failure inside the turn to the caller instead of the turn error handler', async () => {
    await expect(
      harness.server.continueConversation(reference(connector.url), async () => {
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    expect(harness.logs.lines.filter((l) => l.msg === 'turn failed')).toEqual([]);
  });
});
