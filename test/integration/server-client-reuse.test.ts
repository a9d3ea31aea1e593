import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { createMetrics, createServer, type BotServer } from '../../src/server';
import { messageActivity, postActivity } from '../helpers/activities';
import { startChannelConnector } from '../helpers/channel-connector';

/**
 * The outbound ConnectorClient is built once per service URL and reused by later turns, and every
 * reply still goes to the service URL of its own activity.
 */
describe('outbound clients across turns', () => {
  const clients: { serviceUrl: string; client: unknown }[] = [];
  let server: BotServer;

  beforeAll(async () => {
    server = createServer({
      bot: {
        run: async (context: TurnContext) => {
          const key = (context.adapter as unknown as { ConnectorClientKey: symbol })
            .ConnectorClientKey;
          clients.push({
            serviceUrl: context.activity.serviceUrl,
            client: context.turnState.get(key),
          });
          await context.sendActivity(`Echo: ${context.activity.text}`);
        },
      },
      onTurnError: async (_context, error) => {
        throw error;
      },
      auth: { appType: 'MultiTenant', allowAnonymous: false },
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      isReady: () => true,
    });
    await server.listen();
  });
  afterAll(() => server.close());

  it('reuses the client of a service URL, and replies where each activity came from', async () => {
    const a = await startChannelConnector();
    const b = await startChannelConnector();
    try {
      const send = (serviceUrl: string, text: string) =>
        postActivity(
          server.url,
          messageActivity(text, {
            id: randomUUID(),
            deliveryMode: undefined,
            serviceUrl,
            conversation: { id: `conv-${text}` },
          }),
        );
      for (const [url, text] of [
        [a.url, 'a1'],
        [b.url, 'b1'],
        [a.url, 'a2'],
      ] as const) {
        expect((await send(url, text)).status).toBe(200);
      }
      const toA = await a.waitForPosts(2);
      const toB = await b.waitForPosts(1);
      expect(toA.map((p) => p.body.text)).toEqual(['Echo: a1', 'Echo: a2']);
      expect(toB.map((p) => p.body.text)).toEqual(['Echo: b1']);

      const [a1, b1, a2] = clients;
      expect(a1!.client).toBeDefined();
      expect(a2!.client).toBe(a1!.client);
      expect(b1!.client).not.toBe(a1!.client);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
