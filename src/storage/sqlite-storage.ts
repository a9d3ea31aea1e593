import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { groupedRead } from './transaction-group';
import type { SqliteDatabase } from './sqlite-database';
import { runMigrations, type Migration } from './sqlite-migrations';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'bot state items keyed by storage key',
    up: (db) =>
      db.exec(
        `CREATE TABLE bot_state (
           key TEXT PRIMARY KEY,
           etag TEXT NOT NULL,
           data TEXT NOT NULL,
           updated_at TEXT NOT NULL
         )`,
      ),
  },
];

/**
 * botbuilder `Storage` on SQLite (better-sqlite3), for conversation and user state.
 *
 * Contract, as `MemoryStorage`:
 * - `read` returns copies of the stored items that exist, each with its current `eTag`; missing
 *   keys are absent from the result.
 * - `write` stores a copy with a fresh `eTag`. An item without `eTag`, or with `eTag: '*'`, or whose
 *   key does not exist yet, overwrites; an item whose `eTag` differs from the stored one is a
 *   conflict and the call rejects with an `Error` naming the key. A batch is atomic: on conflict
 *   nothing in it is written (stricter than `MemoryStorage`).
 * - `delete` removes the keys; missing keys are ignored.
 *
 * Reads of concurrent turns share one read transaction (`groupedRead`). The database connection
 * is injected and owned by the caller, who closes it.
 */
export class SqliteStorage implements Storage {
  private readonly select: Statement<[string], { etag: string; data: string }>;
  private readonly selectEtag: Statement<[string], { etag: string }>;
  private readonly upsert: Statement<[string, string, string, string]>;
  private readonly remove: Statement<[string]>;

  constructor(private readonly db: SqliteDatabase) {
    runMigrations(db, 'bot_state', migrations);
    this.select = db.prepare('SELECT etag, data FROM bot_state WHERE key = ?');
    this.selectEtag = db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data,
         updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const rows = await groupedRead(this.db, () => keys.map((key) => this.select.get(key)));
    const items: StoreItems = {};
    rows.forEach((row, i) => {
      if (row) items[keys[i]!] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') {
      throw new ReferenceError('Changes are required when writing.');
    }
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...data } = (item ?? {}) as { eTag?: unknown };
        if (eTag !== undefined && eTag !== '*' && eTag !== '') {
          const stored = this.selectEtag.get(key);
          if (stored && stored.etag !== eTag) {
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
          }
        }
        this.upsert.run(key, randomUUID(), JSON.stringify(data), now);
      }
    })();
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    this.db.transaction(() => {
      for (const key of keys) this.remove.run(key);
    })();
  }
}
