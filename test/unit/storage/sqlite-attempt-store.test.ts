import path from 'node:path';
import { DuplicateActivityError, InvalidInputError } from '../../../src/errors';
import { answerQuestion, startAttempt, submitAttempt } from '../../../src/quiz';
import { openSqliteDatabase, SqliteActivityDedup, SqliteAttemptStore } from '../../../src/storage';
import { sharedSqliteFile } from '../../helpers/sqlite-file';
import { makeTempDir } from '../../helpers/temp-dir';
import {
  describeActivityDedupContract,
  describeAttemptStoreContract,
} from '../quiz/attempt-store-contract';
import { makeBank, makeContest, T0 } from '../quiz/fixtures';

describeAttemptStoreContract('SqliteAttemptStore (temp file)', () => {
  const tmp = makeTempDir('attempt-store-');
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
  return {
    store: new SqliteAttemptStore(db),
    // Another instance: the store records in the same table.
    activities: new SqliteActivityDedup(db),
    cleanup: () => {
      db.close();
      tmp.remove();
    },
  };
});

describeActivityDedupContract('SqliteActivityDedup (temp file)', (clock) => {
  const tmp = makeTempDir('dedup-');
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
  return {
    dedup: new SqliteActivityDedup(db, { clock }),
    cleanup: () => {
      db.close();
      tmp.remove();
    },
  };
});

