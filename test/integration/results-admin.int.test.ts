import { createLogger } from '../../src/logger';
import { startResults, type ResultsRuntime } from '../../src/results';
import { createMetrics, createServer, type BotServer } from '../../src/server';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage';
import { makeResultEvent } from '../helpers/result-events';
import { RedisServer } from '../helpers/redis-server';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

const PASSWORD = 'mat-khau-quan-tri-2026';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * `/admin/queues` and the results metrics over real HTTP: the bot server (restify) with the
 * results runtime mounted, as `startApp` builds it.
 */
describe('operators: /admin/queues and /metrics', () => {
  let redis: RedisServer | undefined;
  let tmp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let runtime: ResultsRuntime;
  let server: BotServer;

  async function start(options: { redis: boolean; password?: string }): Promise<string> {
    tmp = makeTempDir('tro-ly-cds-admin-');
    if (options.redis) redis = await RedisServer.start();
    db = openSqliteDatabase({ file: `${tmp.dir}/bot.sqlite` });
    const metrics = createMetrics();
    const logger = createLogger('silent');
    runtime = await startResults({
      db,
      resultsFile: `${tmp.dir}/results.sqlite`,
      settings: {
        redisUrl: redis?.url,
        concurrency: 5,
        attempts: 3,
        backoffMs: 100,
        lockMs: 30_000,
      },
      admin: { user: 'admin', password: options.password },
      logger,
      registry: metrics.registry,
    });
    server = createServer({
      bot: { run: async () => undefined },
      onTurnError: async () => undefined,
      auth: { appType: 'MultiTenant', allowAnonymous: false },
      host: '127.0.0.1',
      port: 0,
      logger,
      metrics,
      isReady: () => true,
      mounts: [runtime.adminMount],
    });
    await server.listen();
    return server.url;
  }

  afterEach(async () => {
    await server.close();
    await runtime.close();
    db.close();
    await redis?.remove();
    redis = undefined;
    tmp.remove();
  });

  it('serves Bull Board only with the right credentials, next to the bot routes', async () => {
    const url = await start({ redis: true, password: PASSWORD });
    const none = await fetch(`${url}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(none.headers.get('x-request-id')).toBeTruthy();
    expect(await none.json()).toMatchObject({ error: 'unauthorized' });
    const wrong = await fetch(`${url}/admin/queues`, {
      headers: { authorization: basic('admin', 'mat-khau-sai-000') },
    });
    expect(wrong.status).toBe(401);

    const auth = { authorization: basic('admin', PASSWORD) };
    const page = await fetch(`${url}/admin/queues`, { headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/" />');
    expect(html).toContain('<title>Trợ lý CĐS</title>');
    const asset = /static\/js\/main\.[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const script = await fetch(`${url}/admin/queues/${asset!}`, { headers: auth });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${url}/admin/queues/${asset!}`)).status).toBe(401);

    runtime.outbox.enqueue(makeResultEvent(1));
    runtime.relay.notify();
    await waitFor(() => runtime.outbox.backlog() === 0, 'relayed');
    const api = await fetch(`${url}/admin/queues/api/queues?activeQueue=competency-results`, {
      headers: auth,
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; counts: { waiting: number } }[] };
    expect(body.queues.map((q) => [q.name, q.counts.waiting])).toEqual([['competency-results', 1]]);
    // A write through the dashboard (JSON body parsed by Bull Board) reaches the queue.
    const pause = await fetch(`${url}/admin/queues/api/queues/competency-results/pause`, {
      method: 'PUT',
      headers: auth,
    });
    expect(pause.status).toBe(200);
    expect(await runtime.queue!.isPaused()).toBe(true);
    expect((await fetch(`${url}/admin/queues/api/nothing-here`, { headers: auth })).status).toBe(
      404,
    );

    // The bot's own routes are untouched by the mount.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/admin/queuesX`)).status).toBe(404);
  });

  it('refuses every request when no password is configured', async () => {
    const url = await start({ redis: true });
    const res = await fetch(`${url}/admin/queues`, {
      headers: { authorization: basic('admin', '') },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'admin_disabled' });
    expect((await fetch(`${url}/admin/queues/api/queues`)).status).toBe(403);
  });

  it('says there is no queue in the embedded mode (after authentication)', async () => {
    const url = await start({ redis: false, password: PASSWORD });
    expect((await fetch(`${url}/admin/queues`)).status).toBe(401);
    const res = await fetch(`${url}/admin/queues`, {
      headers: { authorization: basic('admin', PASSWORD) },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'no_queue' });
  });

  it('exposes outbox backlog, queue waiting/failed and results stored in /metrics', async () => {
    const url = await start({ redis: true, password: PASSWORD });
    await runtime.relay.stop();
    runtime.outbox.enqueue(makeResultEvent(1));
    runtime.outbox.enqueue(makeResultEvent(2));
    let text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^results_outbox_backlog 2$/m);
    expect(text).toMatch(/^results_stored 0$/m);
    expect(text).toMatch(/^results_dead_letters 0$/m);
    expect(text).toMatch(/^results_queue_up 1$/m);
    expect(text).toMatch(/^results_queue_jobs\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^results_queue_jobs\{state="failed"\} 0$/m);

    runtime.relay.start();
    await waitFor(() => runtime.outbox.backlog() === 0, 'relayed');
    text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^results_outbox_backlog 0$/m);
    expect(text).toMatch(/^results_queue_jobs\{state="waiting"\} 2$/m);

    await redis!.stop('SIGKILL');
    text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^results_queue_up 0$/m);
    expect(text).not.toMatch(/^results_queue_jobs/m);

    await redis!.restart();
    await waitFor(
      async () => /^results_queue_up 1$/m.test(await (await fetch(`${url}/metrics`)).text()),
      'queue metrics back',
    );
  });

  it('counts results stored in the embedded mode', async () => {
    const url = await start({ redis: false });
    runtime.outbox.enqueue(makeResultEvent(1));
    runtime.relay.notify();
    await waitFor(async () => (await runtime.results.count()) === 1, 'stored in-process');
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^results_stored 1$/m);
    expect(text).not.toMatch(/^results_queue_up/m);
  });
});
