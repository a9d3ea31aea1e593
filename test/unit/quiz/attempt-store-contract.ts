import { DuplicateActivityError, InvalidInputError } from '../../../src/errors';
import {
  answerQuestion,
  expireIfDue,
  startAttempt,
  submitAttempt,
  type ActivityDedup,
  type Attempt,
  type AttemptStore,
  type Contest,
} from '../../../src/quiz';
import { makeBank, makeContest, MINUTE, T0 } from './fixtures';

const bank = makeBank({ a: 4, b: 3 });

let nextId = 0;
function practice(userId: string, startedAt = T0): Attempt {
  return startAttempt({
    mode: 'practice',
    id: `p-${++nextId}`,
    userId,
    seed: nextId,
    startedAt,
    bank,
    count: 3,
  });
}

function contestAttempt(userId: string, contest: Contest, startedAt = T0): Attempt {
  return startAttempt({
    mode: 'contest',
    id: `c-${++nextId}`,
    userId,
    seed: nextId,
    startedAt,
    bank,
    contest,
  });
}

const contest = makeContest({ questionsPerTopic: { a: 2, b: 1 }, questionCount: 3 });
const ref = (conversationId: string) => ({
  channelId: 'msteams',
  conversation: { id: conversationId },
  serviceUrl: 'http://127.0.0.1:1/',
});

/**
 * The `AttemptStore` contract (see its TSDoc), run against every adapter. `create` returns a
 * fresh, empty store, the dedup that reads the activities it records, and a cleanup function.
 */
