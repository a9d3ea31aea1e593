/**
 * Composition root: reads the configuration, builds the adapters (SQLite storage and feedback
 * store, the knowledge base, the quiz service and its stores, the directory, Prometheus metrics),
 * the bot and the HTTP server, and starts them. The only module that knows which adapter is in use.
 */
import { randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import dotenv from 'dotenv';
import { contestExpiredReply, type DescribeSource, type QuizTopicInfo } from '../dialogs';
import { reportChartTexts, reportWorkbookTexts } from '../dialogs/report-texts';
import {
  AssistantBot,
  createTurnErrorHandler,
  deferReportService,
  SnapshotConversationState,
} from './bot';
import { loadConfig, type AppConfig } from './config';
import { ConfigError, KnowledgeError } from './errors';
import { OpenAiEmbedder, openKnowledgeBase, type KnowledgeBase } from './knowledge';
import type { KnowledgeDocument, QuestionAnswerer } from './knowledge/types';
import { createLogger, type Logger } from './logger';
import {
  DeadlineScheduler,
  deferQuizService,
  loadContests,
  loadQuizBank,
  MAX_SEED,
  QuizServiceImpl,
  score,
  type Contest,
  type QuizBank,
} from './quiz';
import { buildReportWorkbook, ReportChartRenderer, ReportServiceImpl } from './reports';
import {
  KyselyContestStats,
  KyselyReportAuditLog,
  resultEventFromAttempt,
  startResults,
  type ResultsRuntime,
} from './results';
import {
  createFileDownloads,
  createMetrics,
  createServer,
  ExportFiles,
  FileLinkSigner,
  type BotServer,
} from './server';
import {
  openSqliteDatabase,
  SqliteActivityDedup,
  SqliteAttemptStore,
  SqliteDirectoryRepository,
  SqliteFeedbackStore,
  SqliteStorage,
  type SqliteDatabase,
} from './storage';

/** A running assistant. */
export interface App {
  server: BotServer;
  /** The competency results pipeline (outbox, relay, result store). */
  results: ResultsRuntime;
  /**
   * Resolves when the knowledge base, the quiz bank and the contests are loaded (`/readyz` turns
   * 200); rejects with a `KnowledgeError` listing `file:line` problems if any fails.
   */
  ready: Promise<KnowledgeBase>;
  /** Stops the server, the scheduler and the results pipeline, then closes the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the assistant: the server listens at once (`/healthz` answers, `/readyz` is 503) while the
 * knowledge base and the quizzes load; questions and quiz commands that arrive meanwhile wait.
 * Once the quizzes are loaded, the deadline scheduler finalises the attempts whose time ran out
 * while the server was down (and tells each person), then watches the running ones.
 */
export async function startApp(config: AppConfig, logger: Logger): Promise<App> {
  const db = openSqliteDatabase({ file: path.join(config.dataDir, 'bot.sqlite') });
  let knowledge: KnowledgeBase | undefined;
  let server: BotServer | undefined;
  let results: ResultsRuntime | undefined;
  let scheduler: DeadlineScheduler | undefined;
  let exportFiles: ExportFiles | undefined;
  let chart: ReportChartRenderer | undefined;
  let feedbackStore: SqliteFeedbackStore | undefined;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      await server?.close();
      await scheduler?.stop();
      await exportFiles?.stop();
      await chart?.close();
      await results?.close();
      feedbackStore?.close();
      db.close();
      logger.info('stopped');
    })();
    return closing;
  };

  try {
    const conversationState = new SnapshotConversationState(new SqliteStorage(db));
    feedbackStore = new SqliteFeedbackStore(db);
    const metrics = createMetrics();
    results = await startResults({
      db,
      resultsFile: path.join(config.dataDir, 'results.sqlite'),
      settings: config.results,
      admin: config.admin,
      logger,
      registry: metrics.registry,
    });

    const directory = new SqliteDirectoryRepository(db);
    const activityDedup = new SqliteActivityDedup(db);
    // Filled once the knowledge base and the quiz bank are loaded.
    const quizTopics: QuizTopicInfo[] = [];
    const contestTitles = new Map<string, string>();
    const documents = new Map<string, KnowledgeDocument>();
    const describeSource: DescribeSource = (docId) => {
      const doc = documents.get(docId);
      return doc && { number: doc.number, title: doc.title, url: doc.source };
    };

    const knowledgeReady = openKnowledgeBase({
      knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir,
      logger: logger.child({ component: 'knowledge' }),
      minScore: config.answer.minScore,
      maxCitations: config.answer.maxCitations,
      embedder: config.embedding ? new OpenAiEmbedder(config.embedding) : undefined,
    });
    const quizLoaded = knowledgeReady.then(async (kb) => {
      for (const doc of kb.corpus.documents) documents.set(doc.id, doc);
      const quiz = await openQuiz(config, kb.corpus.documents, db, directory, results!, (at) =>
        scheduler?.wake(at),
      );
      quizTopics.push(...quiz.topics);
      for (const c of quiz.contests) contestTitles.set(c.id, c.title);
      return quiz;
    });
    const quizReady = quizLoaded.then((quiz) => quiz.service);
    const ready = Promise.all([knowledgeReady, quizReady]).then(([kb]) => {
      knowledge = kb;
      return kb;
    });
    // Questions asked while the index loads wait for it instead of failing.
    const answerer: QuestionAnswerer = {
      ask: async (question, context) => (await knowledgeReady).answerer.ask(question, context),
    };

    // Unit reports: the service needs the contests and the question bank, so it waits for them.
    const reportAudit = new KyselyReportAuditLog(results.reportingDb);
    const reportStats = new KyselyContestStats(results.reportingDb);
    const reportChart = new ReportChartRenderer({ texts: reportChartTexts });
    chart = reportChart;
    const reportService = deferReportService(
      quizLoaded.then(
        (quiz) =>
          new ReportServiceImpl({
            stats: reportStats,
            audit: reportAudit,
            directory,
            contests: quiz.contests,
            topicNames: new Map(quiz.topics.map((t) => [t.id, t.name])),
            questionLookup: questionLookup(quiz.bank),
            renderChart: (report) => reportChart.render(report),
            buildWorkbook: (data) => buildReportWorkbook({ ...data, texts: reportWorkbookTexts }),
            clock: Date.now,
          }),
      ),
    );
    const files = openExportFiles(config, logger, () => server?.address?.port);
    exportFiles = files.exportFiles;

    const bot = new AssistantBot({
      answerer,
      feedbackStore,
      conversationState,
      metrics,
      logger: logger.child({ component: 'bot' }),
      maxMessageChars: config.maxMessageChars,
      quizService: deferQuizService(quizReady),
      activityDedup,
      directory,
      quizTopics,
      describeSource,
      myResults: { store: results.results, contestTitle: (id) => contestTitles.get(id) },
      reports: {
        service: reportService,
        files: files.exportFiles,
        isContestId: async (id) => {
          await quizLoaded;
          return contestTitles.has(id);
        },
      },
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
      mounts: [
        results.adminMount,
        createFileDownloads({
          files: files.exportFiles,
          signer: files.signer,
          audit: reportAudit,
          directory,
          logger,
        }),
      ],
    });
    await server.listen();
    files.exportFiles.start();
    const botServer = server;
    quizReady.then(
      (service) => {
        if (closing) return;
        scheduler = new DeadlineScheduler({
          source: service,
          clock: Date.now,
          logger: logger.child({ component: 'quiz-deadlines' }),
          notify: (expired) =>
            botServer.continueConversation(
              expired.conversation as Partial<ConversationReference>,
              async (context) => {
                const candidateName = directory.getPersonSync(expired.attempt.userId)?.fullName;
                await context.sendActivity(
                  contestExpiredReply(expired, {
                    topics: quizTopics,
                    describeSource,
                    candidateName,
                  }),
                );
              },
            ),
        });
        void scheduler.start();
      },
      () => undefined,
    );
    // Handled by the caller through `ready`; this only keeps an early failure from going unhandled.
    ready.catch(() => undefined);
    return { server, results, ready, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * The report files behind signed links (`DATA_DIR/exports`). Without `FILE_LINK_SECRET` the links
 * are signed with a random key of this process: they stop working when it restarts, and other bot
 * instances cannot serve them, hence the warning. Without `PUBLIC_BASE_URL` links point at
 * `http://localhost:<bound port>`.
 */
function openExportFiles(
  config: AppConfig,
  logger: Logger,
  boundPort: () => number | undefined,
): { exportFiles: ExportFiles; signer: FileLinkSigner } {
  let secret: string | Buffer | undefined = config.files.secret;
  if (secret === undefined) {
    logger.warn(
      'FILE_LINK_SECRET is not set: report download links are signed with a random key of this ' +
        'process and stop working when it restarts',
    );
    secret = FileLinkSigner.randomSecret();
  }
  const signer = new FileLinkSigner(secret);
  const { publicBaseUrl } = config.files;
  const exportFiles = new ExportFiles({
    dir: path.join(config.dataDir, 'exports'),
    signer,
    ttlMs: config.files.ttlMinutes * 60_000,
    get publicBaseUrl() {
      return publicBaseUrl ?? `http://localhost:${boundPort() ?? config.port}`;
    },
    logger,
  });
  return { exportFiles, signer };
}

/** Question id → text and topic, for the weakest questions of a report. */
function questionLookup(
  bank: QuizBank,
): (id: string) => { text: string; topicId: string } | undefined {
  const byId = new Map(bank.questions.map((q) => [q.id, { text: q.question, topicId: q.topicId }]));
  return (id) => byId.get(id);
}

/**
 * Loads the quiz bank (checked against the knowledge documents) and the contests, failing with a
 * `KnowledgeError` that lists every `file:line` problem, and builds the quiz service on the bot's
 * database. A submission writes its result event into the results outbox in the same transaction.
 */
async function openQuiz(
  config: AppConfig,
  documents: readonly KnowledgeDocument[],
  db: SqliteDatabase,
  directory: SqliteDirectoryRepository,
  results: ResultsRuntime,
  onWake: (at: number) => void,
): Promise<{
  service: QuizServiceImpl;
  bank: QuizBank;
  topics: QuizTopicInfo[];
  contests: Contest[];
}> {
  const bank = await loadQuizBank(config.quiz.quizDir, documents);
  const contests = await loadContests(config.quiz.contestsDir, bank);
  const contestById = new Map(contests.map((c) => [c.id, c]));
  const store = new SqliteAttemptStore(db, {
    onSubmitted: (attempt) => {
      // A practice stopped with /huy is not a finished attempt: it is no competency result.
      if (attempt.submitReason === 'cancelled') return;
      const contest = attempt.contestId ? contestById.get(attempt.contestId) : undefined;
      const unitCode = directory.getPersonSync(attempt.userId)?.unitCode;
      const marked = score(attempt, bank, contest?.passMark);
      results.enqueueInTransaction(db, resultEventFromAttempt(attempt, marked, unitCode, contest));
    },
  });
  const service = new QuizServiceImpl({
    bank,
    contests,
    store,
    directory,
    clock: Date.now,
    newId: randomUUID,
    newSeed: () => randomInt(MAX_SEED + 1),
    practiceCount: config.quiz.practiceQuestions,
    onWake,
  });
  return {
    service,
    bank,
    topics: bank.topics.map((t) => ({ id: t.id, name: t.name })),
    contests,
  };
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
    logger.fatal({ err }, 'could not load the knowledge base or the quizzes');
    stop('knowledge', 1);
  }
}

if (require.main === module) void main();