describe('SqliteAttemptStore on a real file', () => {
  const bank = makeBank({ a: 4, b: 3 });
  const contest = makeContest({ questionsPerTopic: { a: 2, b: 1 }, questionCount: 3 });
  const { open } = sharedSqliteFile('attempt-store-file-');

  const attempt = (id: string, userId: string) =>
    startAttempt({ mode: 'contest', id, userId, seed: 7, startedAt: T0, bank, contest });

  it('records its schema under the scope "quiz" and the dedup under "activity_dedup"', () => {
    const db = open();
    new SqliteAttemptStore(db);
    new SqliteActivityDedup(db);
    const scopes = db.prepare('SELECT scope, version FROM schema_version ORDER BY scope').all();
    expect(scopes).toEqual(
      expect.arrayContaining([
        { scope: 'quiz', version: 1 },
        { scope: 'activity_dedup', version: 1 },
      ]),
    );
  });

  it('shares state between connections (another process on the same file)', async () => {
    const one = new SqliteAttemptStore(open());
    const two = new SqliteAttemptStore(open());
    const a = attempt('shared-1', 'u-shared');
    expect(await one.create(a, { conversation: { id: 'c' } }, { maxContestAttempts: 1 })).toBe(
      'created',
    );
    expect(await two.getInProgress('u-shared')).toEqual(a);
    expect(await two.create(attempt('shared-2', 'u-shared'), null)).toBe('attempt-running');
    expect(await two.countContestAttempts('u-shared', contest.id)).toBe(1);
  });

  it('refuses to hand out a corrupt stored attempt', async () => {
    const db = open();
    const store = new SqliteAttemptStore(db);
    await store.create(attempt('corrupt-1', 'u-corrupt'), null);
    db.prepare(
      `UPDATE quiz_attempts SET data = json_set(data, '$.answers', json('[]')) WHERE id = ?`,
    ).run('corrupt-1');
    await expect(store.get('corrupt-1')).rejects.toThrow(InvalidInputError);
    db.prepare(`UPDATE quiz_attempts SET data = '{not json' WHERE id = ?`).run('corrupt-1');
    await expect(store.getInProgress('u-corrupt')).rejects.toThrow(InvalidInputError);
  });

  it('hands out fresh copies and sees versions written by another connection', async () => {
    const one = new SqliteAttemptStore(open());
    const two = new SqliteAttemptStore(open());
    const a = attempt('known-1', 'u-known');
    await one.create(a, null);
    const read = (await one.getInProgress('u-known'))!;
    (read.answers as unknown[])[0] = { choice: 9, originalChoice: 9, correct: true, at: 0 };
    expect(await one.getInProgress('u-known')).toEqual(a);

    const answered = answerQuestion(a, { index: 0, choice: 1, at: T0 + 1 }, bank);
    if (!answered.ok) throw new Error('answer failed');
    expect(await two.update(answered.attempt, 0)).toBe(true);
    expect(await one.getInProgress('u-known')).toEqual(answered.attempt);
    expect(await one.update(answered.attempt, 0)).toBe(false);

    // Changed behind both stores' backs at the same version: validated again, and refused.
    open()
      .prepare(`UPDATE quiz_attempts SET data = json_set(data, '$.plan', json('[]')) WHERE id = ?`)
      .run('known-1');
    await expect(one.getInProgress('u-known')).rejects.toThrow(InvalidInputError);
    await expect(two.get('known-1')).rejects.toThrow(InvalidInputError);
  });

  it('keeps the deadline index right whether an update changes the deadline or not', async () => {
    // A file of its own: the due list must hold this attempt only.
    const db = open({ name: 'deadline.sqlite' });
    const store = new SqliteAttemptStore(db);
    const a = attempt('deadline-1', 'u-deadline');
    await store.create(a, null);
    const answered = answerQuestion(a, { index: 0, choice: 0, at: T0 + 1 }, bank);
    if (!answered.ok) throw new Error('answer failed');
    // An answer: every indexed column as it was.
    expect(await store.update(answered.attempt, 0, { conversation: { id: 'c-2' } })).toBe(true);
    expect(await store.get('deadline-1')).toEqual(answered.attempt);
    expect(await store.getConversation('deadline-1')).toEqual({ id: 'c-2' });
    // A stale version still loses, by either statement.
    expect(await store.update({ ...answered.attempt, version: 2 }, 0)).toBe(false);

    const later = a.deadline! + 60_000;
    const moved = { ...answered.attempt, version: 2, deadline: later };
    expect(await store.update(moved, 1)).toBe(true);
    expect(await store.get('deadline-1')).toEqual(moved);
    const row = db
      .prepare('SELECT deadline, version FROM quiz_attempts WHERE id = ?')
      .get('deadline-1');
    expect(row).toEqual({ deadline: later, version: 2 });
    expect(await store.listDue(later - 1)).not.toContainEqual(
      expect.objectContaining({ id: 'deadline-1' }),
    );
    expect(await store.listDue(later)).toContainEqual(
      expect.objectContaining({ id: 'deadline-1' }),
    );
    // The integrity check covers the partial indexes' entries.
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('runs onSubmitted in the transaction of the submission, once per attempt', async () => {
    const db = open();
    db.exec('CREATE TABLE IF NOT EXISTS test_outbox (attempt_id TEXT PRIMARY KEY)');
    const record = db.prepare('INSERT INTO test_outbox (attempt_id) VALUES (?)');
    let fail = false;
    const store = new SqliteAttemptStore(db, {
      onSubmitted: (a) => {
        expect(db.inTransaction).toBe(true);
        record.run(a.id);
        if (fail) throw new Error('outbox full');
      },
    });
    const outbox = () => db.prepare('SELECT attempt_id FROM test_outbox ORDER BY 1').pluck().all();

    const a = attempt('hook-1', 'u-hook');
    await store.create(a, null);
    const answered = answerQuestion(a, { index: 0, choice: 0, at: T0 + 1 }, bank);
    if (!answered.ok) throw new Error('answer failed');
    await store.update(answered.attempt, 0);
    expect(outbox()).toEqual([]);

    const done = submitAttempt(answered.attempt, T0 + 2, 'user');
    if (!done.ok) throw new Error('submit failed');
    fail = true;
    await expect(store.update(done.attempt, 1)).rejects.toThrow('outbox full');
    expect(outbox()).toEqual([]);
    expect((await store.get(a.id))?.status).toBe('in-progress');

    fail = false;
    expect(await store.update(done.attempt, 1)).toBe(true);
    expect(await store.update(done.attempt, 1)).toBe(false);
    expect(outbox()).toEqual(['hook-1']);
    expect((await store.get(a.id))?.status).toBe('submitted');
  });

  it('rolls the activity of an update back with it when onSubmitted fails', async () => {
    const db = open();
    let fail = true;
    const store = new SqliteAttemptStore(db, {
      onSubmitted: () => {
        if (fail) throw new Error('outbox full');
      },
    });
    const a = attempt('hook-2', 'u-hook-2');
    await store.create(a, null);
    const done = submitAttempt(a, T0 + 2, 'user');
    if (!done.ok) throw new Error('submit failed');
    const act = { channelId: 'msteams', activityId: 'submit-1' };
    await expect(store.update(done.attempt, 0, { activity: act })).rejects.toThrow('outbox full');
    // Another connection (another process) sees neither the submission nor the activity.
    expect(await new SqliteActivityDedup(open()).isHandled('msteams', 'submit-1')).toBe(false);
    expect((await new SqliteAttemptStore(open()).get(a.id))?.status).toBe('in-progress');

    fail = false;
    expect(await store.update(done.attempt, 0, { activity: act })).toBe(true);
    expect(await new SqliteActivityDedup(open()).isHandled('msteams', 'submit-1')).toBe(true);
  });

  describe('group commit', () => {
    /** A new running attempt of `userId`, stored by `store`. */
    const running = async (store: SqliteAttemptStore, id: string, userId: string) => {
      const a = attempt(id, userId);
      await store.create(a, null);
      return a;
    };
    const answer = (a: ReturnType<typeof attempt>, index: number, choice: number) => {
      const answered = answerQuestion(a, { index, choice, at: T0 + 1 + index }, bank);
      if (!answered.ok) throw new Error('answer failed');
      return answered.attempt;
    };
    const submit = (a: ReturnType<typeof attempt>) => {
      const done = submitAttempt(a, T0 + 10, 'user');
      if (!done.ok) throw new Error('submit failed');
      return done.attempt;
    };

    it('commits the updates requested together in one transaction', async () => {
      const db = open();
      const other = open();
      const statusSeenByOthers: Array<string | undefined> = [];
      const store = new SqliteAttemptStore(db, {
        // While the second submission is written, another connection does not see the first
        // one yet: both are in the same, uncommitted transaction.
        onSubmitted: (a) => {
          if (a.id === 'group-2') {
            const row = other
              .prepare('SELECT status FROM quiz_attempts WHERE id = ?')
              .pluck()
              .get('group-1') as string | undefined;
            statusSeenByOthers.push(row);
          }
        },
      });
      const a = await running(store, 'group-1', 'u-group-1');
      const b = await running(store, 'group-2', 'u-group-2');
      const written = await Promise.all([store.update(submit(a), 0), store.update(submit(b), 0)]);
      expect(written).toEqual([true, true]);
      expect(statusSeenByOthers).toEqual(['in-progress']);
      const two = new SqliteAttemptStore(other);
      expect((await two.get('group-1'))?.status).toBe('submitted');
      expect((await two.get('group-2'))?.status).toBe('submitted');
    });

    it('settles each update of a batch on its own: a race, a duplicate, a failure', async () => {
      const db = open();
      const store = new SqliteAttemptStore(db, {
        onSubmitted: (a) => {
          if (a.id === 'batch-fail') throw new Error('outbox full');
        },
      });
      const race = await running(store, 'batch-race', 'u-batch-race');
      const dup = await running(store, 'batch-dup', 'u-batch-dup');
      const other = await running(store, 'batch-other', 'u-batch-other');
      const failing = await running(store, 'batch-fail', 'u-batch-fail');
      const act = (id: string) => ({ channelId: 'webchat', activityId: id });

      const settled = await Promise.allSettled([
        // Two answers racing for the same question: the first requested wins.
        store.update(answer(race, 0, 1), 0, { activity: act('race-a') }),
        store.update(answer(race, 0, 2), 0, { activity: act('race-b') }),
        // A channel's retry of an activity that this batch records already.
        store.update(answer(dup, 0, 1), 0, { activity: act('dup') }),
        store.update(answer(other, 0, 3), 0, { activity: act('dup') }),
        // A submission whose outbox write fails.
        store.update(submit(failing), 0, { activity: act('fail') }),
      ]);
      expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : 'rejected'))).toEqual([
        true,
        false,
        true,
        'rejected',
        'rejected',
      ]);
      expect((settled[3] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateActivityError);
      expect((settled[4] as PromiseRejectedResult).reason).toEqual(new Error('outbox full'));

      const fresh = new SqliteAttemptStore(open());
      expect((await fresh.get('batch-race'))?.answers[0]).toMatchObject({ choice: 1 });
      expect((await fresh.get('batch-dup'))?.version).toBe(1);
      expect((await fresh.get('batch-other'))?.version).toBe(0);
      expect((await fresh.get('batch-fail'))?.status).toBe('in-progress');
      const dedup = new SqliteActivityDedup(open());
      expect(await dedup.isHandled('webchat', 'race-a')).toBe(true);
      expect(await dedup.isHandled('webchat', 'race-b')).toBe(false);
      expect(await dedup.isHandled('webchat', 'fail')).toBe(false);
    });

    it('rejects every update of a batch whose transaction cannot start, writing none', async () => {
      const db = open({ busyTimeoutMs: 20 });
      const store = new SqliteAttemptStore(db);
      const a = await running(store, 'locked-1', 'u-locked-1');
      const b = await running(store, 'locked-2', 'u-locked-2');
      // Another process holds the write lock longer than this connection waits.
      const holder = open();
      holder.exec('BEGIN IMMEDIATE');
      try {
        const settled = await Promise.allSettled([
          store.update(answer(a, 0, 1), 0),
          store.update(answer(b, 0, 1), 0),
        ]);
        expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
        expect((settled[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
      } finally {
        holder.exec('ROLLBACK');
      }
      expect((await store.get('locked-1'))?.version).toBe(0);
      expect((await store.get('locked-2'))?.version).toBe(0);
      // The store goes on once the lock is free.
      expect(await store.update(answer(a, 0, 1), 0)).toBe(true);
    });

    it('commits the updates requested before a create first', async () => {
      const db = open();
      const store = new SqliteAttemptStore(db);
      const a = await running(store, 'order-1', 'u-order');
      const submitted = store.update(submit(a), 0);
      // Requested after the submission, in the same turn of the event loop: the user has no
      // attempt running any more when the new one is created.
      expect(await store.create(attempt('order-2', 'u-order'), null)).toBe('created');
      expect(await submitted).toBe(true);
    });
  });

  it('a dedup pair survives a new connection (a restart)', async () => {
    expect(await new SqliteActivityDedup(open()).record('msteams', 'retry-1')).toBe(true);
    expect(await new SqliteActivityDedup(open()).record('msteams', 'retry-1')).toBe(false);
  });
});
