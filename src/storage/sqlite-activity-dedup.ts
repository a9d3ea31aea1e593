import type { Statement } from 'better-sqlite3';
import { DEFAULT_DEDUP_RETENTION_MS, type ActivityDedup } from '../quiz';
import type { SqliteDatabase } from './sqlite-database';
import { runMigrations, type Migration } from './sqlite-migrations';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'inbound activities already handled (channel retries count once)',
    up: (db) =>
      db.exec(`
        CREATE TABLE seen_activities (
          channel_id TEXT NOT NULL,
          activity_id TEXT NOT NULL,
          seen_at INTEGER NOT NULL,
          PRIMARY KEY (channel_id, activity_id)
        ) WITHOUT ROWID;
        CREATE INDEX seen_activities_by_time ON seen_activities (seen_at);
      `),
  },
];

/** Options for {@link SqliteActivityDedup}. */
export interface SqliteActivityDedupOptions {
  /** Epoch ms, injectable for tests. */
  clock?: () => number;
  /** How long a pair is remembered; default a day. */
  retentionMs?: number;
  /** Least time between two prunes of old pairs; default a minute. */
  pruneEveryMs?: number;
}

/**
 * {@link ActivityDedup} on SQLite (better-sqlite3): table `seen_activities` (migration scope
 * `activity_dedup`) in the bot's database file, so a retry after a restart is still recognised.
 * `record` is one `INSERT`: the primary key makes check-and-record
 * atomic, also between processes sharing the file. `SqliteAttemptStore` calls `record` inside the
 * transaction of the write an activity causes, so the pair is committed (or rolled back) with it.
 * Pairs older than the retention are deleted at most once per `pruneEveryMs`, by the call that
 * notices it is time. The connection is injected and owned by the caller.
 */
export class SqliteActivityDedup implements ActivityDedup {
  private readonly clock: () => number;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;
  private nextPruneAt = 0;
  private readonly insert: Statement<[string, string, number, number]>;
  private readonly select: Statement<[string, string, number], number>;
  private readonly prune: Statement<[number]>;

  constructor(db: SqliteDatabase, options: SqliteActivityDedupOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.retentionMs = options.retentionMs ?? DEFAULT_DEDUP_RETENTION_MS;
    this.pruneEveryMs = options.pruneEveryMs ?? 60_000;
    runMigrations(db, 'activity_dedup', migrations);
    // A pair past its retention but not pruned yet counts as new, as `isHandled` says.
    this.insert = db.prepare(
      `INSERT INTO seen_activities (channel_id, activity_id, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (channel_id, activity_id) DO UPDATE SET seen_at = excluded.seen_at
       WHERE seen_at <= ?`,
    );
    this.select = db
      .prepare<[string, string, number], number>(
        `SELECT 1 FROM seen_activities WHERE channel_id = ? AND activity_id = ? AND seen_at > ?`,
      )
      .pluck();
    this.prune = db.prepare('DELETE FROM seen_activities WHERE seen_at <= ?');
  }

  async isHandled(channelId: string, activityId: string): Promise<boolean> {
    if (typeof activityId !== 'string' || activityId === '') return false;
    const since = this.clock() - this.retentionMs;
    return this.select.get(String(channelId ?? ''), activityId, since) !== undefined;
  }

  /**
   * Records the pair on the connection given to the constructor (see `ActivityDedup`): inside a
   * transaction of that connection it is committed or rolled back with the rest of it.
   */
  record(channelId: string, activityId: string): boolean {
    if (typeof activityId !== 'string' || activityId === '') return true;
    const now = this.clock();
    if (now >= this.nextPruneAt) {
      this.nextPruneAt = now + this.pruneEveryMs;
      this.prune.run(now - this.retentionMs);
    }
    const expired = now - this.retentionMs;
    return this.insert.run(String(channelId ?? ''), activityId, now, expired).changes === 1;
  }
}
