import type { Statement } from 'better-sqlite3';
import { AppError } from '../errors';
import { runMigrations, type Migration, type SqliteDatabase } from '../storage';
import type { ResultEvent } from './result-event';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'results outbox: result events waiting to be handed to the queue',
    up: (db) =>
      db.exec(`
        CREATE TABLE results_outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          attempt_id TEXT NOT NULL UNIQUE,
          payload TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          tries INTEGER NOT NULL DEFAULT 0,
          next_try_at INTEGER NOT NULL,
          last_error TEXT,
          sent_at INTEGER
        );
        CREATE INDEX results_outbox_unsent ON results_outbox (id) WHERE sent_at IS NULL;
        CREATE INDEX results_outbox_sent ON results_outbox (sent_at) WHERE sent_at IS NOT NULL;
      `),
  },
];

/** The migration scope of the outbox table in `schema_version`. */
export const OUTBOX_SCOPE = 'results-outbox';

/** One outbox row waiting for the relay. */
export interface OutboxEntry {
  /** Row id: increasing in commit order. */
  readonly id: number;
  readonly attemptId: string;
  /** The event as written (JSON text). */
  readonly payload: string;
  /** Epoch ms when the row was written (the submission). */
  readonly createdAt: number;
  /** Failed hand-overs so far. */
  readonly tries: number;
}

interface OutboxRow {
  id: number;
  attempt_id: string;
  payload: string;
  created_at: number;
  tries: number;
}

/** The outbox was used in a way that would lose its guarantee (e.g. outside a transaction). */
export class OutboxMisuseError extends AppError {}

const insertSql = `INSERT INTO results_outbox (attempt_id, payload, created_at, next_try_at)
  VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id) DO NOTHING`;
const insertStatements = new WeakMap<SqliteDatabase, Statement<[string, string, number, number]>>();

/**
 * The transactional outbox of result events, in the bot's SQLite database (table
 * `results_outbox`, migrated by the constructor under scope `results-outbox`).
 *
 * A submission writes its event with {@link SqliteOutbox.enqueueInTransaction} inside the same
 * better-sqlite3 transaction that stores the submitted attempt, so either both are committed or
 * neither is. The relay ({@link OutboxRelay}) reads {@link due} rows, hands them on, and calls
 * {@link markSent} only once the queue has acknowledged them; a row is never deleted before that
 * (sent rows are pruned after a retention period). One row per attempt id: a second write of the
 * same attempt is ignored.
 */
export class SqliteOutbox {
  private readonly selectDue: Statement<[number, number], OutboxRow>;
  private readonly updateSent: Statement<[number, number]>;
  private readonly updateFailed: Statement<[string, number, number]>;
  private readonly countUnsent: Statement<[], { n: number }>;
  private readonly deleteSent: Statement<[number]>;

  /** Migrates the outbox table on `db` (owned by the caller). */
  constructor(private readonly db: SqliteDatabase) {
    SqliteOutbox.migrate(db);
    this.selectDue = db.prepare(
      `SELECT id, attempt_id, payload, created_at, tries FROM results_outbox
       WHERE sent_at IS NULL AND next_try_at <= ? ORDER BY id LIMIT ?`,
    );
    this.updateSent = db.prepare('UPDATE results_outbox SET sent_at = ? WHERE id = ?');
    this.updateFailed = db.prepare(
      `UPDATE results_outbox SET tries = tries + 1, last_error = ?, next_try_at = ?
       WHERE id = ? AND sent_at IS NULL`,
    );
    this.countUnsent = db.prepare('SELECT COUNT(*) AS n FROM results_outbox WHERE sent_at IS NULL');
    this.deleteSent = db.prepare(
      'DELETE FROM results_outbox WHERE sent_at IS NOT NULL AND sent_at < ?',
    );
  }

  /** Creates or upgrades the outbox table; idempotent. */
  static migrate(db: SqliteDatabase): void {
    runMigrations(db, OUTBOX_SCOPE, migrations);
  }

  /**
   * Writes `event` into the outbox of `db` as part of the caller's open transaction (the
   * synchronous body of `db.transaction(...)` that stores the submitted attempt). Throws
   * `OutboxMisuseError` when `db` has no open transaction, and SQLite's error when the outbox table
   * does not exist (construct a {@link SqliteOutbox} on `db` at start-up first); either way the
   * caller's transaction rolls back. Ignores a second event for the same attempt id.
   */
  static enqueueInTransaction(db: SqliteDatabase, event: ResultEvent, now = Date.now()): void {
    if (!db.inTransaction) {
      throw new OutboxMisuseError(
        'SqliteOutbox.enqueueInTransaction must run inside the transaction of the submission',
      );
    }
    let insert = insertStatements.get(db);
    if (!insert) {
      insert = db.prepare(insertSql);
      insertStatements.set(db, insert);
    }
    insert.run(event.attemptId, JSON.stringify(event), now, now);
  }

  /** Writes one event in a transaction of its own (for callers with nothing else to commit). */
  enqueue(event: ResultEvent, now = Date.now()): void {
    this.db.transaction(() => SqliteOutbox.enqueueInTransaction(this.db, event, now))();
  }

  /** Up to `limit` unsent rows whose next try is due at `now`, oldest first. */
  due(now: number, limit: number): OutboxEntry[] {
    return this.selectDue.all(now, limit).map((r) => ({
      id: r.id,
      attemptId: r.attempt_id,
      payload: r.payload,
      createdAt: r.created_at,
      tries: r.tries,
    }));
  }

  /** Marks rows as handed over (one transaction). Call only after the receiver acknowledged. */
  markSent(ids: readonly number[], now = Date.now()): void {
    if (ids.length === 0) return;
    this.db.transaction(() => {
      for (const id of ids) this.updateSent.run(now, id);
    })();
  }

  /** Records a failed hand-over of rows and when to try them again (one transaction). */
  markFailed(failures: readonly { id: number; error: string; retryAt: number }[]): void {
    if (failures.length === 0) return;
    this.db.transaction(() => {
      for (const f of failures) {
        this.updateFailed.run(f.error.slice(0, 1000), f.retryAt, f.id);
      }
    })();
  }

  /** Rows not yet handed over (the backlog). */
  backlog(): number {
    return this.countUnsent.get()?.n ?? 0;
  }

  /** Deletes rows handed over before `before` (epoch ms); returns how many. */
  pruneSent(before: number): number {
    return this.deleteSent.run(before).changes;
  }
}
