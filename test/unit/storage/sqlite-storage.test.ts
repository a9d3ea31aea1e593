import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteDatabase, SqliteStorage } from '../../../src/storage';
import { makeTempDir } from '../../helpers/temp-dir';
import { describeStorageContract } from './storage-contract';

describeStorageContract('SqliteStorage (:memory:)', () => {
  const db = openSqliteDatabase({ file: ':memory:' });
  return { storage: new SqliteStorage(db), cleanup: () => db.close() };
});

describeStorageContract('SqliteStorage (file)', () => {
  const tmp = makeTempDir();
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'nested', 'bot.sqlite') });
  return {
    storage: new SqliteStorage(db),
    cleanup: () => {
      db.close();
      tmp.remove();
    },
  };
});

describe('SqliteStorage on a file', () => {
  const tmp = makeTempDir();
  const file = path.join(tmp.dir, 'data', 'bot.sqlite');
  afterAll(() => tmp.remove());

  it('keeps items across reopening, in WAL mode, with its schema version recorded', async () => {
    const db = openSqliteDatabase({ file });
    await new SqliteStorage(db).write({ 'conv/1': { lastQuery: 'chữ ký số' } });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const reopened = openSqliteDatabase({ file });
    const read = await new SqliteStorage(reopened).read(['conv/1']);
    expect(read['conv/1'].lastQuery).toBe('chữ ký số');
    reopened.close();

    const raw = new Database(file, { readonly: true });
    expect(
      raw.prepare("SELECT version FROM schema_version WHERE scope = 'bot_state'").get(),
    ).toEqual({ version: 1 });
    raw.close();
  });

  it('writes a batch atomically: a conflict on one key writes none', async () => {
    const db = openSqliteDatabase({ file });
    const storage = new SqliteStorage(db);
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const stale = (await storage.read(['b'])).b;
    await storage.write({ b: { v: 2 } });
    await expect(storage.write({ a: { v: 9 }, b: { ...stale, v: 9 } })).rejects.toThrow(
      /"b" due to eTag conflict/,
    );
    const read = await storage.read(['a', 'b']);
    expect([read.a.v, read.b.v]).toEqual([1, 2]);
    db.close();
  });
});
