import type { SqliteDatabase } from './sqlite-database';

type Outcome<O> = { value: O } | { error: unknown };

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Work on one SQLite connection requested during one round of the event loop (concurrent turns),
 * run together in ONE transaction when the loop reaches its check phase (`setImmediate`), after
 * that round's I/O callbacks.
 *
 * Why: every transaction on a WAL database takes and drops a lock in the shared-memory index, a
 * read after another commit first moves a read mark, and a commit adds the write lock and the WAL
 * frames: a few `fcntl` and `pwrite` calls, 20–90 µs inside a busy server, against 1–2 µs for a
 * point statement run inside an open transaction. Turns that arrive together share them.
 *
 * In an `immediate` (writing) group each item runs `each(item)` in a savepoint of its own
 * (better-sqlite3 nests a transaction function as a savepoint): if it throws, its changes are
 * rolled back and its promise rejects with that error, and the other items go on. A `deferred`
 * group is for reads: an item that throws rejects alone, with nothing to roll back. Every promise settles after the COMMIT, so a write that
 * resolved is durable as if it had run alone; if the transaction itself cannot begin or commit,
 * every item of the group rejects with that error and nothing of it is written. A group is one
 * snapshot: reads in it see the state at its start plus the group's own writes.
 */
export class TransactionGroup<I, O> {
  private pending: Pending<I, O>[] = [];
  private readonly run: (pending: Pending<I, O>[]) => Outcome<O>[];

  constructor(db: SqliteDatabase, mode: 'deferred' | 'immediate', each: (item: I) => O) {
    const one = mode === 'immediate' ? db.transaction(each) : each;
    const all = db.transaction((pending: Pending<I, O>[]) =>
      pending.map((p): Outcome<O> => {
        try {
          return { value: one(p.item) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.run = mode === 'immediate' ? all.immediate : all.deferred;
  }

  /** Runs `item` with the rest of this round's group; resolves with `each(item)` after COMMIT. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  /** Runs the items submitted so far now, instead of at the check phase. */
  flush(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    let outcomes: Outcome<O>[];
    try {
      outcomes = this.run(pending);
    } catch (error) {
      for (const p of pending) p.reject(error);
      return;
    }
    pending.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) p.reject(outcome.error);
      else p.resolve(outcome.value);
    });
  }
}

const readGroups = new WeakMap<SqliteDatabase, TransactionGroup<() => unknown, unknown>>();

/**
 * Runs `read` (synchronous statements on `db`) in the connection's shared read group (see
 * {@link TransactionGroup}): the reads of concurrent turns, whichever store asks, take one read
 * lock. Resolves with its value, or rejects with what it threw, the other reads going on.
 */
export function groupedRead<T>(db: SqliteDatabase, read: () => T): Promise<T> {
  let group = readGroups.get(db);
  if (!group) {
    // Deferred: the first SELECT takes the read lock, COMMIT releases it.
    group = new TransactionGroup(db, 'deferred', (r: () => unknown) => r());
    readGroups.set(db, group);
  }
  return group.submit(read) as Promise<T>;
}
