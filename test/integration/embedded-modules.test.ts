import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Starts the assembled assistant in a fresh Node process with the embedded defaults (no
 * REDIS_URL, no embedding model), answers one question, and lists the npm packages it loaded.
 */
function packagesLoadedByEmbeddedApp(dataDir: string): string[] {
  const script = `
    const { loadConfig } = require('./src/config');
    const { createLogger } = require('./src/logger');
    const { startApp } = require('./src/main');
    (async () => {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: process.env.DATA_DIR });
      const app = await startApp(config, createLogger('silent'));
      await app.ready;
      const res = await fetch(app.server.url + '/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id: 'a1', channelId: 'webchat', deliveryMode: 'expectReplies',
          conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' },
          text: 'Chữ ký số có giá trị pháp lý không?',
        }),
      });
      if (res.status !== 200) throw new Error('HTTP ' + res.status);
      await app.close();
      const packages = new Set();
      for (const file of Object.keys(require.cache)) {
        const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
        if (m) packages.add(m[1].replace(/\\\\/g, '/'));
      }
      process.stdout.write(JSON.stringify([...packages]));
    })().catch((err) => { console.error(err); process.exit(1); });
  `;
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
}

describe('what the embedded deployment loads', () => {
  const tmp = makeTempDir('tro-ly-cds-modules-');
  afterAll(() => tmp.remove());

  it('answers a question without loading the at-scale adapters or unused dialog parts', () => {
    const loaded = packagesLoadedByEmbeddedApp(tmp.dir);
    // Sanity: the embedded stack itself is there.
    expect(loaded).toEqual(expect.arrayContaining(['botbuilder', 'restify', 'better-sqlite3']));
    // Each of these costs megabytes of heap and is needed only with REDIS_URL, an embedding
    // model, the queue dashboard, a chart or an Excel export, or botbuilder's prompts.
    const unused = [
      'bullmq',
      'ioredis',
      '@bull-board/api',
      '@bull-board/express',
      'express',
      'openai',
      'pg',
      'exceljs',
      'vega',
      'vega-lite',
      '@resvg/resvg-js',
      '@microsoft/recognizers-text-suite',
    ];
    expect(loaded.filter((p) => unused.includes(p))).toEqual([]);
  });
});
