import type { Statement } from 'better-sqlite3';
import { InvalidInputError } from '../errors';
import {
  parseAttempt,
  recordActivity,
  type ActivityKey,
  type Attempt,
  type AttemptStore,
  type CreateAttemptOptions,
  type CreateAttemptResult,
  type ExpiryNotice,
  type UpdateAttemptOptions,
  validNewAttempt,
} from '../quiz';
import { groupedRead, TransactionGroup } from './transaction-group';
import { SqliteActivityDedup } from './sqlite-activity-dedup';
import type { SqliteDatabase } from './sqlite-database';
import { runMigrations, type Migration } from './sqlite-migrations';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'quiz attempts (JSON) with the columns the queries need',
    // `data` is the whole Attempt; the other columns are copies kept for indexes and queries.
    // `notice_due`: NULL = no "time is up" message pending, else the instant it may be claimed.
    up: (db) =>
      db.exec(`
        CREATE TABLE quiz_attempts (
          id TEXT PRIMARY KEY,
          user_id TEXT NOT NULL,
          mode TEXT NOT NULL CHECK (mode IN ('practice', 'contest')),
          contest_id TEXT,
          status TEXT NOT NULL CHECK (status IN ('in-progress', 'submitted')),
          deadline INTEGER,
          version INTEGER NOT NULL,
          data TEXT NOT NULL,
          conversation TEXT NOT NULL,
          notice_due INTEGER,
          notice_tries INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX quiz_attempts_one_running ON quiz_attempts (user_id)
          WHERE status = 'in-progress';
        CREATE INDEX quiz_attempts_by_contest ON quiz_attempts (user_id, contest_id);
        CREATE INDEX quiz_attempts_due ON quiz_attempts (deadline)
          WHERE status = 'in-progress' AND deadline IS NOT NULL;
        CREATE INDEX quiz_attempts_notices ON quiz_attempts (notice_due)
          WHERE notice_due IS NOT NULL;
      `),
  },
];

interface AttemptRow {
  id: string;
  user_id: string;
  mode: string;
  contest_id: string | null;
  status: string;
  deadline: number | null;
  version: number;
  data: string;
  conversation: string;
  created_at: string;
  updated_at: string;
}

interface UpdateRow {
  id: string;
  user_id: string;
  status: string;
  deadline: number | null;
  version: number;
  data: string;
  conversation: string | null;
  notice: number;
  expected: number;
  updated_at: string;
}

/** An update with what is written in its transaction. */
interface UpdateRequest {
  row: UpdateRow;
  activity: ActivityKey | undefined;
  submitted: Attempt | undefined;
}

/** A stored attempt as read: its JSON with the columns that identify that version of it. */
interface DataRow {
  id: string;
  version: number;
  data: string;
}

/** Attempts whose current JSON is remembered as valid (see `SqliteAttemptStore`). */
const KNOWN_LIMIT = 20_000;

/** Options for {@link SqliteAttemptStore}. */
export interface SqliteAttemptStoreOptions {
  /** Clock for the rows' `created_at`/`updated_at`, injectable for tests. */
  now?: () => Date;
  /**
   * Runs inside the transaction of the update that submits an attempt (once per attempt), e.g.
   * to write the results outbox row with it (`SqliteOutbox.enqueueInTransaction`): either both
   * are committed or neither. Must be synchronous; if it throws, the update rolls back and
   * rejects with that error.
   */
  onSubmitted?: (attempt: Attempt) => void;
  /**
   * Where the writes' activities are recorded (`UpdateAttemptOptions.activity`), on the same
   * connection; by default a `SqliteActivityDedup` of the store's own (same table).
   */
  activities?: SqliteActivityDedup;
}

