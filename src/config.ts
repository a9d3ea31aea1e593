import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * Every setting the process reads. Only this module touches `process.env`; everything else gets a
 * typed `AppConfig`. Defaults give the embedded deployment: nothing but Node.js needed.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('data'),
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
  ALLOW_ANONYMOUS: bool.default(false),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(2000),
  ANSWER_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.2),
  ANSWER_MAX_CITATIONS: z.coerce.number().int().min(1).max(5).default(3),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  PRACTICE_QUESTIONS: z.coerce.number().int().min(1).max(100).default(10),
  QUIZ_DIR: optionalString,
  CONTESTS_DIR: optionalString,
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  RESULTS_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  RESULTS_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  RESULTS_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  RESULTS_LOCK_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  ADMIN_USER: z.string().trim().min(1).default('admin'),
  ADMIN_PASSWORD: optionalString,
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  FILE_LINK_SECRET: optionalString,
  FILE_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

type Env = z.infer<typeof schema>;

export interface AppConfig {
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  knowledgeDir: string;
  auth: {
    appId?: string;
    appPassword?: string;
    appType: Env['MicrosoftAppType'];
    tenantId?: string;
    allowAnonymous: boolean;
  };
  maxMessageChars: number;
  answer: { minScore: number; maxCitations: number };
  /** Present only when an embedding server is configured; the lexical index works without it. */
  embedding?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number };
  quiz: {
    /** Question bank folder (`*.yaml`); default `<knowledgeDir>/quiz`. */
    quizDir: string;
    /** Contest definitions folder (`*.yaml`); default `<knowledgeDir>/contests`. */
    contestsDir: string;
    /** Questions in one practice. */
    practiceQuestions: number;
  };
  /** Competency results: queue (with `redisUrl`) or embedded, worker and retry policy. */
  results: {
    /** Absent = embedded mode: results are stored in-process, no Redis. */
    redisUrl?: string;
    concurrency: number;
    attempts: number;
    backoffMs: number;
    lockMs: number;
  };
  /** HTTP basic auth of `/admin/queues`; without a password the page is refused. */
  admin: { user: string; password?: string };
  /** Signed download links (`GET /files/:token`) for report charts and Excel exports. */
  files: {
    /** Base of absolute links, without a trailing slash; absent = `http://localhost:<port>`. */
    publicBaseUrl?: string;
    /** HMAC key of the tokens; absent = a random key per process (links die with it). */
    secret?: string;
    /** How long a link (and its file) lives, in minutes. */
    ttlMinutes: number;
  };
}

/** Parses an environment; throws one `ConfigError` listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (
    Boolean(e.MicrosoftAppId) !== Boolean(e.MicrosoftAppPassword) &&
    e.MicrosoftAppType !== 'UserAssignedMSI'
  ) {
    problems.push('MicrosoftAppId and MicrosoftAppPassword must be set together');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  if (Boolean(e.OPENAI_API_KEY) !== Boolean(e.EMBEDDING_MODEL)) {
    problems.push('OPENAI_API_KEY and EMBEDDING_MODEL must be set together to enable embeddings');
  }
  if (e.ADMIN_PASSWORD !== undefined && e.ADMIN_PASSWORD.length < 12) {
    problems.push('ADMIN_PASSWORD must be at least 12 characters (or empty to disable /admin)');
  }
  if (e.FILE_LINK_SECRET !== undefined && e.FILE_LINK_SECRET.length < 32) {
    problems.push('FILE_LINK_SECRET must be at least 32 characters (or empty for a random one)');
  }
  if (e.PUBLIC_BASE_URL !== undefined && !/^https?:\/\//.test(e.PUBLIC_BASE_URL)) {
    problems.push('PUBLIC_BASE_URL must be an http:// or https:// URL');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const knowledgeDir = path.resolve(cwd, e.KNOWLEDGE_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    knowledgeDir,
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      allowAnonymous: e.ALLOW_ANONYMOUS,
    },
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    answer: { minScore: e.ANSWER_MIN_SCORE, maxCitations: e.ANSWER_MAX_CITATIONS },
    embedding:
      e.OPENAI_API_KEY && e.EMBEDDING_MODEL
        ? {
            apiKey: e.OPENAI_API_KEY,
            baseUrl: e.OPENAI_BASE_URL,
            model: e.EMBEDDING_MODEL,
            timeoutMs: e.EMBEDDING_TIMEOUT_MS,
          }
        : undefined,
    quiz: {
      quizDir: e.QUIZ_DIR ? path.resolve(cwd, e.QUIZ_DIR) : path.join(knowledgeDir, 'quiz'),
      contestsDir: e.CONTESTS_DIR
        ? path.resolve(cwd, e.CONTESTS_DIR)
        : path.join(knowledgeDir, 'contests'),
      practiceQuestions: e.PRACTICE_QUESTIONS,
    },
    results: {
      redisUrl: e.REDIS_URL,
      concurrency: e.RESULTS_CONCURRENCY,
      attempts: e.RESULTS_ATTEMPTS,
      backoffMs: e.RESULTS_BACKOFF_MS,
      lockMs: e.RESULTS_LOCK_MS,
    },
    admin: { user: e.ADMIN_USER, password: e.ADMIN_PASSWORD },
    files: {
      publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      secret: e.FILE_LINK_SECRET,
      ttlMinutes: e.FILE_LINK_TTL_MINUTES,
    },
  };
}
