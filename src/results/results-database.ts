import {
  Kysely,
  Migrator,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { openSqliteDatabase, type SqliteDatabase } from '../storage';
import { backfillContestAggregates, backfillParticipantAttempts } from './contest-backfill';
import type { ResultsDatabase } from './results-schema';

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
  '0003_contest_aggregates': {
    // The aggregates of rows stored before this step are built by 0005, once the participant
    // table has all its columns (the backfill goes through the live code, which writes them).
    up: (db) => withWriteLock(db, createContestAggregates),
  },
  '0004_report_access_log': {
    async up(db) {
      await db.schema
        .createTable('report_access_log')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text')
        .addColumn('contest_id', 'text')
        .addColumn('allowed', 'integer', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('report_access_log_by_time')
        .ifNotExists()
        .on('report_access_log')
        .columns(['at', 'id'])
        .execute();
    },
  },
  '0005_participant_attempts': {
    up: (db) =>
      withWriteLock(db, async (trx) => {
        await addParticipantAttemptColumns(trx);
        const results = trx as Kysely<ResultsDatabase>;
        await backfillContestAggregates(results);
        await backfillParticipantAttempts(results);
      }),
  },
  '0006_clustered_aggregates': {
    up: async (db) => {
      if (db.getExecutor().adapter instanceof SqliteAdapter) {
        await withWriteLock(db, clusterAggregateTables);
      }
    },
  },
};

/** The aggregate tables with small rows that migration 0006 stores by key (see below). */
const CLUSTERED_AGGREGATE_TABLES = [
  'contest_unit_stats',
  'contest_unit_scores',
  'contest_unit_topics',
  'contest_unit_questions',
  'contest_questions',
] as const;

/**
 * SQLite only (PostgreSQL tables are heaps either way): rebuilds the small-row aggregate tables
 * `WITHOUT ROWID`, so that each is one B-tree ordered by its key instead of a rowid table plus
 * its key index. A save upserts some 40 rows of these per result; clustered, one result's rows
 * share pages (a unit's questions sit together) and each upsert changes one B-tree, not two: about a
 * quarter fewer pages written per commit. `contest_participants` keeps its rowid: its rows are
 * large, and clustering them wrote more. Skips a table already rebuilt (the step run again).
 */
async function clusterAggregateTables(db: Kysely<unknown>): Promise<void> {
  for (const table of CLUSTERED_AGGREGATE_TABLES) {
    const { rows } = await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db);
    const ddl = rows[0]?.sql;
    if (ddl === undefined || /without\s+rowid\s*$/i.test(ddl)) continue;
    const old = `${table}_rowid`;
    await sql`ALTER TABLE ${sql.table(table)} RENAME TO ${sql.table(old)}`.execute(db);
    await sql.raw(`${ddl} WITHOUT ROWID`).execute(db);
    await sql`INSERT INTO ${sql.table(table)} SELECT * FROM ${sql.table(old)}`.execute(db);
    await sql`DROP TABLE ${sql.table(old)}`.execute(db);
  }
}

/**
 * Runs a migration step holding the database's write lock. On SQLite the migrator runs steps
 * outside a transaction (and its lock does not span processes): taking the write lock first makes a
 * second process starting together wait and then find the work done (the steps check) instead of
 * doing it twice. PostgreSQL runs migrations in a transaction under an advisory lock already.
 */