/**
 * {@link AttemptStore} on SQLite (better-sqlite3): table `quiz_attempts`, created by the store's
 * own migrations (scope `quiz`), in the bot's database file. The connection is injected and owned
 * by the caller.
 *
 * "At most one attempt in progress per user" is a partial unique index; `create` checks it and the
 * contest's attempt count inside one `BEGIN IMMEDIATE` transaction, so another process sharing the
 * file cannot slip an attempt in between. `update` is a single `UPDATE ... WHERE version = ? AND
 * status = 'in-progress'`, atomic with the `INSERT` that records its activity (if any) and with
 * `onSubmitted` when it submits.
 *
 * Updates are group-committed (`TransactionGroup`): those requested in one round of the event loop
 * (concurrent answers) are written in one `BEGIN IMMEDIATE` transaction, each in a savepoint of
 * its own, so that an update that conflicts, is refused or fails leaves the others as they are;
 * every promise settles after the COMMIT, so an update that resolved is durable as before.
 * `create` first commits the updates requested before it. The reads of a running attempt (`get`,
 * `getInProgress`) share the connection's read group (`groupedRead`) the same way.
 * Every read returns a fresh copy parsed from the stored JSON, validated with `parseAttempt`
 * (`InvalidInputError` if corrupt). Validation is the costly part of a read and an attempt is read
 * on every answer, so the store remembers, per running attempt, the version and JSON it last
 * validated or wrote itself (from a validated new attempt, or the engine's update of a validated
 * one); a row whose version and JSON are exactly those is not validated again. Any other row (a
 * version written by another process or connection, or JSON changed behind the store's back) is.
 */
