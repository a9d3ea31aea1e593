import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startApp, type App } from '../../src/main';
import type { Attempt } from '../../src/quiz';
import {
  openSqliteDatabase,
  SqliteAttemptStore,
  SqliteDirectoryRepository,
} from '../../src/storage';
import { exchange, messageActivity, type ActivityJson, type ReplyActivity } from './activities';

export const ROOT = path.join(__dirname, '..', '..');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');

/**
 * The real composition (`startApp`) on loopback, on a free port, with the shipped knowledge and
 * quiz bank, SQLite in `dataDir` and the contests of `contestsDir`; `env` adds or overrides
 * settings. Resolves once the knowledge base is loaded; the caller closes it.
 */
export async function startQuizApp(
  dataDir: string,
  contestsDir: string,
  env: Record<string, string> = {},
): Promise<App> {
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR,
      CONTESTS_DIR: contestsDir,
      ...env,
    },
    dataDir,
  );
  const app = await startApp(config, createLogger('silent'));
  await app.ready;
  return app;
}

/** An ISO instant with seconds and `Z`, as contest files want it. */
export const isoSeconds = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Writes a contest file into `dir` drawing from the real quiz bank: 2 questions on information
 * security and 1 on general CĐS knowledge, with a tiebreak unless `tiebreak: false`.
 */
export function writeContest(
  dir: string,
  over: {
    id: string;
    opensAt: number;
    closesAt: number;
    timeLimitMinutes?: number;
    maxAttempts?: number;
    tiebreak?: boolean;
  },
): void {
  fs.mkdirSync(dir, { recursive: true });
  const lines = [
    `id: ${over.id}`,
    'title: Cuộc thi thử nghiệm qua HTTP',
    `opensAt: '${isoSeconds(over.opensAt)}'`,
    `closesAt: '${isoSeconds(over.closesAt)}'`,
    'questionsPerTopic:',
    '  an-toan-thong-tin: 2',
    '  kien-thuc-chung-cds: 1',
    `timeLimitMinutes: ${over.timeLimitMinutes ?? 10}`,
    'passMark: 50',
    `maxAttempts: ${over.maxAttempts ?? 1}`,
    'review: after-submit',
  ];
  if (over.tiebreak !== false) {
    lines.push('tiebreak:', '  question: Dự đoán số người tham gia cuộc thi?', '  unit: người');
  }
  fs.writeFileSync(path.join(dir, `${over.id}.yaml`), `${lines.join('\n')}\n`);
}

/** Puts `userIds` into the directory of the bot database at `dbFile` (one unit, officials). */
export async function seedDirectory(dbFile: string, userIds: string[]): Promise<void> {
  const db = openSqliteDatabase({ file: dbFile });
  try {
    await new SqliteDirectoryRepository(db).replaceAll(
      [{ code: 'CT', name: 'UBND thành phố Cần Thơ' }],
      userIds.map((userId) => ({
        userId,
        fullName: `Cán bộ ${userId}`,
        email: `${userId}@cantho.gov.vn`,
        unitCode: 'CT',
        role: 'official' as const,
      })),
    );
  } finally {
    db.close();
  }
}

/** Reads the attempts of `userId` straight from the database file (another connection). */
export async function readAttempts(dbFile: string, userId: string): Promise<Attempt[]> {
  const db = openSqliteDatabase({ file: dbFile });
  try {
    const store = new SqliteAttemptStore(db);
    const ids = db
      .prepare('SELECT id FROM quiz_attempts WHERE user_id = ? ORDER BY created_at, id')
      .pluck()
      .all(userId) as string[];
    return await Promise.all(ids.map(async (id) => (await store.get(id))!));
  } finally {
    db.close();
  }
}

/** Every object with `type: "quiz-answer"` in the replies (card buttons, whatever the card). */
export function answerPayloads(
  replies: ReplyActivity[],
): { type: 'quiz-answer'; attemptId: string; index: number; choice: number }[] {
  const found: { type: 'quiz-answer'; attemptId: string; index: number; choice: number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'quiz-answer' && typeof record.attemptId === 'string') {
        found.push(record as (typeof found)[number]);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(replies);
  return found;
}

/** A user of the emulator channel talking to the bot at `url` with `expectReplies`. */
export class ChatUser {
  constructor(
    private readonly url: () => string,
    readonly userId: string,
    readonly over: ActivityJson = {},
  ) {}

  activity(text: string | undefined, over: ActivityJson = {}): ActivityJson {
    return messageActivity(text, {
      from: { id: this.userId, name: `Cán bộ ${this.userId}` },
      conversation: { id: `conv-${this.userId}` },
      ...this.over,
      ...over,
    });
  }

  say(text: string, over: ActivityJson = {}): Promise<ReplyActivity[]> {
    return exchange(this.url(), this.activity(text, over));
  }

  click(value: Record<string, unknown>, over: ActivityJson = {}): Promise<ReplyActivity[]> {
    return exchange(this.url(), this.activity(undefined, { value, ...over }));
  }
}

/** All the text of the replies, cards included (for `toContain` checks). */
export const allText = (replies: ReplyActivity[]): string => JSON.stringify(replies);

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Log lines (pino JSON) written so far. */
  logs: Record<string, unknown>[];
  /** SIGKILL, as a crash would: nothing is flushed or closed. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `src/main.ts` in its own Node process on a free port and waits until `/readyz` answers
 * 200. The TypeScript is loaded through tsx's CommonJS hook in that same process (not the `tsx`
 * launcher, whose child would survive a SIGKILL of the launcher).
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line.
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const until = Date.now() + 60_000;
  let url = '';
  while (!url) {
    const listening = logs.find((l) => l.msg === 'server listening');
    if (listening) url = `http://127.0.0.1:${String(listening.port)}`;
    else if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`bot process did not start (exit ${child.exitCode}): ${stderr}`);
    } else await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`bot process never became ready: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    logs,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export const newActivityId = (): string => randomUUID();
