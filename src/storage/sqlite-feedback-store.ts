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
import { timeOrderedId } from './time-ordered-id';

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
  {
    version: 2,
    description: 'what the knowledge base lacked for an unanswered question',
    up: (db) => db.exec('ALTER TABLE answers ADD COLUMN missing TEXT'),
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
    Array.isArray(a.citations) &&
    (a.missing === undefined ||
      (Array.isArray(a.missing) && a.missing.every((m) => typeof m === 'string')))
  );
}

/** Columns of `answers`, in the order of a batch row's values. */
const ANSWER_COLUMNS =
  'id, conversation_id, user_id, channel_id, question, query, answered, citations, missing, ' +
  'created_at';
const ANSWER_PARAMS = `(${ANSWER_COLUMNS.split(',')
  .map(() => '?')
  .join(', ')})`;
/** Rows per multi-row INSERT: larger batches go in chunks of this size, in one transaction. */
const MAX_ROWS_PER_INSERT = 32;

/** Answers recorded during one event-loop turn, committed together. */
interface Batch {
  /** Each answer's column values, in `ANSWER_COLUMNS` order. */
  rows: unknown[][];
  /** Settled once every row is committed or has failed. */
  done: Promise<void>;
  settle: () => void;
  /** Position in `rows` → why that row could not be stored. */
  failed: Map<number, unknown>;
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
  /** JSON array, or null. */
  missing: string | null;
  created_at: string;
}

/** Options for {@link SqliteFeedbackStore}. */
export interface SqliteFeedbackStoreOptions {
  /** Clock, injectable for tests. */
  now?: () => Date;
}

/**
 * {@link FeedbackStore} on SQLite (better-sqlite3): tables `answers` and `answer_votes`, created by
 * the store's own migrations. The connection is injected and owned by the caller. Answer ids are
 * UUID v7 (time-ordered, 74 random bits).
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly now: () => Date;
  private batch: Batch | undefined;
  private closed = false;
  /** Multi-row INSERT statements by row count, prepared when first needed. */
  private readonly inserts: Statement<unknown[]>[] = [];
  private readonly insertChunks: (rows: unknown[][]) => void;
  private readonly selectAnswer: Statement<[string], AnswerRow>;
  private readonly selectVote: Statement<[string, string], { vote: string }>;
  private readonly upsertVote: Statement<[string, string, string, string, string]>;
  private readonly selectUnanswered: Statement<
    [string, number],
    { question: string; times: number; last_asked_at: string; missing: string | null }
  >;

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteFeedbackStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    runMigrations(db, 'feedback', migrations);
    this.insertChunks = db.transaction((rows: unknown[][]) => {
      for (let at = 0; at < rows.length; at += MAX_ROWS_PER_INSERT) {
        this.insertRows(rows.slice(at, at + MAX_ROWS_PER_INSERT));
      }
    });
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
      `SELECT question, COUNT(*) AS times, MAX(created_at) AS last_asked_at, MAX(missing) AS missing
       FROM answers WHERE answered = 0 AND created_at >= ?
       GROUP BY question ORDER BY last_asked_at DESC LIMIT ?`,
    );
  }

  async recordAnswer(answer: NewAnswer): Promise<AnswerRecord> {
    if (this.closed) throw new Error('Feedback store closed: the server is stopping');
    if (!isValidAnswer(answer)) throw new InvalidInputError('Malformed answer record');
    const createdAt = this.now();
    // Time-ordered: a new answer's id goes at the end of the primary key's index.
    const id = timeOrderedId();
    const batch = (this.batch ??= this.openBatch());
    const at =
      batch.rows.push([
        id,
        answer.conversationId,
        answer.userId,
        answer.channelId,
        answer.question,
        answer.query,
        answer.answered ? 1 : 0,
        JSON.stringify(answer.citations),
        answer.missing?.length ? JSON.stringify(answer.missing) : null,
        createdAt.toISOString(),
      ]) - 1;
    await batch.done;
    if (batch.failed.has(at)) throw batch.failed.get(at);
    return { ...answer, id, createdAt };
  }

  /**
   * Commits the answers still waiting for their batch, then refuses new ones. Call it before the
   * database closes (the app's shutdown): an answer recorded in the same event-loop turn as the
   * shutdown is then stored, not failed by the closed connection. Idempotent.
   */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private openBatch(): Batch {
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    setImmediate(() => this.flush());
    return { rows: [], done, settle, failed: new Map() };
  }

  /**
   * Group commit: answers recorded during one event-loop turn are inserted by one multi-row
   * statement (one WAL commit instead of one per answer). Each caller's promise settles after its
   * row is committed, so a resolved `recordAnswer` is durable as before.
   */
  private flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    const { rows } = batch;
    try {
      if (rows.length <= MAX_ROWS_PER_INSERT) this.insertRows(rows);
      else this.insertChunks(rows);
    } catch {
      // One bad row must not fail the others: retry them one by one.
      rows.forEach((row, at) => {
        try {
          this.insertRows([row]);
        } catch (err) {
          batch.failed.set(at, err);
        }
      });
    }
    batch.settle();
  }

  /** One INSERT of up to `MAX_ROWS_PER_INSERT` rows (atomic: all or none). */
  private insertRows(rows: unknown[][]): void {
    const n = rows.length;
    if (n === 0) return;
    let insert = this.inserts[n];
    if (!insert) {
      insert = this.db.prepare(
        `INSERT INTO answers (${ANSWER_COLUMNS}) VALUES ${Array(n).fill(ANSWER_PARAMS).join(', ')}`,
      );
      this.inserts[n] = insert;
    }
    insert.run(n === 1 ? rows[0]! : rows.flat());
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
      ...missingOf(r.missing),
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
    ...missingOf(row.missing),
    createdAt: new Date(row.created_at),
  };
}

function missingOf(column: string | null): { missing?: string[] } {
  return column === null ? {} : { missing: JSON.parse(column) as string[] };
}