export function describeAttemptStoreContract(
  name: string,
  create: () => { store: AttemptStore; activities: ActivityDedup; cleanup?: () => void },
): void {
  describe(`AttemptStore contract: ${name}`, () => {
    let store: AttemptStore;
    let activities: ActivityDedup;
    let cleanup: (() => void) | undefined;

    beforeEach(() => {
      ({ store, activities, cleanup } = create());
    });
    afterEach(() => cleanup?.());

    it('stores a new attempt and reads back an equal copy', async () => {
      const a = practice('u1');
      expect(await store.create(a, ref('c1'))).toBe('created');
      const read = await store.get(a.id);
      expect(read).toEqual(a);
      expect(read).not.toBe(a);
      expect(await store.getInProgress('u1')).toEqual(a);
      expect(await store.getConversation(a.id)).toEqual(ref('c1'));
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.getInProgress('nobody')).toBeUndefined();
      expect(await store.getConversation('nope')).toBeUndefined();
    });

    it('refuses a duplicate id and anything but a fresh attempt', async () => {
      const a = practice('u1');
      await store.create(a, null);
      await expect(store.create({ ...a, userId: 'u2' }, null)).rejects.toThrow();
      const b = practice('u3');
      await expect(store.create({ ...b, version: 1 }, null)).rejects.toThrow(InvalidInputError);
      await expect(store.create({ ...b, plan: [] }, null)).rejects.toThrow(InvalidInputError);
      expect(await store.get(b.id)).toBeUndefined();
    });

    it('keeps at most one attempt in progress per user', async () => {
      const first = practice('u1');
      expect(await store.create(first, null)).toBe('created');
      const second = contestAttempt('u1', contest);
      expect(await store.create(second, null)).toBe('attempt-running');
      expect(await store.get(second.id)).toBeUndefined();
      expect(await store.create(practice('u2'), null)).toBe('created');

      const done = submitAttempt(first, T0 + 1, 'user');
      if (!done.ok) throw new Error('submit failed');
      expect(await store.update(done.attempt, first.version)).toBe(true);
      expect(await store.getInProgress('u1')).toBeUndefined();
      expect(await store.create(second, null)).toBe('created');
      expect((await store.getInProgress('u1'))?.id).toBe(second.id);
    });

    it('reads the attempt a user created last, whatever its status', async () => {
      expect(await store.latest('u-latest')).toBeUndefined();
      const first = practice('u-latest');
      await store.create(first, null);
      await store.create(practice('u-latest-other'), null);
      expect((await store.latest('u-latest'))?.id).toBe(first.id);
      const done = submitAttempt(first, T0 + 1, 'user');
      if (!done.ok) throw new Error('submit failed');
      await store.update(done.attempt, first.version);
      expect(await store.latest('u-latest')).toEqual(done.attempt);
      const second = contestAttempt('u-latest', contest);
      await store.create(second, null);
      expect((await store.latest('u-latest'))?.id).toBe(second.id);
    });

    it('writes an update only over the version that was read', async () => {
      const a = practice('u1');
      await store.create(a, ref('c1'));
      const r1 = answerQuestion(a, { index: 0, choice: 1, at: T0 + 1 }, bank);
      const r2 = answerQuestion(a, { index: 0, choice: 2, at: T0 + 2 }, bank);
      if (!r1.ok || !r2.ok) throw new Error('answer failed');
      expect(await store.update(r1.attempt, 0, { conversation: ref('c2') })).toBe(true);
      expect(await store.update(r2.attempt, 0, { conversation: ref('c3') })).toBe(false);
      const stored = await store.get(a.id);
      expect(stored?.version).toBe(1);
      expect(stored?.answers[0]?.choice).toBe(1);
      expect(await store.getConversation(a.id)).toEqual(ref('c2'));

      // Without a conversation, the stored one is kept.
      const r3 = answerQuestion(stored!, { index: 1, choice: 0, at: T0 + 3 }, bank);
      if (!r3.ok) throw new Error('answer failed');
      expect(await store.update(r3.attempt, 1)).toBe(true);
      expect(await store.getConversation(a.id)).toEqual(ref('c2'));

      expect(await store.update({ ...r3.attempt, id: 'nope', version: 9 }, 2)).toBe(false);
      expect(await store.update({ ...r3.attempt, userId: 'thief', version: 9 }, 2)).toBe(false);
      await expect(store.update(r3.attempt, 2)).rejects.toThrow(InvalidInputError);
    });

    it('keeps a submitted attempt final', async () => {
      const a = practice('u1');
      await store.create(a, null);
      const done = submitAttempt(a, T0 + 1, 'user');
      if (!done.ok) throw new Error('submit failed');
      expect(await store.update(done.attempt, 0)).toBe(true);
      const changed = { ...done.attempt, tiebreakAnswer: 3, version: 2 };
      expect(await store.update(changed, 1)).toBe(false);
      expect(await store.get(a.id)).toEqual(done.attempt);
    });

    it('counts contest attempts per user and contest, submitted ones included', async () => {
      const other = makeContest({ id: 'khac', questionsPerTopic: { a: 1 }, questionCount: 1 });
      const a = contestAttempt('u1', contest);
      expect(await store.create(a, null, { maxContestAttempts: 1 })).toBe('created');
      expect(await store.countContestAttempts('u1', contest.id)).toBe(1);
      expect(await store.countContestAttempts('u1', other.id)).toBe(0);
      expect(await store.countContestAttempts('u2', contest.id)).toBe(0);

      const done = submitAttempt(a, T0 + MINUTE, 'user');
      if (!done.ok) throw new Error('submit failed');
      await store.update(done.attempt, 0);
      expect(await store.countContestAttempts('u1', contest.id)).toBe(1);
      const again = contestAttempt('u1', contest);
      expect(await store.create(again, null, { maxContestAttempts: 1 })).toBe('no-attempts-left');
      expect(await store.get(again.id)).toBeUndefined();
      expect(await store.create(again, null, { maxContestAttempts: 2 })).toBe('created');
      expect(await store.countContestAttempts('u1', contest.id)).toBe(2);
    });

    it('lists in-progress attempts due by a time, earliest first, and the next deadline', async () => {
      expect(await store.nextDeadline()).toBeUndefined();
      await store.create(practice('p'), null);
      expect(await store.nextDeadline()).toBeUndefined();
      const late = contestAttempt('u1', contest, T0 + 5 * MINUTE);
      const early = contestAttempt('u2', contest, T0);
      await store.create(late, null);
      await store.create(early, null);
      expect(await store.nextDeadline()).toBe(early.deadline);
      expect(await store.listDue(early.deadline! - 1)).toEqual([]);
      expect((await store.listDue(late.deadline!)).map((a) => a.id)).toEqual([early.id, late.id]);
      expect((await store.listDue(late.deadline!, 1)).map((a) => a.id)).toEqual([early.id]);

      const expired = expireIfDue(early, early.deadline!);
      await store.update(expired, early.version);
      expect(await store.nextDeadline()).toBe(late.deadline);
      expect((await store.listDue(late.deadline!)).map((a) => a.id)).toEqual([late.id]);
    });

    it('queues, claims with a lease and completes expiry notices', async () => {
      const a = contestAttempt('u1', contest);
      const b = contestAttempt('u2', contest);
      await store.create(a, ref('ca'));
      await store.create(b, ref('cb'));
      expect(await store.claimExpiryNotices(T0, 1000)).toEqual([]);
      await store.update(expireIfDue(a, a.deadline!), a.version, { expiryNotice: true });
      await store.update(expireIfDue(b, b.deadline!), b.version);

      const now = a.deadline! + 1;
      const claimed = await store.claimExpiryNotices(now, 1000);
      expect(claimed).toEqual([
        {
          attempt: expect.objectContaining({ id: a.id, submitReason: 'deadline' }),
          conversation: ref('ca'),
          tries: 0,
        },
      ]);
      expect(await store.claimExpiryNotices(now + 999, 1000)).toEqual([]);

      await store.completeExpiryNotice(a.id, false);
      const again = await store.claimExpiryNotices(now + 1000, 1000);
      expect(again.map((n) => [n.attempt.id, n.tries])).toEqual([[a.id, 1]]);
      await store.completeExpiryNotice(a.id, true);
      expect(await store.claimExpiryNotices(now + 10_000, 1000)).toEqual([]);
    });

    it('records the activity of an update with it; a second delivery writes nothing', async () => {
      const act = { channelId: 'msteams', activityId: 'answer-1' };
      const a = practice('u1');
      await store.create(a, null);
      expect(await activities.isHandled('msteams', 'answer-1')).toBe(false);
      const first = answerQuestion(a, { index: 0, choice: 1, at: T0 + 1 }, bank);
      if (!first.ok) throw new Error('answer failed');
      expect(await store.update(first.attempt, 0, { activity: act })).toBe(true);
      expect(await activities.isHandled('msteams', 'answer-1')).toBe(true);
      expect(await activities.isHandled('emulator', 'answer-1')).toBe(false);

      // The retry, read after the first was stored, would answer the next question.
      const slid = answerQuestion(first.attempt, { index: 1, choice: 1, at: T0 + 2 }, bank);
      if (!slid.ok) throw new Error('answer failed');
      await expect(store.update(slid.attempt, 1, { activity: act })).rejects.toThrow(
        DuplicateActivityError,
      );
      expect(await store.get(a.id)).toEqual(first.attempt);
      // Another activity may make that change.
      const other = { channelId: 'msteams', activityId: 'answer-2' };
      expect(await store.update(slid.attempt, 1, { activity: other })).toBe(true);
    });

    it('records nothing for an update that loses the race', async () => {
      const a = practice('u1');
      await store.create(a, null);
      const one = answerQuestion(a, { index: 0, choice: 1, at: T0 + 1 }, bank);
      const two = answerQuestion(a, { index: 0, choice: 2, at: T0 + 1 }, bank);
      if (!one.ok || !two.ok) throw new Error('answer failed');
      expect(await store.update(one.attempt, 0)).toBe(true);
      const act = { channelId: 'msteams', activityId: 'late' };
      expect(await store.update(two.attempt, 0, { activity: act })).toBe(false);
      expect(await activities.isHandled('msteams', 'late')).toBe(false);
      const retried = answerQuestion(one.attempt, { index: 1, choice: 2, at: T0 + 2 }, bank);
      if (!retried.ok) throw new Error('answer failed');
      expect(await store.update(retried.attempt, 1, { activity: act })).toBe(true);
    });

    it('records the activity of a created attempt, and not of a refused one', async () => {
      const act = { channelId: 'msteams', activityId: 'start-1' };
      const a = practice('u1');
      expect(await store.create(a, null, { activity: act })).toBe('created');
      expect(await activities.isHandled('msteams', 'start-1')).toBe(true);
      const refused = { channelId: 'msteams', activityId: 'start-2' };
      expect(await store.create(practice('u1'), null, { activity: refused })).toBe(
        'attempt-running',
      );
      expect(await activities.isHandled('msteams', 'start-2')).toBe(false);

      const done = submitAttempt(a, T0 + 1, 'user');
      if (!done.ok) throw new Error('submit failed');
      await store.update(done.attempt, 0);
      const again = practice('u1');
      await expect(store.create(again, null, { activity: act })).rejects.toThrow(
        DuplicateActivityError,
      );
      expect(await store.get(again.id)).toBeUndefined();
      expect(await store.getInProgress('u1')).toBeUndefined();
    });

    it('drops a notice after too many failed deliveries', async () => {
      const a = contestAttempt('u1', contest);
      await store.create(a, null);
      await store.update(expireIfDue(a, a.deadline!), a.version, { expiryNotice: true });
      let at = a.deadline!;
      for (let i = 0; i < 3; i++) {
        expect(await store.claimExpiryNotices(at, 10)).toHaveLength(1);
        await store.completeExpiryNotice(a.id, false, 3);
        at += 10;
      }
      expect(await store.claimExpiryNotices(at + 1000, 10)).toEqual([]);
    });
  });
}