export class SqliteAttemptStore implements AttemptStore {
  private readonly now: () => Date;
  private readonly onSubmitted: ((attempt: Attempt) => void) | undefined;
  private readonly insert: Statement<[AttemptRow]>;
  private readonly updateRow: Statement<[UpdateRow]>;
  private readonly updateAnswerRow: Statement<[UpdateRow]>;
  private readonly selectById: Statement<[string], DataRow>;
  private readonly selectRunning: Statement<[string], DataRow>;
  private readonly selectLatest: Statement<[string], DataRow>;
  private readonly countContest: Statement<[string, string], { n: number }>;
  private readonly selectDue: Statement<[number, number], DataRow>;
  private readonly selectNextDeadline: Statement<[], { deadline: number | null }>;
  private readonly selectConversation: Statement<[string], { conversation: string }>;
  private readonly selectNotices: Statement<
    [number, number],
    DataRow & { conversation: string; notice_tries: number }
  >;
  /** Attempt id → the version and JSON last validated or written here (oldest first). */
  private readonly known = new Map<string, { version: number; data: string }>();
  private readonly leaseNotice: Statement<[number, string]>;
  private readonly clearNotice: Statement<[string]>;
  private readonly failNotice: Statement<[number, string]>;
  private readonly activities: SqliteActivityDedup;
  private readonly createTx: (
    row: AttemptRow,
    max: number | undefined,
    activity: ActivityKey | undefined,
  ) => CreateAttemptResult;
  /** The updates of concurrent turns, group-committed (see the class comment). */
  private readonly updates: TransactionGroup<UpdateRequest, boolean>;
  private readonly claimTx: (now: number, leaseMs: number, limit: number) => ExpiryNotice[];

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteAttemptStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.onSubmitted = options.onSubmitted;
    this.activities = options.activities ?? new SqliteActivityDedup(db);
    runMigrations(db, 'quiz', migrations);
    this.insert = db.prepare(
      `INSERT INTO quiz_attempts (id, user_id, mode, contest_id, status, deadline, version, data,
         conversation, created_at, updated_at)
       VALUES (@id, @user_id, @mode, @contest_id, @status, @deadline, @version, @data,
         @conversation, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare(
      `UPDATE quiz_attempts SET status = @status, deadline = @deadline, version = @version,
         data = @data, conversation = COALESCE(@conversation, conversation),
         notice_due = CASE WHEN @notice = 1 THEN 0 ELSE notice_due END, updated_at = @updated_at
       WHERE id = @id AND user_id = @user_id AND version = @expected
         AND status = 'in-progress'`,
    );
    // The same change when it leaves every indexed column as it is (an answer to a running
    // attempt): SQLite then rewrites no index entry. A row whose deadline differs matches neither
    // this nor, unless it really changed, anything: see `writeRow`.
    this.updateAnswerRow = db.prepare(
      `UPDATE quiz_attempts SET version = @version, data = @data,
         conversation = COALESCE(@conversation, conversation), updated_at = @updated_at
       WHERE id = @id AND user_id = @user_id AND version = @expected
         AND status = 'in-progress' AND deadline IS @deadline`,
    );
    this.selectById = db.prepare('SELECT id, version, data FROM quiz_attempts WHERE id = ?');
    this.selectRunning = db.prepare(
      `SELECT id, version, data FROM quiz_attempts WHERE user_id = ? AND status = 'in-progress'`,
    );
    this.selectLatest = db.prepare(
      `SELECT id, version, data FROM quiz_attempts WHERE user_id = ?
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
    this.countContest = db.prepare(
      'SELECT COUNT(*) AS n FROM quiz_attempts WHERE user_id = ? AND contest_id = ?',
    );
    this.selectDue = db.prepare(
      `SELECT id, version, data FROM quiz_attempts
       WHERE status = 'in-progress' AND deadline IS NOT NULL AND deadline <= ?
       ORDER BY deadline, id LIMIT ?`,
    );
    this.selectNextDeadline = db.prepare(
      `SELECT MIN(deadline) AS deadline FROM quiz_attempts
       WHERE status = 'in-progress' AND deadline IS NOT NULL`,
    );
    this.selectConversation = db.prepare('SELECT conversation FROM quiz_attempts WHERE id = ?');
    this.selectNotices = db.prepare(
      `SELECT id, version, data, conversation, notice_tries FROM quiz_attempts
       WHERE notice_due IS NOT NULL AND notice_due <= ?
       ORDER BY notice_due, deadline, id LIMIT ?`,
    );
    this.leaseNotice = db.prepare('UPDATE quiz_attempts SET notice_due = ? WHERE id = ?');
    this.clearNotice = db.prepare('UPDATE quiz_attempts SET notice_due = NULL WHERE id = ?');
    this.failNotice = db.prepare(
      `UPDATE quiz_attempts SET notice_tries = notice_tries + 1,
         notice_due = CASE WHEN notice_tries + 1 >= ? THEN NULL ELSE notice_due END
       WHERE id = ? AND notice_due IS NOT NULL`,
    );

    const create = db.transaction(
      (row: AttemptRow, max: number | undefined, activity: ActivityKey | undefined) => {
        if (this.selectRunning.get(row.user_id)) return 'attempt-running' as const;
        if (max !== undefined && row.contest_id !== null) {
          if (this.countContest.get(row.user_id, row.contest_id)!.n >= max) {
            return 'no-attempts-left' as const;
          }
        }
        recordActivity(this.activities, activity);
        this.insert.run(row);
        return 'created' as const;
      },
    );
    // IMMEDIATE takes the write lock before the checks, so they cannot go stale.
    this.createTx = (row, max, activity) => create.immediate(row, max, activity);
    // Each update runs in a savepoint of the group's transaction: throwing rolls back this one.
    this.updates = new TransactionGroup(db, 'immediate', (u: UpdateRequest) => {
      // The WHERE clause only matches an attempt in progress: a submission happens once.
      if (!this.writeRow(u.row)) return false;
      recordActivity(this.activities, u.activity);
      if (u.submitted) this.onSubmitted!(u.submitted);
      return true;
    });
    const claim = db.transaction((now: number, leaseMs: number, limit: number) => {
      const rows = this.selectNotices.all(now, limit);
      return rows.map((r) => {
        const attempt = this.read(r);
        this.leaseNotice.run(now + leaseMs, attempt.id);
        return { attempt, conversation: readJson(r.conversation), tries: r.notice_tries };
      });
    });
    this.claimTx = (now, leaseMs, limit) => claim.immediate(now, leaseMs, limit);
  }

  async create(
    attempt: Attempt,
    conversation: unknown,
    options: CreateAttemptOptions = {},
  ): Promise<CreateAttemptResult> {
    const valid = validNewAttempt(attempt);
    const at = this.now().toISOString();
    const row: AttemptRow = {
      id: valid.id,
      user_id: valid.userId,
      mode: valid.mode,
      contest_id: valid.contestId ?? null,
      status: valid.status,
      deadline: valid.deadline ?? null,
      version: valid.version,
      data: JSON.stringify(valid),
      conversation: JSON.stringify(conversation ?? null),
      created_at: at,
      updated_at: at,
    };
    this.updates.flush();
    const created = this.createTx(row, options.maxContestAttempts, options.activity);
    if (created === 'created') this.remember(row);
    return created;
  }

