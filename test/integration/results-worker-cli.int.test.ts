import { NodeProcess } from '../helpers/node-process';
import { RedisServer } from '../helpers/redis-server';
import { makeTempDir } from '../helpers/temp-dir';

jest.setTimeout(60_000);

describe('npm run worker (src/cli/worker.ts)', () => {
  const tmp = makeTempDir('tro-ly-cds-worker-cli-');
  afterAll(() => tmp.remove());

  it('refuses to start without REDIS_URL, saying why', async () => {
    const worker = new NodeProcess('src/cli/worker.ts', { DATA_DIR: tmp.dir });
    expect(await worker.exited).toEqual({ code: 1, signal: null });
    expect(worker.stderr.join('')).toContain('REDIS_URL is not set');
  });

  it('starts, reports ready and stops cleanly on SIGTERM', async () => {
    const redis = await RedisServer.start();
    try {
      const worker = new NodeProcess('src/cli/worker.ts', {
        DATA_DIR: tmp.dir,
        REDIS_URL: redis.url,
        RESULTS_CONCURRENCY: '7',
        LOG_LEVEL: 'info',
      });
      const ready = await worker.waitForLog((l) => l.msg === 'results worker ready');
      expect(ready).toMatchObject({ concurrency: 7, stored: 0 });
      expect(await worker.kill('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(worker.lines.some((l) => l.msg === 'results worker stopped')).toBe(true);
    } finally {
      await redis.remove();
    }
  });
});
