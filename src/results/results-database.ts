import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { openSqliteDatabase, type SqliteDatabase } from '../storage';

/** Table `competency_results`: one row per attempt. Types are what both dialects return. */
export interface CompetencyResultsTable {
  attempt_id: string;
  schema_version: number;
  contest_id: string | null;
  mode: string;
  user_id: string;
  unit_code: string | null;
  /** ISO 8601 UTC. */
  started_at: string;
  submitted_at: string;
  /** bigint columns come back as strings from PostgreSQL: read through `Number()`. */
  duration_ms: number | string;
  score: number;
  correct: number;
  total: number;
  /** 1, 0, or null (no pass mark): an integer so that both dialects bind it. */
  passed: number | null;
  /** JSON text. */
  by_topic: string;
  /** JSON text. */
  answers: string;
  tiebreak: number | string | null;
  stored_at: string;
}

/** Table `result_dead_letters`: deliveries the consumer refused, with the reason. */
export interface ResultDeadLettersTable {
  /** The delivery's id (the job id; the attempt id for outbox deliveries). */
  id: string;
  attempt_id: string | null;
  source: string;
  reason: string;
  payload: string;
  received_at: string;
}

/** The reporting database as Kysely sees it. */
export interface ResultsDatabase {
  competency_results: CompetencyResultsTable;
  result_dead_letters: ResultDeadLettersTable;
}

// Written with Kysely's schema builder only, so PostgreSQL gets the same steps. `ifNotExists`
// everywhere: two processes starting together on one SQLite file may both try a step.
const migrations: Record<string, Migration> = {
  '0001_competency_results': {
    async up(db) {
      await db.schema
        .createTable('competency_results')
        .ifNotExists()
        .addColumn('attempt_id', 'text', (c) => c.primaryKey())
        .addColumn('schema_version', 'integer', (c) => c.notNull())
        .addColumn('contest_id', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'bigint', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('correct', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('passed', 'integer')
        .addColumn('by_topic', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('tiebreak', 'bigint')
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('competency_results_by_user')
        .ifNotExists()
        .on('competency_results')
        .columns(['user_id', 'submitted_at'])
        .execute();
      await db.schema
        .createIndex('competency_results_by_contest')
        .ifNotExists()
        .on('competency_results')
        .columns(['contest_id', 'unit_code'])
        .execute();
      await db.schema
        .createIndex('competency_results_by_unit')
        .ifNotExists()
        .on('competency_results')
        .columns(['unit_code', 'submitted_at'])
        .execute();
    },
  },
  '0002_result_dead_letters': {
    async up(db) {
      await db.schema
        .createTable('result_dead_letters')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('attempt_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('result_dead_letters_by_time')
        .ifNotExists()
        .on('result_dead_letters')
        .columns(['received_at'])
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the reporting tables up to date (Kysely migrations in tables `results_migration` and
 * `results_migration_lock`). Safe to run from several processes at once: a step that loses a race
 * is retried and then finds the work done. Throws when a step fails for any other reason.
 */
export async function migrateResultsDatabase(db: Kysely<ResultsDatabase>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'results_migration',
    migrationLockTableName: 'results_migration_lock',
  });
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    if (attempt >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

/** A Kysely handle on a SQLite reporting database, and how to close it. */
export interface SqliteResultsDatabase {
  readonly db: Kysely<ResultsDatabase>;
  /** The underlying connection (tests and metrics). */
  readonly sqlite: SqliteDatabase;
  close(): Promise<void>;
}

type Prepared = ReturnType<SqliteDatabase['prepare']>;

/**
 * better-sqlite3 for Kysely with a statement cache: Kysely prepares every query afresh, and
 * preparing costs more than running a small insert. Statements are reused by SQL text (at most
 * `max`, least recently used dropped); Kysely runs one query at a time per connection, so a cached
 * statement is never in use twice.
 */
export function withStatementCache(
  sqlite: SqliteDatabase,
  max = 200,
): { prepare(sql: string): Prepared; close(): void } {
  const cache = new Map<string, Prepared>();
  return {
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

/**
 * Opens (creating if needed) the SQLite reporting database at `file` (`:memory:` for tests) and
 * runs its migrations.
 */
export async function openSqliteResultsDatabase(file: string): Promise<SqliteResultsDatabase> {
  const sqlite = openSqliteDatabase({ file });
  const db = new Kysely<ResultsDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  try {
    await migrateResultsDatabase(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, sqlite, close: () => db.destroy() };
}
