import path from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage';
import { makeTempDir } from './temp-dir';

/**
 * One SQLite file in a temporary directory that a test opens as many connections as it needs to
 * (as several processes would); all are closed and the directory removed after the suite.
 * `open({ name })` opens another file of the same directory; `busyTimeoutMs` as the store takes it.
 */
export function sharedSqliteFile(prefix: string): {
  file: string;
  open: (options?: { name?: string; busyTimeoutMs?: number }) => SqliteDatabase;
} {
  const tmp = makeTempDir(prefix);
  const file = path.join(tmp.dir, 'bot.sqlite');
  const connections: SqliteDatabase[] = [];
  afterAll(() => {
    for (const db of connections) db.close();
    tmp.remove();
  });
  return {
    file,
    open: ({ name, busyTimeoutMs } = {}) => {
      const db = openSqliteDatabase({
        file: name ? path.join(tmp.dir, name) : file,
        ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
      });
      connections.push(db);
      return db;
    },
  };
}
