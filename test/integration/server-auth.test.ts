import { Registry } from 'prom-client';
import { ConfigError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import {
  createMetrics,
  createServer,
  isLoopbackHost,
  type BotServerOptions,
} from '../../src/server';
import { messageActivity, postActivity } from '../helpers/activities';
import { LogCapture, startHarness } from '../helpers/bot-harness';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

function options(over: Partial<BotServerOptions>): BotServerOptions {
  return {
    bot: { run: async () => undefined },
    onTurnError: async () => undefined,
    auth: { appType: 'MultiTenant', allowAnonymous: false },
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('silent'),
    metrics: createMetrics(new Registry()),
    isReady: () => true,
    ...over,
  };
}

describe('authentication', () => {
  it('rejects a POST without Authorization when an app id is configured', async () => {
    const h = await startHarness({ auth: { appId: 'test-app-id', appPassword: 'secret' } });
    try {
      const res = await postActivity(h.url, messageActivity('Chữ ký số là gì?'));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized', requestId: expect.any(String) });

      const forged = await postActivity(h.url, messageActivity('Chữ ký số là gì?'), {
        Authorization: `Bearer ${b64({ alg: 'none' })}.${b64({ aud: 'test-app-id' })}.`,
      });
      expect(forged.status).toBe(401);
      expect(forged.body).toMatchObject({ error: 'unauthorized' });
      expect(await h.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    } finally {
      await h.close();
    }
  });

  it('refuses to start anonymously on 0.0.0.0 without ALLOW_ANONYMOUS', () => {
    let error: unknown;
    try {
      createServer(options({ host: '0.0.0.0' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/MicrosoftAppId is not set/);
    expect((error as ConfigError).message).toMatch(/ALLOW_ANONYMOUS/);
  });

  it('starts anonymously on 0.0.0.0 with ALLOW_ANONYMOUS, and says so in the log', async () => {
    const logs = new LogCapture();
    const server = createServer(
      options({
        host: '0.0.0.0',
        auth: { appType: 'MultiTenant', allowAnonymous: true },
        logger: createLogger('info', logs),
      }),
    );
    const address = await server.listen();
    try {
      expect(address.port).toBeGreaterThan(0);
      const warning = logs.lines.find((l) => l.level === 40);
      expect(String(warning?.msg)).toMatch(/authentication is OFF/);
    } finally {
      await server.close();
    }
  });

  it('warns when running anonymously on loopback too', async () => {
    const logs = new LogCapture();
    const server = createServer(options({ logger: createLogger('info', logs) }));
    await server.listen();
    await server.close();
    expect(
      logs.lines.some((l) => l.level === 40 && /authentication is OFF/.test(String(l.msg))),
    ).toBe(true);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['bot.gov.vn', false],
  ])('treats %s as loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
