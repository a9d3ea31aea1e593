import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** Options for {@link openSqliteDatabase}. */
export interface SqliteDatabaseOptions {
  /** A file path, or `:memory:` for a private in-memory database (tests). */
  file: string;
  /** How long a writer waits for a lock held by another connection, in ms. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens (creating the parent directory if needed) a better-sqlite3 database tuned for a bot
 * process: WAL journal so readers never block the writer, foreign keys on, a busy timeout so two
 * processes sharing the file wait instead of failing.
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): SqliteDatabase {
  const inMemory = options.file === ':memory:';
  if (!inMemory && !options.readonly) {
    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  }
  const db = new Database(options.file, { readonly: options.readonly ?? false });
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('foreign_keys = ON');
  if (!inMemory && !options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}