/** The `ActivityDedup` contract, run against every adapter; `clock` is the adapter's clock. */
export function describeActivityDedupContract(
  name: string,
  create: (clock: () => number) => { dedup: ActivityDedup; cleanup?: () => void },
): void {
  describe(`ActivityDedup contract: ${name}`, () => {
    let now = T0;
    let dedup: ActivityDedup;
    let cleanup: (() => void) | undefined;

    beforeEach(() => {
      now = T0;
      ({ dedup, cleanup } = create(() => now));
    });
    afterEach(() => cleanup?.());

    it('sees an activity first once, per channel', async () => {
      expect(await dedup.record('msteams', 'a1')).toBe(true);
      expect(await dedup.record('msteams', 'a1')).toBe(false);
      expect(await dedup.record('emulator', 'a1')).toBe(true);
      expect(await dedup.record('msteams', 'a2')).toBe(true);
    });

    it('lets exactly one of concurrent calls through', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => dedup.record('msteams', 'same')),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('tells a handled activity without recording one', async () => {
      expect(await dedup.isHandled('msteams', 'a1')).toBe(false);
      expect(await dedup.isHandled('msteams', 'a1')).toBe(false);
      expect(await dedup.record('msteams', 'a1')).toBe(true);
      expect(await dedup.isHandled('msteams', 'a1')).toBe(true);
      expect(await dedup.isHandled('emulator', 'a1')).toBe(false);
    });

    it('cannot deduplicate activities without an id', async () => {
      expect(await dedup.record('msteams', '')).toBe(true);
      expect(await dedup.record('msteams', '')).toBe(true);
      expect(await dedup.isHandled('msteams', '')).toBe(false);
    });

    it('remembers for a day, then forgets', async () => {
      await dedup.record('msteams', 'old');
      now += 23 * 60 * MINUTE;
      expect(await dedup.record('msteams', 'old')).toBe(false);
      expect(await dedup.isHandled('msteams', 'old')).toBe(true);
      now += 2 * 60 * MINUTE;
      expect(await dedup.isHandled('msteams', 'old')).toBe(false);
      expect(await dedup.record('msteams', 'other')).toBe(true);
      expect(await dedup.record('msteams', 'old')).toBe(true);
    });
  });
}