async function withWriteLock(
  db: Kysely<unknown>,
  steps: (db: Kysely<unknown>) => Promise<void>,
): Promise<void> {
  if (db.isTransaction) return steps(db);
  await sql`begin immediate`.execute(db);
  try {
    await steps(db);
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}

/** The columns that migration 0005 adds to `contest_participants`, with their SQL types. */
const PARTICIPANT_ATTEMPT_COLUMNS = [
  ['first_submitted_at', 'text'],
  ['first_duration_ms', 'bigint'],
  ['first_score', 'integer'],
  ['first_correct', 'integer'],
  ['first_total', 'integer'],
  ['first_passed', 'integer'],
  ['first_tiebreak', 'bigint'],
  ['first_by_topic', 'text'],
  ['best_submitted_at', 'text'],
  ['best_correct', 'integer'],
  ['best_total', 'integer'],
  ['best_passed', 'integer'],
  ['best_tiebreak', 'bigint'],
  ['best_by_topic', 'text'],
] as const;

/** Adds the columns of migration 0005 that are missing (a second SQLite process finds them all). */
async function addParticipantAttemptColumns(db: Kysely<unknown>): Promise<void> {
  let present = new Set<string>();
  if (!db.isTransaction) {
    // SQLite: the step may run again after another process has done it (see withWriteLock), and
    // SQLite has no ADD COLUMN IF NOT EXISTS.
    const { rows } = await sql<{
      name: string;
    }>`SELECT name FROM pragma_table_info('contest_participants')`.execute(db);
    present = new Set(rows.map((r) => r.name));
  }
  for (const [name, type] of PARTICIPANT_ATTEMPT_COLUMNS) {
    if (present.has(name)) continue;
    await db.schema.alterTable('contest_participants').addColumn(name, type).execute();
  }
}

/** Migration 0003's steps: the aggregate tables (as they were before migration 0005). */
async function createContestAggregates(db: Kysely<unknown>): Promise<void> {
  const bigint = ['attempts', 'people', 'passed', 'duration_ms_sum'] as const;
  let units = db.schema
    .createTable('contest_unit_stats')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull());
  for (const name of bigint) units = units.addColumn(name, 'bigint', (c) => c.notNull());
  await units
    .addPrimaryKeyConstraint('contest_unit_stats_pk', ['contest_id', 'unit_code'])
    .execute();
  await db.schema
    .createTable('contest_unit_scores')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_unit_scores_pk', ['contest_id', 'unit_code', 'score'])
    .execute();
  await db.schema
    .createTable('contest_unit_topics')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('correct', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_unit_topics_pk', ['contest_id', 'unit_code', 'topic'])
    .execute();
  const sums = ['n', 'sum_x', 'sum_rest', 'sum_x_rest', 'sum_rest_sq'] as const;
  let questions = db.schema
    .createTable('contest_unit_questions')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull());
  for (const name of sums) questions = questions.addColumn(name, 'bigint', (c) => c.notNull());
  await questions
    .addPrimaryKeyConstraint('contest_unit_questions_pk', [
      'contest_id',
      'unit_code',
      'question_id',
    ])
    .execute();
  let totals = db.schema
    .createTable('contest_questions')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull());
  for (const name of sums) totals = totals.addColumn(name, 'bigint', (c) => c.notNull());
  await totals
    .addPrimaryKeyConstraint('contest_questions_pk', ['contest_id', 'question_id'])
    .execute();
  await db.schema
    .createTable('contest_participants')
    .ifNotExists()
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('attempts', 'bigint', (c) => c.notNull())
    .addColumn('first_attempt_id', 'text', (c) => c.notNull())
    .addColumn('first_started_at', 'text', (c) => c.notNull())
    .addColumn('best_attempt_id', 'text', (c) => c.notNull())
    .addColumn('best_started_at', 'text', (c) => c.notNull())
    .addColumn('best_score', 'integer', (c) => c.notNull())
    .addColumn('best_duration_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_participants_pk', ['contest_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('contest_participants_by_unit')
    .ifNotExists()
    .on('contest_participants')
    .columns(['contest_id', 'unit_code'])
    .execute();
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Names of the reporting database's migrations, in order. */
export const RESULTS_MIGRATIONS: readonly string[] = Object.keys(migrations).sort();

/**
 * Brings the reporting tables up to date (Kysely migrations in tables `results_migration` and
 * `results_migration_lock`), or up to migration `target` inclusive (tests of upgrades). Safe to
 * run from several processes at once: a step that loses a race is retried and then finds the work
 * done. Throws when a step fails for any other reason.
 */
export async function migrateResultsDatabase(
  db: Kysely<ResultsDatabase>,
  target?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'results_migration',
    migrationLockTableName: 'results_migration_lock',
  });
  for (let attempt = 1; ; attempt++) {
    const { error } = await (target === undefined
      ? migrator.migrateToLatest()
      : migrator.migrateTo(target));
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
  // A contest save rewrites a few hundred pages, many of them the same hot aggregate pages from one
  // save to the next: checkpointing every 10,000 WAL pages (~40 MB) instead of SQLite's 1,000
  // copies each such page to the database once per checkpoint rather than every few commits.
  sqlite.pragma('wal_autocheckpoint = 10000');
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