  /**
   * Runs the update of `row`; whether it matched. An answer that keeps the attempt running, its
   * deadline and its notice as they are touches no indexed column, so it goes through
   * `updateAnswerRow` first; only if that matches nothing (a version conflict, or a deadline that
   * changed) is the full statement tried.
   */
  private writeRow(row: UpdateRow): boolean {
    if (row.status === 'in-progress' && row.notice === 0) {
      if (this.updateAnswerRow.run(row).changes === 1) return true;
    }
    return this.updateRow.run(row).changes === 1;
  }

  async update(
    attempt: Attempt,
    expectedVersion: number,
    options: UpdateAttemptOptions = {},
  ): Promise<boolean> {
    if (!(attempt.version > expectedVersion)) {
      throw new InvalidInputError(
        `attempt ${attempt.id}: version ${attempt.version} must be above ${expectedVersion}`,
      );
    }
    const row: UpdateRow = {
      id: attempt.id,
      user_id: attempt.userId,
      status: attempt.status,
      deadline: attempt.deadline ?? null,
      version: attempt.version,
      data: JSON.stringify(attempt),
      conversation:
        options.conversation === undefined ? null : JSON.stringify(options.conversation),
      notice: options.expiryNotice ? 1 : 0,
      expected: expectedVersion,
      updated_at: this.now().toISOString(),
    };
    const submitted = attempt.status === 'submitted' && this.onSubmitted ? attempt : undefined;
    const written = await this.updates.submit({ row, activity: options.activity, submitted });
    // Only a running attempt is read on every answer; a lost race leaves the entry stale, and a
    // stale entry never matches the row (another version), so it is simply replaced on the next read.
    if (written && attempt.status === 'in-progress') this.remember(row);
    else if (written) this.known.delete(row.id);
    return written;
  }

  async get(id: string): Promise<Attempt | undefined> {
    if (typeof id !== 'string') return undefined;
    const row = await groupedRead(this.db, () => this.selectById.get(id));
    return row ? this.read(row) : undefined;
  }

  async getInProgress(userId: string): Promise<Attempt | undefined> {
    if (typeof userId !== 'string') return undefined;
    const row = await groupedRead(this.db, () => this.selectRunning.get(userId));
    return row ? this.read(row) : undefined;
  }

  async latest(userId: string): Promise<Attempt | undefined> {
    if (typeof userId !== 'string') return undefined;
    const row = await groupedRead(this.db, () => this.selectLatest.get(userId));
    return row ? this.read(row) : undefined;
  }

  async countContestAttempts(userId: string, contestId: string): Promise<number> {
    return this.countContest.get(userId, contestId)!.n;
  }

  async listDue(at: number, limit = 100): Promise<Attempt[]> {
    return this.selectDue.all(at, clampLimit(limit)).map((r) => this.read(r));
  }

  async nextDeadline(): Promise<number | undefined> {
    return this.selectNextDeadline.get()?.deadline ?? undefined;
  }

  async getConversation(id: string): Promise<unknown> {
    const row = this.selectConversation.get(id);
    return row ? readJson(row.conversation) : undefined;
  }

  async claimExpiryNotices(now: number, leaseMs: number, limit = 100): Promise<ExpiryNotice[]> {
    return this.claimTx(now, Math.max(0, leaseMs), clampLimit(limit));
  }

  async completeExpiryNotice(id: string, delivered: boolean, maxTries = 5): Promise<void> {
    if (delivered) this.clearNotice.run(id);
    else this.failNotice.run(maxTries, id);
  }

  /** A fresh copy of the stored attempt, validated unless this exact JSON is known to be valid. */
  private read(row: DataRow): Attempt {
    const known = this.known.get(row.id);
    if (known && known.version === row.version && known.data === row.data) {
      return readJson(row.data) as Attempt;
    }
    const attempt = readAttempt(row.data);
    if (attempt.status === 'in-progress') this.remember(row);
    return attempt;
  }

  private remember(row: DataRow): void {
    this.known.delete(row.id);
    this.known.set(row.id, { version: row.version, data: row.data });
    if (this.known.size > KNOWN_LIMIT) this.known.delete(this.known.keys().next().value!);
  }
}

function readAttempt(data: string): Attempt {
  return parseAttempt(readJson(data));
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidInputError('stored quiz record is not valid JSON');
  }
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(Math.trunc(limit) || 1, 10_000));
}
