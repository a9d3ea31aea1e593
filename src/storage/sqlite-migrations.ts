import type { SqliteDatabase } from './sqlite-database';

/** One schema step. Versions start at 1 and increase by one; a step is never edited once shipped. */
export interface Migration {
  version: number;
  description: string;
  up: (db: SqliteDatabase) => void;
}

/**
 * Brings one component's tables (`scope`) up to the newest migration. Versions are kept per scope
 * in a shared `schema_version` table, so adapters sharing a database file migrate independently.
 * Each step runs in its own transaction with its version bump: a failed step changes nothing.
 * Returns the version reached.
 */
export function runMigrations(db: SqliteDatabase, scope: string, migrations: Migration[]): number {
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_version (
       scope TEXT PRIMARY KEY,
       version INTEGER NOT NULL,
       updated_at TEXT NOT NULL
     )`,
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migrations for "${scope}" must be numbered 1..n; found ${m.version}`);
    }
  });
  const current = db.prepare('SELECT version FROM schema_version WHERE scope = ?').get(scope) as
    { version: number } | undefined;
  let version = current?.version ?? 0;
  if (version > sorted.length) {
    throw new Error(
      `Database schema "${scope}" is at version ${version}, newer than this code (${sorted.length})`,
    );
  }
  const bump = db.prepare(
    `INSERT INTO schema_version (scope, version, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(scope) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
  );
  for (const m of sorted.slice(version)) {
    db.transaction(() => {
      m.up(db);
      bump.run(scope, m.version, new Date().toISOString());
    })();
    version = m.version;
  }
  return version;
}
