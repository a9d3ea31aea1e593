import path from 'node:path';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { AssistantBot, createTurnErrorHandler, SnapshotConversationState } from '../../src/bot';
import type { AppConfig } from '../../src/config';
import type { QuestionAnswerer } from '../../src/knowledge/types';
import { createLogger, type Logger } from '../../src/logger';
import { createMetrics, createServer, type BotMetrics, type BotServer } from '../../src/server';
import {
  openSqliteDatabase,
  SqliteFeedbackStore,
  SqliteStorage,
  type SqliteDatabase,
} from '../../src/storage';
import { FakeAnswerer } from './fake-answerer';
import { makeTempDir } from './temp-dir';

/** Log lines written during a test, parsed. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

export interface HarnessOptions {
  answerer?: QuestionAnswerer;
  auth?: Partial<AppConfig['auth']>;
  host?: string;
  maxMessageChars?: number;
  ready?: boolean;
  logLevel?: string;
}

export interface Harness {
  server: BotServer;
  url: string;
  dbFile: string;
  db: SqliteDatabase;
  answerer: QuestionAnswerer;
  metrics: BotMetrics;
  logs: LogCapture;
  logger: Logger;
  setReady: (ready: boolean) => void;
  close: () => Promise<void>;
}

/**
 * The real server, bot, SQLite storage and feedback store (a file in a unique temp dir) with a
 * fake answerer, listening on 127.0.0.1 port 0.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tmp = makeTempDir('tro-ly-cds-server-');
  const dbFile = path.join(tmp.dir, 'bot.sqlite');
  const db = openSqliteDatabase({ file: dbFile });
  const logs = new LogCapture();
  const logger = createLogger(options.logLevel ?? 'debug', logs);
  const conversationState = new SnapshotConversationState(new SqliteStorage(db));
  const metrics = createMetrics(new Registry());
  const answerer = options.answerer ?? new FakeAnswerer();
  let ready = options.ready ?? true;
  const bot = new AssistantBot({
    answerer,
    feedbackStore: new SqliteFeedbackStore(db),
    conversationState,
    metrics,
    logger,
    maxMessageChars: options.maxMessageChars ?? 2000,
  });
  const server = createServer({
    bot,
    onTurnError: createTurnErrorHandler({ logger, conversationState }),
    auth: { appType: 'MultiTenant', allowAnonymous: false, ...options.auth },
    host: options.host ?? '127.0.0.1',
    port: 0,
    logger,
    metrics,
    isReady: () => ready,
  });
  await server.listen();
  return {
    server,
    url: server.url,
    dbFile,
    db,
    answerer,
    metrics,
    logs,
    logger,
    setReady: (r) => {
      ready = r;
    },
    close: async () => {
      await server.close();
      db.close();
      tmp.remove();
    },
  };
}
