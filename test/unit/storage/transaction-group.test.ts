import type { SqliteDatabase } from '../../../src/storage';
import { groupedRead } from '../../../src/storage/transaction-group';
import { sharedSqliteFile } from '../../helpers/sqlite-file';

describe('groupedRead', () => {
  const { open } = sharedSqliteFile('grouped-read-');
  let db: SqliteDatabase;
  let other: SqliteDatabase;
  const value = (conn: SqliteDatabase) =>
    conn.prepare('SELECT n FROM counter WHERE id = 1').pluck().get() as number;
  const bump = (conn: SqliteDatabase) => conn.prepare('UPDATE counter SET n = n + 1').run();

  beforeAll(() => {
    db = open();
    other = open();
    db.exec('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    db.exec('INSERT INTO counter (id, n) VALUES (1, 0)');
  });

  it('runs the reads requested together in one read transaction, one snapshot', async () => {
    const start = value(db);
    const reads = await Promise.all([
      groupedRead(db, () => {
        expect(db.inTransaction).toBe(true);
        const seen = value(db);
        // Another process commits while the group runs: the group's snapshot does not move.
        bump(other);
        return seen;
      }),
      groupedRead(db, () => value(db)),
    ]);
    expect(reads).toEqual([start, start]);
    expect(db.inTransaction).toBe(false);
    // The next group starts a new snapshot and sees that commit.
    expect(await groupedRead(db, () => value(db))).toBe(start + 1);
  });

  it('rejects a read that throws, and only that one', async () => {
    const settled = await Promise.allSettled([
      groupedRead(db, () => value(db)),
      groupedRead(db, () => db.prepare('SELECT n FROM no_such_table').get()),
      groupedRead(db, () => 'after'),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({
      message: expect.stringContaining('no such table'),
    });
    expect((settled[2] as PromiseFulfilledResult<string>).value).toBe('after');
  });

  it('keeps the groups of two connections apart', async () => {
    const [mine, theirs] = await Promise.all([
      groupedRead(db, () => db.inTransaction && !other.inTransaction),
      groupedRead(other, () => other.inTransaction && !db.inTransaction),
    ]);
    expect([mine, theirs]).toEqual([true, true]);
  });

  it('rejects every read of a group whose transaction cannot run', async () => {
    const closed = open();
    const pending = [groupedRead(closed, () => 1), groupedRead(closed, () => 2)];
    closed.close();
    const settled = await Promise.allSettled(pending);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect((settled[0] as PromiseRejectedResult).reason).toMatchObject({
      message: expect.stringContaining('not open'),
    });
  });
});
