import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors';
import type { Citation } from '../knowledge/types';
import type {
  AnswerRecord,
  FeedbackStore,
  NewAnswer,
  UnansweredQuestion,
  VoteInput,
} from './feedback-store';
import type { SqliteDatabase } from './sqlite-database';
import { runMigrations, type Migration } from './sqlite-migrations';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'answers given and votes on them',
    up: (db) =>
      db.exec(`
        CREATE TABLE answers (
          id TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          question TEXT NOT NULL,
          query TEXT NOT NULL,
          answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
          citations TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX answers_by_outcome ON answers (answered, created_at);
        CREATE TABLE answer_votes (
          answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
          user_id TEXT NOT NULL,
          vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (answer_id, user_id)
        );
      `),
  },
];

const idText = z.string().trim().min(1).max(256);

const voteSchema = z.object({
  answerId: idText,
  conversationId: idText,
  userId: idText,
  vote: z.enum(['up', 'down']),
});

const isId = (v: unknown): boolean =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= 256;

/** The bot builds answer records itself, so a cheap shape check is enough here. */
function isValidAnswer(a: NewAnswer): boolean {
  return (
    typeof a === 'object' &&
    a !== null &&
    isId(a.conversationId) &&
    isId(a.userId) &&
    isId(a.channelId) &&
    typeof a.question === 'string' &&
    typeof a.query === 'string' &&
    typeof a.answered === 'boolean' &&
    Array.isArray(a.citations)
  );
}

interface AnswerRow {
  id: string;
  conversation_id: string;
  user_id: string;
  channel_id: string;
  question: string;
  query: string;
  answered: number;
  citations: string;
  created_at: string;
}

/** Options for {@link SqliteFeedbackStore}. */
export interface SqliteFeedbackStoreOptions {
  /** Clock, injectable for tests. */
  now?: () => Date;
}

/**
 * {@link FeedbackStore} on SQLite (better-sqlite3): tables `answers` and `answer_votes`, created by
 * the store's own migrations. The connection is injected and owned by the caller.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly now: () => Date;
  private readonly pending: {
    row: AnswerRow;
    resolve: () => void;
    reject: (err: unknown) => void;
  }[] = [];
  private readonly insertAnswer: Statement<[AnswerRow]>;
  private readonly selectAnswer: Statement<[string], AnswerRow>;
  private readonly selectVote: Statement<[string, string], { vote: string }>;
  private readonly upsertVote: Statement<[string, string, string, string, string]>;
  private readonly selectUnanswered: Statement<
    [string, number],
    { question: string; times: number; last_asked_at: string }
  >;

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteFeedbackStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    runMigrations(db, 'feedback', migrations);
    this.insertAnswer = db.prepare(
      `INSERT INTO answers (id, conversation_id, user_id, channel_id, question, query, answered,
         citations, created_at)
       VALUES (@id, @conversation_id, @user_id, @channel_id, @question, @query, @answered,
         @citations, @created_at)`,
    );
    this.selectAnswer = db.prepare('SELECT * FROM answers WHERE id = ?');
    this.selectVote = db.prepare(
      'SELECT vote FROM answer_votes WHERE answer_id = ? AND user_id = ?',
    );
    this.upsertVote = db.prepare(
      `INSERT INTO answer_votes (answer_id, user_id, vote, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote,
         updated_at = excluded.updated_at`,
    );
    this.selectUnanswered = db.prepare(
      `SELECT question, COUNT(*) AS times, MAX(created_at) AS last_asked_at
       FROM answers WHERE answered = 0 AND created_at >= ?
       GROUP BY question ORDER BY last_asked_at DESC LIMIT ?`,
    );
  }

  async recordAnswer(answer: NewAnswer): Promise<AnswerRecord> {
    if (!isValidAnswer(answer)) throw new InvalidInputError('Malformed answer record');
    const record: AnswerRecord = { ...answer, id: randomUUID(), createdAt: this.now() };
    const row: AnswerRow = {
      id: record.id,
      conversation_id: record.conversationId,
      user_id: record.userId,
      channel_id: record.channelId,
      question: record.question,
      query: record.query,
      answered: record.answered ? 1 : 0,
      citations: JSON.stringify(record.citations),
      created_at: record.createdAt.toISOString(),
    };
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
    return record;
  }

  /**
   * Group commit: answers recorded during one event-loop turn are inserted in one transaction
   * (one WAL commit instead of one per answer). Each caller's promise settles after its row is
   * committed, so a resolved `recordAnswer` is durable as before.
   */
  private flush(): void {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const item of batch) this.insertAnswer.run(item.row);
      })();
      for (const item of batch) item.resolve();
    } catch {
      // One bad row must not fail the others: retry them one by one.
      for (const item of batch) {
        try {
          this.insertAnswer.run(item.row);
          item.resolve();
        } catch (err) {
          item.reject(err);
        }
      }
    }
  }

  async recordVote(input: VoteInput): Promise<'recorded' | 'replaced'> {
    const parsed = voteSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError('Malformed vote');
    const vote = parsed.data;
    this.flush();
    return this.db.transaction(() => {
      const answer = this.selectAnswer.get(vote.answerId);
      if (!answer || answer.conversation_id !== vote.conversationId) {
        throw new NotFoundError('No such answer in this conversation');
      }
      const previous = this.selectVote.get(vote.answerId, vote.userId);
      const at = this.now().toISOString();
      this.upsertVote.run(vote.answerId, vote.userId, vote.vote, at, at);
      return previous ? ('replaced' as const) : ('recorded' as const);
    })();
  }

  async getAnswer(id: string): Promise<AnswerRecord | undefined> {
    if (typeof id !== 'string') return undefined;
    this.flush();
    const row = this.selectAnswer.get(id);
    return row ? toRecord(row) : undefined;
  }

  async listUnanswered(
    options: { since?: Date; limit?: number } = {},
  ): Promise<UnansweredQuestion[]> {
    this.flush();
    const since = (options.since ?? new Date(0)).toISOString();
    const limit = Math.max(1, Math.min(options.limit ?? 100, 10_000));
    return this.selectUnanswered.all(since, limit).map((r) => ({
      question: r.question,
      times: r.times,
      lastAskedAt: new Date(r.last_asked_at),
    }));
  }
}

function toRecord(row: AnswerRow): AnswerRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    userId: row.user_id,
    channelId: row.channel_id,
    question: row.question,
    query: row.query,
    answered: row.answered === 1,
    citations: JSON.parse(row.citations) as Citation[],
    createdAt: new Date(row.created_at),
  };
}
