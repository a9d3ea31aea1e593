import { openSqliteDatabase, type SqliteDatabase } from '../../../src/storage';
import { OutboxMisuseError, SqliteOutbox } from '../../../src/results';
import { makeResultEvent } from '../../helpers/result-events';
import { makeTempDir } from '../../helpers/temp-dir';

describe('SqliteOutbox', () => {
  let db: SqliteDatabase;
  let outbox: SqliteOutbox;

  beforeEach(() => {
    db = openSqliteDatabase({ file: ':memory:' });
    outbox = new SqliteOutbox(db);
    db.exec('CREATE TABLE attempts (id TEXT PRIMARY KEY, status TEXT NOT NULL)');
  });
  afterEach(() => db.close());

  /** A submission as the attempt store writes it: the attempt and its outbox row together. */
  function submit(id: number, fail = false): void {
    db.transaction(() => {
      db.prepare('INSERT INTO attempts (id, status) VALUES (?, ?)').run(`a${id}`, 'submitted');
      SqliteOutbox.enqueueInTransaction(db, makeResultEvent(id), 1000 + id);
      if (fail) throw new Error('write failed after the outbox row');
    })();
  }

  it('commits the outbox row with the submission, in order, as JSON of the event', () => {
    submit(1);
    submit(2);
    const due = outbox.due(5000, 10);
    expect(due.map((r) => r.attemptId)).toEqual(['attempt-000001', 'attempt-000002']);
    expect(JSON.parse(due[0]!.payload)).toEqual(makeResultEvent(1));
    expect(due[0]).toMatchObject({ createdAt: 1001, tries: 0 });
    expect(outbox.backlog()).toBe(2);
  });

  it('rolls the outbox row back with a failed submission', () => {
    expect(() => submit(3, true)).toThrow('write failed');
    expect(outbox.backlog()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM attempts').get()).toEqual({ n: 0 });
  });

  it('refuses to write outside a transaction', () => {
    expect(() => SqliteOutbox.enqueueInTransaction(db, makeResultEvent(1))).toThrow(
      OutboxMisuseError,
    );
    expect(outbox.backlog()).toBe(0);
  });

  it('keeps one row per attempt', () => {
    outbox.enqueue(makeResultEvent(1));
    outbox.enqueue(makeResultEvent(1, { score: 10 }));
    const due = outbox.due(Date.now(), 10);
    expect(due).toHaveLength(1);
    expect(JSON.parse(due[0]!.payload)).toMatchObject({ score: 75 });
  });

  it('hides sent rows, reschedules failed ones and prunes old sent rows', () => {
    for (let i = 1; i <= 3; i++) outbox.enqueue(makeResultEvent(i), 100);
    const [r1, r2, r3] = outbox.due(100, 10);
    outbox.markSent([r1!.id], 200);
    outbox.markFailed([{ id: r2!.id, error: 'Redis down', retryAt: 1000 }]);
    expect(outbox.due(500, 10).map((r) => r.id)).toEqual([r3!.id]);
    expect(outbox.due(1000, 10).map((r) => [r.id, r.tries])).toEqual([
      [r2!.id, 1],
      [r3!.id, 0],
    ]);
    expect(outbox.backlog()).toBe(2);
    expect(outbox.pruneSent(200)).toBe(0);
    expect(outbox.pruneSent(201)).toBe(1);
    expect(outbox.backlog()).toBe(2);
  });

  it('sees rows committed by another connection to the same file', () => {
    const tmp = makeTempDir();
    try {
      const a = openSqliteDatabase({ file: `${tmp.dir}/bot.sqlite` });
      const b = openSqliteDatabase({ file: `${tmp.dir}/bot.sqlite` });
      const relaySide = new SqliteOutbox(a);
      new SqliteOutbox(b).enqueue(makeResultEvent(9));
      expect(relaySide.due(Date.now(), 10).map((r) => r.attemptId)).toEqual(['attempt-000009']);
      a.close();
      b.close();
    } finally {
      tmp.remove();
    }
  });
});
