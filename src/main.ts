/**
 * Composition root: reads the configuration, builds the adapters (SQLite storage and feedback
 * store, the knowledge base, Prometheus metrics), the bot and the HTTP server, and starts them.
 * The only module that knows which adapter is in use.
 */
import path from 'node:path';
import { ConversationState } from 'botbuilder';
import dotenv from 'dotenv';
import { AssistantBot, createTurnErrorHandler } from './bot';
import { loadConfig, type AppConfig } from './config';
import { ConfigError, KnowledgeError } from './errors';
import { OpenAiEmbedder, openKnowledgeBase, type KnowledgeBase } from './knowledge';
import type { QuestionAnswerer } from './knowledge/types';
import { createLogger, type Logger } from './logger';
import { startResults, type ResultsRuntime } from './results';
import { createMetrics, createServer, type BotServer } from './server';
import { openSqliteDatabase, SqliteFeedbackStore, SqliteStorage } from './storage';

/** A running assistant. */
export interface App {
  server: BotServer;
  /** The competency results pipeline (outbox, relay, result store). */
  results: ResultsRuntime;
  /** Resolves when the knowledge base is loaded (`/readyz` turns 200); rejects if it fails. */
  ready: Promise<KnowledgeBase>;
  /** Stops the server, then closes the knowledge base and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the assistant: the server listens at once (`/healthz` answers, `/readyz` is 503) while the
 * knowledge base loads; questions that arrive meanwhile wait for it.
 */
export async function startApp(config: AppConfig, logger: Logger): Promise<App> {
  const db = openSqliteDatabase({ file: path.join(config.dataDir, 'bot.sqlite') });
  let knowledge: KnowledgeBase | undefined;
  let server: BotServer | undefined;
  let results: ResultsRuntime | undefined;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      await server?.close();
      await results?.close();
      (knowledge as { close?: () => void } | undefined)?.close?.();
      db.close();
      logger.info('stopped');
    })();
    return closing;
  };

  try {
    const conversationState = new ConversationState(new SqliteStorage(db));
    const feedbackStore = new SqliteFeedbackStore(db);
    const metrics = createMetrics();
    results = await startResults({
      db,
      resultsFile: path.join(config.dataDir, 'results.sqlite'),
      settings: config.results,
      admin: config.admin,
      logger,
      registry: metrics.registry,
    });

    const ready = openKnowledgeBase({
      knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir,
      logger: logger.child({ component: 'knowledge' }),
      minScore: config.answer.minScore,
      maxCitations: config.answer.maxCitations,
      embedder: config.embedding ? new OpenAiEmbedder(config.embedding) : undefined,
    }).then((kb) => {
      knowledge = kb;
      return kb;
    });
    // Questions asked while the index loads wait for it instead of failing.
    const answerer: QuestionAnswerer = {
      ask: async (question, context) => (await ready).answerer.ask(question, context),
    };

    const bot = new AssistantBot({
      answerer,
      feedbackStore,
      conversationState,
      metrics,
      logger: logger.child({ component: 'bot' }),
      maxMessageChars: config.maxMessageChars,
    });
    server = createServer({
      bot,
      onTurnError: createTurnErrorHandler({ logger, conversationState }),
      auth: config.auth,
      host: config.host,
      port: config.port,
      logger,
      metrics,
      isReady: () => knowledge !== undefined,
      mounts: [results.adminMount],
    });
    await server.listen();
    // Handled by the caller through `ready`; this only keeps an early failure from going unhandled.
    ready.catch(() => undefined);
    return { server, results, ready, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function printProblem(err: unknown): void {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    printProblem(err);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);

  let app: App;
  try {
    app = await startApp(config, logger);
  } catch (err) {
    if (err instanceof ConfigError) printProblem(err);
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: string, code = 0) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(code),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    stop('uncaughtException', 1);
  });

  try {
    const kb = await app.ready;
    logger.info({ ...kb.stats, url: app.server.url }, 'ready');
  } catch (err) {
    if (err instanceof KnowledgeError) printProblem(err);
    logger.fatal({ err }, 'could not load the knowledge base');
    stop('knowledge', 1);
  }
}

if (require.main === module) void main();
